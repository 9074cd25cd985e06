import { Hono, type MiddlewareHandler } from 'hono';
import { raw } from 'hono/html';
import {
  acceptWithoutPasskey,
  openInvitation,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  signInWithPasskey,
} from '../../app/people/index.ts';
import { authenticate } from '../../app/tokens/index.ts';
import { clientAddress } from '../../contract/client.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { Csrf, ErrorSummary, Input, text, type FormErrors } from '../shared/form.tsx';
import { t, type TextKey } from '../shared/i18n.ts';
import { failurePage, render, renderMessage } from '../shared/layout.tsx';
import { homeOf, preSessionCsrf, resumeSession, startSession } from '../shared/session.ts';
import { SIGNIN_SCRIPT } from '../shared/signin-script.ts';
import { codePages, CodeForms } from './codes.tsx';
import { parseResponse } from './passkey-response.ts';
import {
  sessionAfterInvitation,
  ssoOffer,
  SsoButton,
  ssoPages,
  unlessSsoRequired,
} from './sso.tsx';

const Script = () => <script>{raw(SIGNIN_SCRIPT)}</script>;

/** A passkey button: the script asks `options` for a challenge, then posts to the form's action. */
function PasskeyButton(p: {
  c: WebContext;
  kind: 'register' | 'authenticate';
  options: string;
  label: string;
}) {
  const lang = p.c.var.lang;
  return (
    <>
      <button
        type="submit"
        data-passkey={p.kind}
        data-options={p.options}
        data-working={t(lang, 'passkeyWorking')}
        data-failed={t(lang, 'passkeyFailed')}
      >
        {p.label}
      </button>
      <p id="passkey-status" role="status" aria-live="polite"></p>
      <noscript>
        <p>{t(lang, 'passkeyNeedsScript')}</p>
      </noscript>
    </>
  );
}

async function signInPage(
  c: WebContext,
  csrf: string,
  errors: FormErrors = {},
  status: 200 | 401 | 422 | 429 = 200,
) {
  const lang = c.var.lang;
  const sso = await ssoOffer(c);
  return render(
    c,
    t(lang, 'signIn'),
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p>{t(lang, sso.required ? 'sso.required' : 'signInIntro')}</p>
      {sso.ready ? <SsoButton c={c} /> : null}
      {sso.required ? null : (
        <>
          <form method="post" action="/signin/passkey">
            <Csrf token={csrf} />
            <PasskeyButton
              c={c}
              kind="authenticate"
              options="/signin/passkey/options"
              label={t(lang, 'signInWithPasskey')}
            />
          </form>
          <CodeForms c={c} csrf={csrf} errors={errors} />
        </>
      )}
      <details open={Boolean(errors.token)}>
        <summary>{t(lang, 'tokenSignIn')}</summary>
        <p>{t(lang, 'tokenSignInIntro')}</p>
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
      </details>
      <Script />
    </>,
    status,
  );
}

/** The JSON a passkey post answers the script: where to go, or what went wrong (in words). */
const passkeyAnswer = (c: WebContext, ok: boolean, status: 200 | 400 | 401 | 409 = 200) =>
  c.json(
    ok ? { redirect: homeOf(c) } : { message: t(c.var.lang, 'passkeyFailed') },
    ok ? 200 : status,
  );

/** Sign-in (passkey; an API token for operators), and the invitation pages. */
export function signInPages() {
  const r = new Hono<WebEnv>();

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
    return c.redirect(homeOf(c), 303);
  });

  // While single sign-on is required, passkeys and authenticator apps only confirm it.
  for (const path of ['/signin/passkey', '/signin/totp', '/signin/code', '/signin/code/verify'])
    r.post(path, unlessSsoRequired);
  r.route('/', ssoPages());

  r.route(
    '/',
    codePages(async (c, errors, status) => signInPage(c, await preSessionCsrf(c), errors, status)),
  );

  r.post('/signin/passkey/options', async (c) => c.json(await passkeySignInOptions(c.var.deps)));

  r.post('/signin/passkey', async (c) => {
    const address = `page:${clientAddress(c) ?? ''}`;
    if (c.var.throttle.waitSeconds(address)) return passkeyAnswer(c, false, 401);
    const response = parseResponse(await c.req.parseBody());
    const person = response ? await signInWithPasskey(c.var.deps, response as never) : null;
    if (!person?.ok) {
      c.var.throttle.fail(address);
      return passkeyAnswer(c, false, 401);
    }
    await startSession(c, { person: person.value }, 'passkey');
    return passkeyAnswer(c, true);
  });

  // A link that does not work (410) counts as a failure of the address: past 20 in 5 minutes
  // it waits, so invitation secrets cannot be looked up by the thousand.
  const guessGuard: MiddlewareHandler<WebEnv> = async (c, next) => {
    const key = `invite:${clientAddress(c) ?? ''}`;
    const wait = c.var.throttle.waitSeconds(key);
    if (wait) {
      c.header('Retry-After', String(wait));
      return renderMessage(
        c,
        429,
        t(c.var.lang, 'invitationTitle'),
        t(c.var.lang, 'tooManyAttempts', { wait }),
      );
    }
    await next();
    if (c.res.status === 410) c.var.throttle.fail(key);
  };
  // (`/invite/:secret/*` matches `/invite/:secret` too.)
  r.use('/invite/:secret/*', guessGuard);

  r.get('/invite/:secret', async (c) => {
    const lang = c.var.lang;
    const found = await openInvitation(c.var.deps, c.req.param('secret'));
    if (!found.ok)
      return renderMessage(
        c,
        410,
        t(lang, 'invitationTitle'),
        t(lang, `invitation.${found.error}` as TextKey),
      );
    const { person } = found.value;
    const csrf = await preSessionCsrf(c);
    const here = `/invite/${c.req.param('secret')}`;
    return render(
      c,
      t(lang, 'invitationTitle'),
      <>
        <p>
          {t(lang, 'invitationIntro', {
            name: person.name,
            role: t(lang, `role.${person.role}` as TextKey),
          })}
        </p>
        <form method="post" action={`${here}/passkey`}>
          <Csrf token={csrf} />
          <Input name="deviceName" label={t(lang, 'deviceName')} hint={t(lang, 'deviceNameHint')} />
          <PasskeyButton
            c={c}
            kind="register"
            options={`${here}/passkey/options`}
            label={t(lang, 'registerPasskey')}
          />
        </form>
        {person.role !== 'staff' ? (
          <p>
            <a href={`${here}/totp`}>{t(lang, 'useTotp')}</a>
          </p>
        ) : null}
        {person.role === 'staff' ? (
          <form method="post" action={`${here}/continue`}>
            <Csrf token={csrf} />
            <p>{t(lang, 'continueWithoutPasskeyHint')}</p>
            <button type="submit" class="secondary">
              {t(lang, 'continueWithoutPasskey')}
            </button>
          </form>
        ) : null}
        <Script />
      </>,
    );
  });

  r.post('/invite/:secret/passkey/options', async (c) => {
    const found = await openInvitation(c.var.deps, c.req.param('secret'));
    if (!found.ok)
      return c.json({ message: t(c.var.lang, `invitation.${found.error}` as TextKey) }, 410);
    return c.json(await passkeyRegistrationOptions(c.var.deps, found.value.person));
  });

  r.post('/invite/:secret/passkey', async (c) => {
    const found = await openInvitation(c.var.deps, c.req.param('secret'));
    if (!found.ok)
      return c.json({ message: t(c.var.lang, `invitation.${found.error}` as TextKey) }, 410);
    const body = await c.req.parseBody();
    const response = parseResponse(body);
    const { invitation, person } = found.value;
    const added = response
      ? await registerPasskey(
          c.var.deps,
          person,
          response as never,
          text(body, 'deviceName'),
          invitation.id,
        )
      : null;
    if (!added?.ok) return passkeyAnswer(c, false, 400);
    return c.json({ redirect: await sessionAfterInvitation(c, person, 'passkey') });
  });

  r.post('/invite/:secret/continue', async (c) => {
    const lang = c.var.lang;
    const found = await openInvitation(c.var.deps, c.req.param('secret'));
    if (!found.ok)
      return renderMessage(
        c,
        410,
        t(lang, 'invitationTitle'),
        t(lang, `invitation.${found.error}` as TextKey),
      );
    const taken = await acceptWithoutPasskey(
      c.var.deps,
      found.value.invitation,
      found.value.person,
    );
    if (!taken.ok) return failurePage(c, taken.error);
    return c.redirect(await sessionAfterInvitation(c, taken.value, 'invitation'), 303);
  });

  return r;
}
