import type { Child } from 'hono/jsx';

/**
 * A table that scrolls sideways within itself, never the page (WCAG 1.4.10 reflow on a phone); its
 * container takes the keyboard's focus so that it can be scrolled without a mouse.
 */
export function Table(p: { id?: string; class?: string; children?: Child }) {
  return (
    <div class="scroll" tabindex={0}>
      <table id={p.id} class={p.class}>
        {p.children}
      </table>
    </div>
  );
}
