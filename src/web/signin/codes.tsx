import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { Failure } from '../../app/failure.ts';
import {
  confirmTotp,
  openInvitation,
  sendEmailCode,
  signInWithEmailCode,
  signInWithTotp,
  startTotp,
} from '../../app/people/index.ts';
import { clientAddress } from '../../contract/client.ts';
import { emailKey } from '../../domain/roster/index.ts';
import type { Language } from '../../domain/types.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import {
  Csrf,
  ErrorSummary,
  errorsOf,
  errorsOnFields,
  Input,
  text,
  type FormErrors,
} from '../shared/form.tsx';
import { t, type TextKey } from '../shared/i18n.ts';
import { render, renderMessage } from '../shared/layout.tsx';
import { homeOf, preSessionCsrf, startSession } from '../shared/session.ts';
import { sessionAfterInvitation } from './sso.tsx';

/** The sign-in page's other ways in: an authenticator app's code, or (staff) an e-mailed code. */
export function CodeForms({
  c,
  csrf,
  errors,
}: {
  c: WebContext;
  csrf: string;
  errors: FormErrors;
}) {
  const lang = c.var.lang;
  return (
    <>
      <details open={Boolean(errors['totp-code'] || errors['totp-email'])}>
        <summary>{t(lang, 'totpSignIn')}</summary>
        <form method="post" action="/signin/totp">
          <Csrf token={csrf} />
          <Input
            name="email"
            id="totp-email"
            type="email"
            label={t(lang, 'email')}
            errors={errors}
            required
          />
          <CodeInput lang={lang} errors={errors} hint="totpHint" id="totp-code" />
          <button type="submit">{t(lang, 'signIn')}</button>
        </form>
      </details>
      <details>
        <summary>{t(lang, 'codeSignIn')}</summary>
        <p>{t(lang, 'codeSignInIntro')}</p>
        <form method="post" action="/signin/code">
          <Csrf token={csrf} />
          <Input
            name="email"
            id="code-email"
            type="email"
            label={t(lang, 'email')}
            errors={errors}
            required
          />
          <button type="submit">{t(lang, 'sendCode')}</button>
        </form>
      </details>
    </>
  );
}

/** A 6-digit code's field (an authenticator app's, or an e-mailed one). */
function CodeInput(p: { lang: Language; errors: FormErrors; hint: TextKey; id?: string }) {
  return (
    <Input
      name="code"
      {...(p.id ? { id: p.id } : {})}
      label={t(p.lang, 'code')}
      hint={t(p.lang, p.hint)}
      errors={p.errors}
      autocomplete="one-time-code"
      required
    />
  );
}

/** Failed sign-ins count per address and per person; past the limit both wait (429). */
function throttle(c: WebContext, email: string) {
  // Apart from the API's bearer-token failures of the address: staff typos behind one office
  // NAT must not lock the operators' scripts out.
  const address = clientAddress(c);
  const keys = [address ? `page:${address}` : null, `person:${emailKey(email)}`].filter(
    Boolean,
  ) as string[];
  return {
    wait: () => Math.max(0, ...keys.map((k) => c.var.throttle.waitSeconds(k))),
    fail: () => keys.forEach((k) => c.var.throttle.fail(k)),
  };
}

const codeErrors = (c: WebContext, f: Failure, field: string): FormErrors =>
  errorsOnFields(errorsOf(f), () => field, c.var.lang);

function enterCodePage(
  c: WebContext,
  csrf: string,
  email: string,
  errors: FormErrors = {},
  status: 200 | 401 | 429 = 200,
) {
  const lang = c.var.lang;
  return render(
    c,
    t(lang, 'codeSignIn'),
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p role="status">{t(lang, 'codeSent')}</p>
      <form method="post" action="/signin/code/verify">
        <Csrf token={csrf} />
        <input type="hidden" name="email" value={email} />
        <CodeInput lang={lang} errors={errors} hint="codeHint" />
        <button type="submit">{t(lang, 'signIn')}</button>
      </form>
      <form method="post" action="/signin/code">
        <Csrf token={csrf} />
        <input type="hidden" name="email" value={email} />
        <button type="submit" class="secondary">
          {t(lang, 'askNewCode')}
        </button>
      </form>
    </>,
    status,
  );
}

/** The codes' routes: sign-in with TOTP or an e-mailed code; an invitation's TOTP enrolment. */
export function codePages(
  signInPage: (c: WebContext, errors: FormErrors, status: 401 | 422 | 429) => Promise<Response>,
) {
  const r = new Hono<WebEnv>();

  r.post('/signin/totp', async (c) => {
    const body = await c.req.parseBody();
    const email = text(body, 'email');
    const limit = throttle(c, email);
    const wait = limit.wait();
    if (wait) {
      c.header('Retry-After', String(wait));
      return signInPage(c, { 'totp-code': [t(c.var.lang, 'tooManyAttempts', { wait })] }, 429);
    }
    const person = await signInWithTotp(c.var.deps, email, text(body, 'code'));
    if (!person.ok) {
      limit.fail();
      return signInPage(c, codeErrors(c, person.error, 'totp-code'), 401);
    }
    await startSession(c, { person: person.value }, 'totp');
    return c.redirect(homeOf(c), 303);
  });

  r.post('/signin/code', async (c) => {
    const email = text(await c.req.parseBody(), 'email');
    const limit = throttle(c, email);
    const wait = limit.wait();
    if (wait) {
      c.header('Retry-After', String(wait));
      return signInPage(c, { 'code-email': [t(c.var.lang, 'tooManyAttempts', { wait })] }, 429);
    }
    // Each request counts, so the form cannot be used to send mail without end.
    limit.fail();
    await sendEmailCode(c.var.deps, email);
    return enterCodePage(c, await preSessionCsrf(c), email);
  });

  r.post('/signin/code/verify', async (c) => {
    const body = await c.req.parseBody();
    const email = text(body, 'email');
    const csrf = await preSessionCsrf(c);
    const limit = throttle(c, email);
    const wait = limit.wait();
    if (wait) {
      c.header('Retry-After', String(wait));
      return enterCodePage(
        c,
        csrf,
        email,
        { code: [t(c.var.lang, 'tooManyAttempts', { wait })] },
        429,
      );
    }
    const person = await signInWithEmailCode(c.var.deps, email, text(body, 'code'));
    if (!person.ok) {
      limit.fail();
      return enterCodePage(c, csrf, email, codeErrors(c, person.error, 'code'), 401);
    }
    await startSession(c, { person: person.value }, 'email-code');
    return c.redirect(homeOf(c), 303);
  });

  const totpPage = async (
    c: WebContext,
    errors: FormErrors = {},
    status: 200 | 401 | 410 = 200,
  ) => {
    const lang = c.var.lang;
    const found = await openInvitation(c.var.deps, c.req.param('secret')!);
    if (!found.ok)
      return renderMessage(
        c,
        410,
        t(lang, 'invitationTitle'),
        t(lang, `invitation.${found.error}` as TextKey),
      );
    const enrol = await startTotp(c.var.deps, found.value.person, { keep: status === 401 });
    return render(
      c,
      t(lang, 'totpTitle'),
      <>
        <ErrorSummary lang={lang} errors={errors} />
        <p>{t(lang, 'totpIntro')}</p>
        <figure class="qr">{raw(enrol.qrSvg)}</figure>
        <p>
          {t(lang, 'totpSecret')} <code id="totp-secret">{enrol.secret}</code>
        </p>
        <form method="post" action={`/invite/${c.req.param('secret')}/totp`}>
          <Csrf token={await preSessionCsrf(c)} />
          <CodeInput lang={lang} errors={errors} hint="totpHint" />
          <button type="submit">{t(lang, 'confirmTotp')}</button>
        </form>
      </>,
      status,
    );
  };

  r.get('/invite/:secret/totp', (c) => totpPage(c));

  r.post('/invite/:secret/totp', async (c) => {
    const found = await openInvitation(c.var.deps, c.req.param('secret'));
    if (!found.ok) return totpPage(c);
    const { invitation, person } = found.value;
    const done = await confirmTotp(
      c.var.deps,
      person,
      text(await c.req.parseBody(), 'code'),
      invitation.id,
    );
    // A wrong code: the same secret again, with the message by the field.
    if (!done.ok) return totpPage(c, codeErrors(c, done.error, 'code'), 401);
    return c.redirect(await sessionAfterInvitation(c, person, 'totp'), 303);
  });

  return r;
}
