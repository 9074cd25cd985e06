import type { MiddlewareHandler } from 'hono';
import { PAGE_SCRIPT } from './scripts.ts';
import { SIGNIN_SCRIPT } from './signin-script.ts';
import { CSS } from './style.ts';

const sha256 = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
};

let policy: Promise<string> | undefined;

/**
 * The pages' Content-Security-Policy: nothing from elsewhere, and of inline code only the pages'
 * own stylesheet and scripts (every page's, and the sign-in pages' WebAuthn one), by hash (they are constants, so the hashes are computed once).
 */
export function pagePolicy(): Promise<string> {
  policy ??= Promise.all([sha256(CSS), sha256(PAGE_SCRIPT), sha256(SIGNIN_SCRIPT)]).then(
    ([style, script, signin]) =>
      `default-src 'none'; style-src ${style}; script-src ${script} ${signin}; ` +
      `connect-src 'self'; img-src 'self' data:; ` +
      `form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  return policy;
}

/**
 * Sets the pages' policy on every page answer (the server's headers keep what a page set). Pages
 * send their referrer to this site only: under `no-referrer` a browser posts forms with
 * `Origin: null`, which the forgery check must refuse; other sites still learn nothing.
 */
export function pageSecurity(): MiddlewareHandler {
  return async function pageSecurity(c, next) {
    await next();
    c.header('Content-Security-Policy', await pagePolicy());
    c.header('Referrer-Policy', 'same-origin');
  };
}
