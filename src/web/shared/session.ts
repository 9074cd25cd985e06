import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Role } from '../../app/actor.ts';
import { hashSecret, newSecret } from '../../app/secrets.ts';
import { closeSession, openSession, personActor, sessionActor } from '../../app/sessions/index.ts';
import type { WebContext, WebEnv } from './env.ts';

/** The signed-in session: the secret of a server-side session record (never an API token). */
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

/** The synchronizer token of a session (what hidden `_csrf` fields carry). */
const csrfTokenOf = (secret: string): Promise<string> => hashSecret(`bunsan-csrf:${secret}`);

/** Signs in: a server-side session for the person (or an API token's holder); its secret in an HttpOnly, SameSite=Strict cookie (Secure over https). */
export async function startSession(
  c: WebContext,
  who: Parameters<typeof openSession>[1],
  method: Parameters<typeof openSession>[2],
): Promise<void> {
  const secret = await openSession(c.var.deps, who, method, c.req.header('user-agent') ?? '');
  setCookie(c, SESSION_COOKIE, secret, cookieOptions(c));
  c.set('actor', 'person' in who ? personActor(who.person) : who.token);
  deleteCookie(c, PRE_COOKIE, { path: '/' });
}

/** Signs out: the session ends on the server, so the old cookie is worth nothing. Says how it was started. */
export async function endSession(c: WebContext): Promise<string | null> {
  const secret = getCookie(c, SESSION_COOKIE);
  const method = secret ? await closeSession(c.var.deps, secret) : null;
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
  return method;
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

/** The session's actor, if the cookie names a live session. Sets actor and csrf when found. */
export async function resumeSession(c: WebContext): Promise<boolean> {
  const secret = getCookie(c, SESSION_COOKIE);
  const found = secret ? await sessionActor(c.var.deps, secret) : null;
  if (!secret || !found) return false;
  c.set('actor', found.actor);
  c.set('sessionId', found.sessionId);
  c.set('csrf', await csrfTokenOf(secret));
  return true;
}

/** Pages need a signed-in session: otherwise to the sign-in page. */
export function requireSession(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (!(await resumeSession(c))) {
      if (getCookie(c, SESSION_COOKIE))
        deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
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
  if (a.role === 'chief') return `/departments/${a.departmentId}/board`;
  if (a.role === 'hr') return '/quarantines';
  if (a.role === 'staff') return '/me';
  return '/departments';
}
