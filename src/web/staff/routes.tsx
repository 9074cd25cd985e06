import type { Language } from '../../domain/types.ts';
import { Table } from '../shared/table.tsx';
import { Hono } from 'hono';
import { createFeed, listFeeds, revokeFeed, type FeedLinks } from '../../app/feeds/index.ts';
import { readStaffOverview, type StaffOverview } from '../../app/members/index.ts';
import { readMemberToday, type MemberDay } from '../../app/board/index.ts';
import { Day, countAside, dayText, hoursText, instantText } from '../shared/dates.tsx';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { ColumnHeads, Csrf } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { failurePage, refuseRole, render, valueOrPage } from '../shared/layout.tsx';
import { slackLinkPages } from './slack-link.tsx';

// Copies the address next to the button; falls back to selecting it where the Clipboard API is missing.
function Links({ lang, links }: { lang: Language; links: FeedLinks }) {
  const rows: [string, string, string][] = [
    ['feed-webcal', t(lang, 'apple'), links.webcalUrl],
    ['feed-https', t(lang, 'outlook'), links.url],
    ['feed-google', t(lang, 'google'), links.googleUrl],
  ];
  return (
    <>
      {rows.map(([id, label, url]) => (
        <div class="copy-row" data-name={label}>
          <label for={id}>{label}</label>
          <input id={id} type="text" readonly value={url} />
          <button type="button" data-copy={id} data-done={t(lang, 'copied')}>
            {t(lang, 'copy')}
          </button>
          <a href={url}>{t(lang, 'open')}</a>
        </div>
      ))}
      <p id="copy-status" role="status" aria-live="polite"></p>
    </>
  );
}

const KIND_KEY = { office: 'kindOffice', remote: 'kindRemote', standby: 'kindStandby' } as const;

type Today = Extract<Awaited<ReturnType<typeof readMemberToday>>, { ok: true }>['value'];

const DAY_KEY = {
  ...KIND_KEY,
  off: 'me.off',
  buffer: 'me.kind.buffer',
  closed: 'me.kind.closed',
  uncovered: 'me.kind.uncovered',
} as const;

/** A day of mine in words: 出勤 8:30〜17:15, 在宅勤務, 休み. */
function dayOf(lang: Language, d: MemberDay): string {
  const kind = t(lang, DAY_KEY[d.kind]);
  return d.start && d.end && d.kind === 'office'
    ? `${kind} ${hoursText(lang, d.start, d.end)}`
    : kind;
}

/** Today, tomorrow and my next office day; while I am in standby, a banner saying until when (never why). */
function MyDay({ lang, today }: { lang: Language; today: Today }) {
  return (
    <section aria-labelledby="my-day">
      {today.standby ? (
        <div class="standby-banner" role="status" id="standby-banner">
          {t(lang, 'me.standbyBanner', { until: dayText(lang, today.standby.until) })}
        </div>
      ) : null}
      <h2 id="my-day">{t(lang, 'me.todayTitle')}</h2>
      <dl id="today">
        <dt>
          {t(lang, 'me.today')} <Day lang={lang} iso={today.today.date} />
        </dt>
        <dd>{dayOf(lang, today.today)}</dd>
        <dt>
          {t(lang, 'me.tomorrow')} <Day lang={lang} iso={today.tomorrow.date} />
        </dt>
        <dd>{dayOf(lang, today.tomorrow)}</dd>
        <dt>{t(lang, 'me.nextOffice')}</dt>
        <dd>
          {today.nextOfficeDay ? (
            <>
              <Day lang={lang} iso={today.nextOfficeDay.date} />{' '}
              {hoursText(lang, today.nextOfficeDay.start, today.nextOfficeDay.end)}
            </>
          ) : (
            t(lang, 'me.noNextOffice')
          )}
        </dd>
      </dl>
    </section>
  );
}

/** The member's live feeds: when each was made, and stop or stop-and-make-anew. */
function LiveLinks(p: {
  lang: Language;
  csrf: string;
  zone: string;
  feeds: { id: string; createdAt: string }[];
}) {
  const { lang } = p;
  return (
    <section aria-labelledby="live-links">
      <h3 id="live-links">{t(lang, 'liveLinks')}</h3>
      <p>{t(lang, 'liveLinksIntro')}</p>
      {p.feeds.length ? (
        <ul id="feeds">
          {p.feeds.map((f) => (
            <li>
              {t(lang, 'madeOn', { date: instantText(lang, f.createdAt, p.zone) })}{' '}
              <form method="post" action={`/me/feeds/${f.id}/revoke`} class="inline">
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary">
                  {t(lang, 'stopLink')}
                </button>
              </form>{' '}
              <form method="post" action={`/me/feeds/${f.id}/reissue`} class="inline">
                <Csrf token={p.csrf} />
                <button type="submit" class="secondary">
                  {t(lang, 'reissueLink')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'noLiveLinks')}</p>
      )}
    </section>
  );
}

function MyPage({
  lang,
  csrf,
  me,
  today,
  links,
  feeds,
  notice,
}: {
  lang: Language;
  csrf: string;
  me: StaffOverview;
  today: Today | null;
  links?: FeedLinks | undefined;
  feeds: { id: string; createdAt: string }[];
  notice?: string | undefined;
}) {
  const office = me.days.filter((d) => d.kind === 'office').slice(0, 10);
  return (
    <>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        {me.member.name}（{me.department.name}）
      </p>
      {today ? <MyDay lang={lang} today={today} /> : null}
      <h2>{t(lang, 'myTeam')}</h2>
      {me.team ? (
        <p>
          <strong>{t(lang, 'teamLabel', { label: me.team.label })}</strong>
          {countAside(lang, 'people', me.team.memberNames.length)} —{' '}
          {me.team.memberNames.join('、')}
        </p>
      ) : (
        <p>{t(lang, 'noTeam')}</p>
      )}
      <h2>{t(lang, 'nextOfficeDays')}</h2>
      {office.length ? (
        <ul id="next-office-days">
          {office.map((d) => (
            <li>
              <Day lang={lang} iso={d.date} asOf={me.today} /> {hoursText(lang, d.start, d.end)}{' '}
              {d.summary}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'noOfficeDays')}</p>
      )}
      <h2>{t(lang, 'subscribe')}</h2>
      <p>{t(lang, 'subscribeIntro')}</p>
      {links ? <Links lang={lang} links={links} /> : null}
      <form method="post" action="/me/feeds">
        <Csrf token={csrf} />
        <button type="submit">{t(lang, 'makeLinks')}</button>
      </form>
      <LiveLinks lang={lang} csrf={csrf} zone={me.department.timezone} feeds={feeds} />
      <p>
        <a href="/me/slack">{t(lang, 'slack.link')}</a>
      </p>
      <h2>{t(lang, 'upcomingDays')}</h2>
      {me.days.length ? (
        <>
          <Table>
            <ColumnHeads lang={lang} keys={['date', 'status', 'time']} />
            <tbody>
              {me.days.map((d) => (
                <tr>
                  <th scope="row">
                    <Day lang={lang} iso={d.date} asOf={me.today} />
                  </th>
                  <td>
                    {d.kind in KIND_KEY
                      ? t(lang, KIND_KEY[d.kind as keyof typeof KIND_KEY])
                      : d.summary}
                  </td>
                  <td>{d.start && d.end ? hoursText(lang, d.start, d.end) : ''}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : (
        <p>{t(lang, 'noUpcomingDays')}</p>
      )}
    </>
  );
}

async function myPage(
  c: WebContext,
  o: { links?: FeedLinks; notice?: string } = {},
  status: 200 | 201 = 200,
) {
  // Independent reads, side by side.
  const [me, today, listed] = await Promise.all([
    readStaffOverview(c.var.deps, c.var.actor),
    c.var.actor.memberId
      ? readMemberToday(c.var.deps, c.var.actor, c.var.actor.memberId)
      : Promise.resolve(null),
    listFeeds(c.var.deps, c.var.actor, {}),
  ]);
  if (!me.ok) return failurePage(c, me.error);
  const feeds = (listed.ok ? listed.value : []).filter(
    (f) => f.scope === 'member' && f.subjectId === c.var.actor.memberId,
  );
  return render(
    c,
    t(c.var.lang, 'myPage'),
    <MyPage
      lang={c.var.lang}
      csrf={c.var.csrf}
      me={me.value}
      today={today?.ok ? today.value : null}
      links={o.links}
      notice={o.notice}
      feeds={feeds}
    />,
    status,
  );
}

/** Staff: my next office days, my team, and my three subscribe links with copy buttons. */
export function staffPages() {
  const r = new Hono<WebEnv>();
  r.get('/me', (c) => myPage(c));
  r.route('/', slackLinkPages());
  r.post('/me/feeds', async (c) => {
    const me = c.var.actor;
    if (!me.memberId) return refuseRole(c);
    const made = await createFeed(c.var.deps, me, { scope: 'member', id: me.memberId });
    if (!made.ok) return failurePage(c, made.error);
    return myPage(c, { links: made.value }, 201);
  });
  // Stop one of my links; "make anew" stops it and gives the three new links at once.
  r.post('/me/feeds/:id/:how{(?:revoke|reissue)}', async (c) => {
    const me = c.var.actor;
    if (!me.memberId) return refuseRole(c);
    const stopped = await revokeFeed(c.var.deps, me, c.req.param('id'));
    if (!stopped.ok) return failurePage(c, stopped.error);
    if (c.req.param('how') === 'revoke') return myPage(c, { notice: t(c.var.lang, 'linkStopped') });
    const made = valueOrPage(
      await createFeed(c.var.deps, me, { scope: 'member', id: me.memberId }),
    );
    return myPage(c, { links: made, notice: t(c.var.lang, 'linkStopped') }, 201);
  });
  return r;
}
