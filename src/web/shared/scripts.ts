/**
 * The one script the pages run, on every page (its hash is in the pages' CSP, which refuses inline
 * handlers): print buttons, and the staff page's copy buttons.
 */
export const PAGE_SCRIPT = `
document.addEventListener('click', async (e) => {
  if (e.target.closest('button[data-print]')) return window.print();
  const b = e.target.closest('button[data-copy]');
  if (!b) return;
  const input = document.getElementById(b.dataset.copy);
  const status = document.getElementById('copy-status');
  try { await navigator.clipboard.writeText(input.value); } catch { input.select(); document.execCommand('copy'); }
  status.textContent = b.dataset.done + ': ' + input.closest('.copy-row').dataset.name;
});`;
