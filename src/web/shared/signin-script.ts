import { WEBAUTHN_BROWSER } from './webauthn-browser.ts';

/**
 * The sign-in pages' script: @simplewebauthn/browser (served inline from bunsan's own origin, its
 * hash in the CSP) and a click handler. A `button[data-passkey]` of a form asks the page's
 * `data-options` URL for options, lets the browser make (register) or use (authenticate) a
 * passkey, posts the result with the form's fields to the form's action, and follows the redirect
 * the answer names, or shows its message in `#passkey-status`.
 */
export const SIGNIN_SCRIPT = `${WEBAUTHN_BROWSER}
document.addEventListener('click', async (e) => {
  const b = e.target.closest('button[data-passkey]');
  if (!b) return;
  e.preventDefault();
  const form = b.closest('form');
  const status = document.getElementById('passkey-status');
  status.textContent = b.dataset.working;
  const body = new URLSearchParams(new FormData(form));
  try {
    const options = await (await fetch(b.dataset.options, { method: 'POST', body })).json();
    const w = SimpleWebAuthnBrowser;
    const response = b.dataset.passkey === 'register'
      ? await w.startRegistration({ optionsJSON: options })
      : await w.startAuthentication({ optionsJSON: options });
    body.set('response', JSON.stringify(response));
    const answer = await (await fetch(form.action, { method: 'POST', body })).json();
    if (answer.redirect) return location.assign(answer.redirect);
    status.textContent = answer.message || b.dataset.failed;
  } catch {
    status.textContent = b.dataset.failed;
  }
});`;
