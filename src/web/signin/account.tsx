import { Hono } from 'hono';
import { raw } from 'hono/html';
import {
  endOtherSessions,
  passkeyRegistrationOptions,
  personOf,
  readAccount,
  registerPasskey,
  removePasskey,
} from '../../app/people/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { Csrf, Input, text } from '../shared/form.tsx';
import { t, tOf } from '../shared/i18n.ts';
import { failurePage, render, valueOrPage } from '../shared/layout.tsx';
import { instantText } from '../shared/dates.tsx';
import { SIGNIN_SCRIPT } from '../shared/signin-script.ts';
import { parseResponse } from './passkey-response.ts';

async function accountPage(c: WebContext, notice?: string, problem?: string) {
  const lang = c.var.lang;
  const a = valueOrPage(await readAccount(c.var.deps, c.var.actor));
  return render(
    c,
    t(lang, 'accountTitle'),
    <>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {problem ? (
        <div class="summary" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <p>
        {a.person.name} &lt;{a.person.email}&gt; — {tOf(lang, 'role', a.person.role)}
      </p>
      <h2>{t(lang, 'passkeys')}</h2>
      {a.passkeys.length ? (
        <ul id="passkeys">
          {a.passkeys.map((p) => (
            <li>
              {p.deviceName}（{t(lang, 'lastUsed')}:{' '}
              {p.lastUsedAt ? instantText(lang, p.lastUsedAt, a.zone) : '—'}）
              <form method="post" action={`/account/passkeys/${p.id}/remove`} class="inline">
                <Csrf token={c.var.csrf} />
                <button type="submit" class="secondary">
                  {t(lang, 'remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'noPasskeys')}</p>
      )}
      <form method="post" action="/account/passkeys">
        <Csrf token={c.var.csrf} />
        <Input name="deviceName" label={t(lang, 'deviceName')} hint={t(lang, 'deviceNameHint')} />
        <button
          type="submit"
          data-passkey="register"
          data-options="/account/passkeys/options"
          data-working={t(lang, 'passkeyWorking')}
          data-failed={t(lang, 'passkeyFailed')}
        >
          {t(lang, 'addPasskey')}
        </button>
        <p id="passkey-status" role="status" aria-live="polite"></p>
      </form>
      <h2>{t(lang, 'totpStatus')}</h2>
      <p>{t(lang, a.totp ? 'totpOn' : 'totpOff')}</p>
      <h2>{t(lang, 'sessions')}</h2>
      <ul id="sessions">
        {a.sessions.map((s) => (
          <li>
            {instantText(lang, s.createdAt, a.zone)} — {tOf(lang, 'method', s.method)} —{' '}
            {s.userAgent || '—'}
            {s.id === c.var.sessionId ? <strong>（{t(lang, 'thisDevice')}）</strong> : null}
          </li>
        ))}
      </ul>
      <form method="post" action="/account/sessions/end-others">
        <Csrf token={c.var.csrf} />
        <button type="submit">{t(lang, 'endOthers')}</button>
      </form>
      <script>{raw(SIGNIN_SCRIPT)}</script>
    </>,
  );
}

/** A person's own account: their passkeys (add, remove), authenticator app, sessions. */
export function accountPages() {
  const r = new Hono<WebEnv>();

  r.get('/account', (c) => accountPage(c));

  r.post('/account/passkeys/options', async (c) => {
    const person = await personOf(c.var.deps, c.var.actor);
    if (!person) return c.json({ message: t(c.var.lang, 'forbidden') }, 403);
    return c.json(await passkeyRegistrationOptions(c.var.deps, person));
  });

  r.post('/account/passkeys', async (c) => {
    const person = await personOf(c.var.deps, c.var.actor);
    if (!person) return c.json({ message: t(c.var.lang, 'forbidden') }, 403);
    const body = await c.req.parseBody();
    const response = parseResponse(body);
    const added = response
      ? await registerPasskey(c.var.deps, person, response as never, text(body, 'deviceName'), null)
      : null;
    return added?.ok
      ? c.json({ redirect: '/account' })
      : c.json({ message: t(c.var.lang, 'passkeyFailed') }, 400);
  });

  r.post('/account/passkeys/:id/remove', async (c) => {
    const done = await removePasskey(c.var.deps, c.var.actor, c.req.param('id'));
    if (!done.ok && done.error.kind === 'conflict')
      return accountPage(c, undefined, t(c.var.lang, 'keepOneFactor'));
    if (!done.ok) return failurePage(c, done.error);
    return accountPage(c, t(c.var.lang, 'passkeyRemoved'));
  });

  r.post('/account/sessions/end-others', async (c) => {
    const ended = valueOrPage(await endOtherSessions(c.var.deps, c.var.actor, c.var.sessionId));
    return accountPage(c, t(c.var.lang, 'othersEnded', { count: ended }));
  });

  return r;
}
