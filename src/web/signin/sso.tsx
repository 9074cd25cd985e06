import { Hono, type MiddlewareHandler } from 'hono';
import { raw } from 'hono/html';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  confirmSsoWithPasskey,
  confirmSsoWithTotp,
  finishSsoLogin,
  personToConfirm,
  providerSignOutUrl,
  redirectUri,
  ssoConfig,
  startSsoLogin,
  type SsoRefusal,
} from '../../app/sso/index.ts';
import { clientAddress } from '../../contract/client.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { Csrf, ErrorSummary, Input, text, type FormErrors } from '../shared/form.tsx';
import { t, type TextKey } from '../shared/i18n.ts';
import { render } from '../shared/layout.tsx';
import { homeOf, preSessionCsrf, startSession } from '../shared/session.ts';
import { SIGNIN_SCRIPT } from '../shared/signin-script.ts';
import { parseResponse } from './passkey-response.ts';

/**
 * The browser's half of a sign-in with the provider: the secret whose hash finds the state, nonce
 * and PKCE verifier on the server. SameSite=Lax: the provider's redirect back is a cross-site
 * navigation, on which a Strict cookie would not come along.
 */
const SSO_COOKIE = 'bunsan_sso';
const COOKIE_PATH = '/signin/oidc';

const cookieOptions = (c: WebContext, maxAge: number) => ({
  httpOnly: true,
  secure: c.var.deps.publicUrl.startsWith('https:'),
  sameSite: 'Lax' as const,
  path: COOKIE_PATH,
  maxAge,
});

/**
 * "Sign in with your organisation account": a link, not a form, since the pages' CSP allows forms
 * to go to this site only (`form-action` covers a form's redirect too). Starting is harmless to
 * forge: the state ties the answer to the browser that started, so nobody is signed in as another.
 */
export function SsoButton({ c }: { c: WebContext }) {
  return (
    <p id="sso">
      <a href="/signin/oidc" class="button">
        {t(c.var.lang, 'sso.signIn')}
      </a>
    </p>
  );
}

/** What the sign-in page offers: the provider's button, and whether it is the only way in. */
export async function ssoOffer(c: WebContext): Promise<{ ready: boolean; required: boolean }> {
  const cfg = await ssoConfig(c.var.deps);
  return { ready: cfg.ready, required: cfg.required };
}

type InvitedPerson = Extract<Parameters<typeof startSession>[1], { person: unknown }>['person'];

/**
 * After an invitation's passkey, authenticator app or acceptance: a session, or none while single
 * sign-on is required (the credential then waits to confirm a provider sign-in). Where to go next.
 */
export async function sessionAfterInvitation(
  c: WebContext,
  person: InvitedPerson,
  method: 'passkey' | 'totp' | 'invitation',
): Promise<string> {
  if ((await ssoOffer(c)).required) return '/signin';
  await startSession(c, { person }, method);
  return homeOf(c);
}

/** Refuses the other ways in (passkey, authenticator app, e-mailed code) while SSO is required. */
export const unlessSsoRequired: MiddlewareHandler<WebEnv> = async (c, next) => {
  if (!(await ssoOffer(c)).required) return next();
  const message = t(c.var.lang, 'sso.onlySso');
  if (c.req.path === '/signin/passkey') return c.json({ message }, 403);
  return render(c, t(c.var.lang, 'sso.refusedTitle'), <Refused c={c} message={message} />, 403);
};

function Refused({ c, message }: { c: WebContext; message: string }) {
  return (
    <>
      <p role="alert">{message}</p>
      <p>
        <a href="/signin">{t(c.var.lang, 'signIn')}</a>
      </p>
    </>
  );
}

const refusedPage = (c: WebContext, why: SsoRefusal, status: 400 | 403 | 429 = 403) =>
  render(
    c,
    t(c.var.lang, 'sso.refusedTitle'),
    <Refused c={c} message={t(c.var.lang, `sso.refused.${why}` as TextKey)} />,
    status,
  );

/**
 * Signed in: the session cookie is SameSite=Strict, which the browser would not send on a redirect
 * that continues the provider's cross-site navigation, so this page moves on by itself (Refresh)
 * as a navigation of bunsan's own.
 */
function signedInPage(c: WebContext) {
  const home = homeOf(c);
  c.header('Refresh', `0;url=${home}`);
  return render(
    c,
    t(c.var.lang, 'sso.signedIn'),
    <p>
      <a href={home}>{t(c.var.lang, 'sso.continue')}</a>
    </p>,
  );
}

async function confirmPage(c: WebContext, errors: FormErrors = {}, status: 200 | 401 = 200) {
  const lang = c.var.lang;
  const person = await personToConfirm(c.var.deps, getCookie(c, SSO_COOKIE));
  if (!person) return refusedPage(c, 'expired', 400);
  const csrf = await preSessionCsrf(c);
  return render(
    c,
    t(lang, 'sso.confirmTitle'),
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p>{t(lang, 'sso.confirmIntro', { name: person.name })}</p>
      <form method="post" action="/signin/oidc/passkey">
        <Csrf token={csrf} />
        <button
          type="submit"
          data-passkey="authenticate"
          data-options="/signin/passkey/options"
          data-working={t(lang, 'passkeyWorking')}
          data-failed={t(lang, 'passkeyFailed')}
        >
          {t(lang, 'sso.confirmPasskey')}
        </button>
        <p id="passkey-status" role="status" aria-live="polite"></p>
      </form>
      <form method="post" action="/signin/oidc/totp">
        <Csrf token={csrf} />
        <Input
          name="code"
          label={t(lang, 'sso.confirmTotp')}
          hint={t(lang, 'totpHint')}
          errors={errors}
          autocomplete="one-time-code"
          required
        />
        <button type="submit">{t(lang, 'signIn')}</button>
      </form>
      <script>{raw(SIGNIN_SCRIPT)}</script>
    </>,
    status,
  );
}

/** Sign-in with the organisation's OpenID Connect provider, and its second step. */
export function ssoPages() {
  const r = new Hono<WebEnv>();
  const limitKey = (c: WebContext) => `sso:${clientAddress(c) ?? ''}`;

  r.get('/signin/oidc', async (c) => {
    const started = await startSsoLogin(c.var.deps);
    if (!started.ok) return refusedPage(c, started.error);
    setCookie(c, SSO_COOKIE, started.value.secret, cookieOptions(c, 15 * 60));
    return c.redirect(started.value.url, 303);
  });

  r.get('/signin/oidc/callback', async (c) => {
    const wait = c.var.throttle.waitSeconds(limitKey(c));
    if (wait) {
      c.header('Retry-After', String(wait));
      return refusedPage(c, 'expired', 429);
    }
    const done = await finishSsoLogin(
      c.var.deps,
      getCookie(c, SSO_COOKIE),
      new URL(redirectUri(c.var.deps) + new URL(c.req.url).search),
    );
    if (!done.ok) {
      c.var.throttle.fail(limitKey(c));
      deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH });
      return refusedPage(c, done.error, 403);
    }
    if (done.value.confirm) return c.redirect('/signin/oidc/confirm', 303);
    deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH });
    await startSession(c, { person: done.value.person }, 'oidc');
    return signedInPage(c);
  });

  r.get('/signin/oidc/confirm', (c) => confirmPage(c));

  // Signed out here; the provider's own session stays unless the person ends it there too.
  r.get('/signin/oidc/signed-out', async (c) => {
    const lang = c.var.lang;
    const there = await providerSignOutUrl(c.var.deps);
    return render(
      c,
      t(lang, 'sso.signedOut'),
      <>
        <p role="status">{t(lang, 'sso.signedOutHere')}</p>
        {there ? (
          <p>
            <a href={there} id="provider-sign-out">
              {t(lang, 'sso.signOutThere')}
            </a>
          </p>
        ) : null}
        <p>
          <a href="/signin">{t(lang, 'signIn')}</a>
        </p>
      </>,
    );
  });

  r.post('/signin/oidc/passkey', async (c) => {
    const key = limitKey(c);
    const response = parseResponse(await c.req.parseBody());
    const done =
      response && !c.var.throttle.waitSeconds(key)
        ? await confirmSsoWithPasskey(c.var.deps, getCookie(c, SSO_COOKIE), response as never)
        : null;
    if (!done?.ok) {
      c.var.throttle.fail(key);
      return c.json({ message: t(c.var.lang, 'sso.confirmWrong') }, 401);
    }
    deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH });
    await startSession(c, { person: done.value }, 'oidc+passkey');
    return c.json({ redirect: homeOf(c) });
  });

  r.post('/signin/oidc/totp', async (c) => {
    const key = limitKey(c);
    const wait = c.var.throttle.waitSeconds(key);
    const lang = c.var.lang;
    if (wait) return confirmPage(c, { code: [t(lang, 'tooManyAttempts', { wait })] }, 401);
    const code = text(await c.req.parseBody(), 'code');
    const done = await confirmSsoWithTotp(c.var.deps, getCookie(c, SSO_COOKIE), code);
    if (!done.ok && done.error === 'expired') return refusedPage(c, 'expired', 400);
    if (!done.ok) {
      c.var.throttle.fail(key);
      return confirmPage(c, { code: [t(lang, 'sso.confirmWrong')] }, 401);
    }
    deleteCookie(c, SSO_COOKIE, { path: COOKIE_PATH });
    await startSession(c, { person: done.value }, 'oidc+totp');
    return c.redirect(homeOf(c), 303);
  });

  return r;
}
