import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { aboutPages } from './about/routes.tsx';
import { adminPages } from './admin/routes.tsx';
import { chiefPages } from './chief/routes.tsx';
import type { WebContext, WebEnv } from './shared/env.ts';
import { hrPages } from './hr/routes.tsx';
import { signInPages } from './signin/routes.tsx';
import { accountPages } from './signin/account.tsx';
import { pickLang, t } from './shared/i18n.ts';
import { pagePolicy, pageSecurity } from './shared/csp.ts';
import { errorPage, refuseForgery, renderMessage } from './shared/layout.tsx';
import { csrfGuard, endSession, requireSession, signInCsrf, homeOf } from './shared/session.ts';
import { staffPages } from './staff/routes.tsx';
import { boardPages } from './board/routes.tsx';

const LANG_COOKIE = 'bunsan_lang';
/** The paths the pages own (a `/x/*` pattern matches `/x` too); the JSON API keeps /v1, /feeds and the rest. */
const SIGNED_IN = [
  '/',
  '/signout',
  '/departments/*',
  '/members/*',
  '/account',
  '/account/*',
  '/rotations/*',
  '/quarantines/*',
  '/exposures/*',
  '/me/*',
  '/admin/*',
  '/board',
];

/** The sign-in and invitation pages: before a session, their forms carry the pre-session token. */
const SIGN_IN = ['/signin', '/signin/*', '/invite/*', '/accessibility'];

/** The page language; `?lang=ja|en` is remembered in a cookie. */
function language(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const asked = c.req.query('lang');
    const lang = pickLang(asked, getCookie(c, LANG_COOKIE), c.req.header('accept-language'));
    if (asked === lang)
      setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    c.set('lang', lang);
    await next();
  };
}

// The same 1 MiB as the JSON API (a roster CSV of thousands of rows fits). The rest of the body
// is never read, so the connection cannot carry another request: it is closed.
const tooLarge = bodyLimit({
  maxSize: 1024 * 1024,
  onError: (c) => {
    c.header('Connection', 'close');
    return renderMessage(c as WebContext, 413, t(c.var.lang, 'tooLarge'));
  },
});

/** The server-rendered pages for chiefs, HR and staff, over the same use cases as the JSON API. */
export function webRoutes() {
  const r = new Hono<WebEnv>();
  for (const p of [...SIGNED_IN, ...SIGN_IN]) r.use(p, pageSecurity(), language(), tooLarge);
  for (const p of SIGN_IN) r.use(p, csrfGuard(signInCsrf, refuseForgery));
  for (const p of SIGNED_IN)
    r.use(
      p,
      requireSession(),
      csrfGuard(async (c) => c.var.csrf, refuseForgery),
    );

  r.route('/', signInPages());
  r.route('/', aboutPages());

  r.post('/signout', async (c) => {
    const method = await endSession(c);
    // After the organisation's provider: a page offering to sign out there too.
    return c.redirect(method?.startsWith('oidc') ? '/signin/oidc/signed-out' : '/signin', 303);
  });

  r.get('/', (c) => c.redirect(homeOf(c), 303));

  r.route('/', accountPages());
  r.route('/', adminPages());
  r.route('/', staffPages());
  r.route('/', chiefPages());
  r.route('/', hrPages());
  r.route('/', boardPages());
  r.onError(errorPage);
  return r;
}

const API_PATHS = /^\/(v1|feeds|slack)(\/|$)|^\/(openapi\.json|healthz)$/;

/**
 * A browser's request for a page that does not exist: a page with the trailing slash taken off is
 * where it meant to go (308); anything else is a page saying so in the reader's language. The API's
 * paths, and clients that do not ask for HTML, keep their problem+json (null here).
 */
export async function pageNotFound(c: Context<WebEnv>): Promise<Response | null> {
  const path = c.req.path;
  const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
  if (API_PATHS.test(path) || !wantsHtml || !['GET', 'HEAD'].includes(c.req.method)) return null;
  if (path.length > 1 && path.endsWith('/'))
    return c.redirect(path.replace(/\/+$/, '') + new URL(c.req.url).search, 308);
  c.header('Content-Security-Policy', await pagePolicy());
  c.set(
    'lang',
    pickLang(c.req.query('lang'), getCookie(c, LANG_COOKIE), c.req.header('accept-language')),
  );
  return renderMessage(c as WebContext, 404, t(c.var.lang, 'notFound'));
}
