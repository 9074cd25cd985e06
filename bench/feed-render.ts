// Feeds rendered cold (nothing cached): a department of 1,000 members in 4 teams on a one-year
// daily rotation, one team quarantined for six weeks (everyone's days change). Baseline, same run:
// a plain string builder writing the same event lines from the same events.
import { feedContext, feedWindow } from '../src/app/feeds/context.ts';
import { departmentById } from '../src/db/repos/departments.ts';
import { memberDays } from '../src/feeds/feed-days.ts';
import { dayEvents, EventTexts, renderCalendar, type FeedEvent } from '../src/feeds/render.ts';
import { inProcessApp, printTable, timeMedian, timeMedianPair } from './support.ts';

const MEMBERS = 1000;
const RUNS = Number(process.env.RUNS ?? 21);
const now = new Date('2026-12-20T00:00:00Z');
const { deps, call, cleanup } = await inProcessApp('feedrender', now);

const dept = await call('POST', '/v1/departments', { name: '情報システム部' });
await call('POST', `/v1/departments/${dept.id}/members`, {
  members: Array.from({ length: MEMBERS }, (_, i) => ({
    name: `社員 ${i}`,
    email: `m${i}@example.jp`,
  })),
});
const rot = await call('POST', `/v1/departments/${dept.id}/rotations`, {
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  teamCount: 4,
  pattern: { kind: 'daily' },
  constraints: { keepLeadersApart: false },
});
await call('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });
await call('POST', '/v1/quarantines', {
  teamId: rot.teams[1].id,
  startDate: '2027-02-01',
  endDate: '2027-03-14',
});

const department = (await departmentById(deps.db, dept.id))!;
const window = await feedWindow(deps, department, '2026-12-20');
const ctx = await feedContext(deps, department, window.from, window.to);
const memberIds: string[] = rot.teams.flatMap((t: { memberIds: string[] }) => t.memberIds);
const stamp = '2026-12-20T00:00:00.000Z';

/** A member's feed as served with ?include=remote (every working day), stored at SEQUENCE 1. */
function memberEvents(memberId: string): FeedEvent[] {
  const out: FeedEvent[] = [];
  for (const d of memberDays(ctx, memberId))
    for (const e of dayEvents(d, `member.${memberId}@bunsan`, false))
      out.push({ uid: e.uid, day: e.day, sequence: 1, updatedAt: stamp });
  return out;
}
const name = (i: number) => `社員 ${i} 勤務予定（情報システム部）`;
const events = memberEvents(memberIds[0]!);
const input = { name: name(0), timezone: department.timezone, allDay: false, events };

/** The same event lines written by hand: what any renderer must at least do. */
function plainEvents(evs: FeedEvent[], zone: string): string {
  let s = '';
  for (const e of evs) {
    const d = e.day;
    const ymd = d.date.replaceAll('-', '');
    const stampText = `${e.updatedAt.slice(0, 19).replace(/[-:]/g, '')}Z`;
    s +=
      `BEGIN:VEVENT\r\nUID:${e.uid}\r\nSEQUENCE:${e.sequence}\r\nDTSTAMP:${stampText}\r\n` +
      `DTSTART;TZID=${zone}:${ymd}T${d.start.replace(':', '')}00\r\n` +
      `DTEND;TZID=${zone}:${ymd}T${d.end.replace(':', '')}00\r\n` +
      `SUMMARY:${d.summary}\r\nTRANSP:${d.transparent ? 'TRANSPARENT' : 'OPAQUE'}\r\n` +
      `X-MICROSOFT-CDO-BUSYSTATUS:${d.transparent ? 'FREE' : 'BUSY'}\r\n` +
      `LAST-MODIFIED:${stampText}\r\nEND:VEVENT\r\n`;
  }
  return s;
}
const rendered = renderCalendar(input);
const plain = plainEvents(events, input.timezone);
if (!rendered.includes(plain)) throw new Error('the plain writer does not write the same lines');

const [renderMs, plainMs] = await timeMedianPair(
  () => renderCalendar(input),
  () => plainEvents(events, input.timezone),
  RUNS * 10,
  20,
);
let eventCount = 0;
let taken = 0;
// As the server renders them: from one context a department and data version, the event texts
// written for one member's feed taken by the others' (a fresh set each run: nothing carried over).
const allMs = await timeMedian(
  () => {
    eventCount = 0;
    const texts = new EventTexts();
    memberIds.forEach((id, i) => {
      const evs = memberEvents(id);
      eventCount += evs.length;
      renderCalendar(
        { name: name(i), timezone: department.timezone, allDay: false, events: evs },
        texts,
      );
    });
    taken = texts.taken;
  },
  Math.max(3, Math.floor(RUNS / 4)),
  1,
);

const ratio = (ms: number) => `${(ms / plainMs).toFixed(1)}× plain`;
printTable([
  {
    case: `cold render, member feed, one year (${events.length} events)`,
    'median ms': renderMs.toFixed(2),
    ratio: ratio(renderMs),
    target: '≤ 2 ms and ≤ 20× plain',
    met: renderMs <= 2 && renderMs <= 20 * plainMs ? 'yes' : 'NO',
  },
  {
    case: `every member feed of the ${MEMBERS}-member department after a quarantine: days + text (${eventCount} events, ${taken} texts shared)`,
    'median ms': allMs.toFixed(0),
    ratio: `${(allMs / MEMBERS).toFixed(2)} ms a feed`,
    target: '≤ 1,000 ms',
    met: allMs <= 1000 ? 'yes' : 'NO',
  },
  {
    case: `baseline: the same ${events.length} events written by a plain string builder`,
    'median ms': plainMs.toFixed(3),
    ratio: '1.0×',
    target: '',
    met: '',
  },
]);
await cleanup();
