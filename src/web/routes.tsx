import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { authenticate } from '../app/tokens/index.ts';
import { adminPages } from './admin/routes.tsx';
import { chiefPages } from './chief/routes.tsx';
import type { WebContext, WebEnv } from './shared/env.ts';
import { Csrf, ErrorSummary, Input, text, type FormErrors } from './shared/form.tsx';
import { hrPages } from './hr/routes.tsx';
import { pickLang, t } from './shared/i18n.ts';
import { clientAddress } from '../contract/client.ts';
import { pageSecurity } from './shared/csp.ts';
import { errorPage, refuseForgery, render, renderMessage } from './shared/layout.tsx';
import {
  csrfGuard,
  endSession,
  preSessionCsrf,
  requireSession,
  resumeSession,
  signInCsrf,
  startSession,
  homeOf,
} from './shared/session.ts';
import { staffPages } from './staff/routes.tsx';

const LANG_COOKIE = 'bunsan_lang';
/** The paths the pages own (a `/x/*` pattern matches `/x` too); the JSON API keeps /v1, /feeds and the rest. */
const SIGNED_IN = [
  '/',
  '/signout',
  '/departments/*',
  '/members/*',
  '/rotations/*',
  '/quarantines/*',
  '/exposures/*',
  '/me/*',
  '/admin/*',
];

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

function signInPage(
  c: WebContext,
  csrf: string,
  errors: FormErrors = {},
  status: 200 | 401 | 422 | 429 = 200,
) {
  const lang = c.var.lang;
  return render(
    c,
    t(lang, 'signIn'),
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p>{t(lang, 'signInIntro')}</p>
      <form method="post" action="/signin">
        <Csrf token={csrf} />
        <Input
          name="token"
          type="password"
          label={t(lang, 'token')}
          hint={t(lang, 'tokenHint')}
          errors={errors}
          autocomplete="off"
          required
        />
        <button type="submit">{t(lang, 'signIn')}</button>
      </form>
    </>,
    status,
  );
}

/** The server-rendered pages for chiefs, HR and staff, over the same use cases as the JSON API. */
export function webRoutes() {
  const r = new Hono<WebEnv>();
  for (const p of [...SIGNED_IN, '/signin']) r.use(p, pageSecurity(), language(), tooLarge);
  r.use('/signin', csrfGuard(signInCsrf, refuseForgery));
  for (const p of SIGNED_IN)
    r.use(
      p,
      requireSession(),
      csrfGuard(async (c) => c.var.csrf, refuseForgery),
    );

  r.get('/signin', async (c) =>
    (await resumeSession(c)) ? c.redirect(homeOf(c), 303) : signInPage(c, await preSessionCsrf(c)),
  );

  r.post('/signin', async (c) => {
    const token = text(await c.req.parseBody(), 'token');
    const csrf = await preSessionCsrf(c);
    if (!token) return signInPage(c, csrf, { token: [t(c.var.lang, 'tokenRequired')] }, 422);
    const address = clientAddress(c);
    const wait = address ? c.var.throttle.waitSeconds(address) : 0;
    if (wait) {
      c.header('Retry-After', String(wait));
      return signInPage(c, csrf, { token: [t(c.var.lang, 'tooManyAttempts', { wait })] }, 429);
    }
    const actor = await authenticate(c.var.deps, token);
    if (!actor && address) c.var.throttle.fail(address);
    if (!actor) return signInPage(c, csrf, { token: [t(c.var.lang, 'tokenUnknown')] }, 401);
    await startSession(c, { token: actor }, 'token');
    c.set('actor', actor);
    return c.redirect(homeOf(c), 303);
  });

  r.post('/signout', async (c) => {
    await endSession(c);
    return c.redirect('/signin', 303);
  });

  r.get('/', (c) => c.redirect(homeOf(c), 303));

  r.route('/', adminPages());
  r.route('/', staffPages());
  r.route('/', chiefPages());
  r.route('/', hrPages());
  r.onError(errorPage);
  return r;
}
