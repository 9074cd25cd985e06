import { Hono } from 'hono';
import { linkSlackUser, readMember } from '../../app/members/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { Csrf, Input, text, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { failurePage, refuseRole, render, valueOrPage } from '../shared/layout.tsx';

const FIELD = 'slackUserId';

async function slackPage(
  c: WebContext,
  o: { errors?: FormErrors; value?: string; notice?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  const lang = c.var.lang;
  const me = valueOrPage(await readMember(c.var.deps, c.var.actor, c.var.actor.memberId!));
  return render(
    c,
    t(lang, 'slack.title'),
    <>
      {o.notice ? (
        <p class="notice" role="status">
          {o.notice}
        </p>
      ) : null}
      <p>{t(lang, 'slack.intro')}</p>
      <p id="slack-current">
        {me.slackUserId ? t(lang, 'slack.current', { id: me.slackUserId }) : t(lang, 'slack.none')}
      </p>
      <form method="post" action="/me/slack">
        <Csrf token={c.var.csrf} />
        <Input
          name={FIELD}
          label={t(lang, 'slack.field')}
          hint={t(lang, 'slack.hint')}
          autocomplete="off"
          value={o.value ?? me.slackUserId ?? ''}
          errors={o.errors ?? {}}
        />
        <button type="submit">{t(lang, 'save')}</button>
      </form>
      <p>
        <a href="/me">{t(lang, 'myPage')}</a>
      </p>
    </>,
    status,
  );
}

/** Staff: link my Slack member ID once, so that /bunsan in Slack knows me. */
export function slackLinkPages() {
  const r = new Hono<WebEnv>();
  r.get('/me/slack', (c) => {
    if (!c.var.actor.memberId) return refuseRole(c);
    const q = c.req.query();
    const notice = q.saved ? 'slack.saved' : q.cleared ? 'slack.cleared' : null;
    return slackPage(c, notice ? { notice: t(c.var.lang, notice) } : {});
  });
  r.post('/me/slack', async (c) => {
    const me = c.var.actor;
    if (!me.memberId) return refuseRole(c);
    const value = text(await c.req.parseBody(), FIELD).trim();
    const done = await linkSlackUser(c.var.deps, me, me.memberId, value || null);
    if (done.ok) return c.redirect(`/me/slack?${value ? 'saved' : 'cleared'}=1`, 303);
    if (done.error.kind !== 'invalid' && done.error.kind !== 'conflict')
      return failurePage(c, done.error);
    const taken = done.error.kind === 'conflict';
    return slackPage(
      c,
      { value, errors: { [FIELD]: [t(c.var.lang, taken ? 'slack.taken' : 'slack.invalid')] } },
      taken ? 409 : 422,
    );
  });
  return r;
}
