import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../../app/actor.ts';
import { hashSecret, newSecret } from '../../app/secrets.ts';
import { authenticate } from '../../app/tokens/index.ts';
import type { WebContext, WebEnv } from './env.ts';

/** The signed-in session: `<nonce>.<bearer token>`; the nonce makes the CSRF token differ per sign-in. */
const SESSION_COOKIE = 'bunsan_session';
/** Before sign-in: a nonce whose CSRF token guards the sign-in form itself (no login CSRF). */
const PRE_COOKIE = 'bunsan_pre';

const isHttps = (c: WebContext): boolean =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
const cookieOptions = (c: WebContext) => ({
  httpOnly: true,
  secure: isHttps(c),
  sameSite: 'Strict' as const,
  path: '/',
});

/** The synchronizer token of a session nonce (what hidden `_csrf` fields carry). */
const csrfTokenOf = (nonce: string): Promise<string> => hashSecret(`bunsan-csrf:${nonce}`);

function session(c: WebContext): { nonce: string; token: string } | null {
  const raw = getCookie(c, SESSION_COOKIE) ?? '';
  const dot = raw.indexOf('.');
  return dot > 0 ? { nonce: raw.slice(0, dot), token: raw.slice(dot + 1) } : null;
}

/** Signs in: the bearer token goes into an HttpOnly, SameSite=Strict cookie (Secure over https). */
export function startSession(c: WebContext, token: string): void {
  setCookie(c, SESSION_COOKIE, `${newSecret('s')}.${token}`, cookieOptions(c));
  deleteCookie(c, PRE_COOKIE, { path: '/' });
}

export function endSession(c: WebContext): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}

/** The sign-in form's nonce: the existing one, or a fresh one set now. */
export async function preSessionCsrf(c: WebContext): Promise<string> {
  let nonce = getCookie(c, PRE_COOKIE);
  if (!nonce) {
    nonce = newSecret('p');
    setCookie(c, PRE_COOKIE, nonce, { ...cookieOptions(c), maxAge: 3600 });
  }
  return csrfTokenOf(nonce);
}

/** The session's actor, or null (no cookie, or its token unknown or revoked). Sets actor and csrf when found. */
export async function resumeSession(c: WebContext): Promise<boolean> {
  const s = session(c);
  const actor = s ? await authenticate(c.var.deps, s.token) : null;
  if (!s || !actor) return false;
  c.set('actor', actor);
  c.set('csrf', await csrfTokenOf(s.nonce));
  return true;
}

/** Pages need a signed-in session: otherwise to the sign-in page. */
export function requireSession(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (!(await resumeSession(c))) {
      if (getCookie(c, SESSION_COOKIE)) endSession(c);
      return c.redirect('/signin', 303);
    }
    await next();
  };
}

/** The origin of PUBLIC_URL (the site as users reach it behind a proxy); '' when it is not a URL. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function sameString(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * CSRF protection of every form post, two layers: the browser's Origin (and Sec-Fetch-Site) must be
 * this site, and the form must carry the session's synchronizer token. `expected` gives the token of
 * the session the post belongs to (null: none). Refused posts answer 403 through `refuse`.
 */
export function csrfGuard(
  expected: (c: WebContext) => Promise<string | null>,
  refuse: (c: WebContext) => Response | Promise<Response>,
): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin');
    const allowed = new Set([new URL(c.req.url).origin, originOf(c.var.deps.publicUrl)]);
    if (origin !== undefined && !allowed.has(origin)) return refuse(c);
    if (c.req.header('sec-fetch-site') === 'cross-site') return refuse(c);
    const want = await expected(c);
    let sent: unknown;
    try {
      sent = (await c.req.parseBody())._csrf;
    } catch {
      sent = undefined;
    }
    if (!want || typeof sent !== 'string' || !sameString(sent, want)) return refuse(c);
    await next();
  };
}

/** The token the sign-in post must carry. */
export async function signInCsrf(c: WebContext): Promise<string | null> {
  const nonce = getCookie(c, PRE_COOKIE);
  return nonce ? csrfTokenOf(nonce) : null;
}

/** Lets only the given roles through; the use case still checks the scope (department, member). */
export function roles(
  allowed: Role[],
  refuse: (c: WebContext) => Response | Promise<Response>,
): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (!allowed.includes(c.var.actor.role)) return refuse(c);
    await next();
  };
}

/** Where each role starts. */
export function homeOf(c: WebContext): string {
  const a = c.var.actor;
  if (a.role === 'chief') return `/departments/${a.departmentId}`;
  if (a.role === 'hr') return '/quarantines';
  if (a.role === 'staff') return '/me';
  return '/departments';
}
