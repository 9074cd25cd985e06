import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { FeedDay } from '../../src/feeds/feed-days.ts';
import { EventTexts, renderCalendar, type FeedEvent } from '../../src/feeds/render.ts';

// Event texts shared between feeds are an optimisation only: every feed must read byte for byte as
// it does when rendered on its own. Feeds here share days (a team's members) with other UIDs,
// SEQUENCEs and change times, in zones with and without DST, timed and all-day, with summaries
// that fold (long, Japanese, surrogate pairs) and UIDs that are long enough to fold.

const ZONES = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'UTC', 'Australia/Lord_Howe'];
const TEXTS = [
  '出勤',
  '在宅勤務',
  'Office',
  '🏢 出勤（Aチーム）',
  '待機'.repeat(20),
  'x'.repeat(80),
];

const time = fc
  .tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom(0, 30))
  .map(([h, m]) => [h, m] as const);

const day = fc
  .record({
    offset: fc.integer({ min: 0, max: 400 }),
    start: time,
    hours: fc.integer({ min: 1, max: 9 }),
    summary: fc.constantFrom(...TEXTS),
    description: fc.option(fc.constantFrom(...TEXTS), { nil: null }),
    transparent: fc.boolean(),
  })
  .map((r): FeedDay => {
    const date = new Date(Date.UTC(2026, 2, 1) + r.offset * 86400_000).toISOString().slice(0, 10);
    const hh = (n: number) => String(n).padStart(2, '0');
    const start = `${hh(r.start[0])}:${hh(r.start[1])}`;
    const end = `${hh(Math.min(23, r.start[0] + r.hours))}:${hh(r.start[1])}`;
    return {
      date,
      kind: r.transparent ? 'remote' : 'office',
      start,
      end,
      blocks: [{ start, end, slot: 0 }],
      summary: r.summary,
      description: r.description,
      transparent: r.transparent,
      officeTeamIds: [],
    };
  });

const feedSet = fc.record({
  zone: fc.constantFrom(...ZONES),
  allDay: fc.boolean(),
  days: fc.array(day, { minLength: 0, maxLength: 25 }),
  subjects: fc.array(
    fc.record({
      id: fc.oneof(fc.uuid(), fc.constant('member.' + 'a'.repeat(90))),
      // Now and then a feed in another zone, or all-day, from the same shared texts.
      zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 3 }),
      allDay: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
      // Which of the shared days this subject has, and its stored state per day.
      picks: fc.array(
        fc.record({
          sequence: fc.integer({ min: 0, max: 3 }),
          stamp: fc.constantFrom('2026-12-01T00:00:00.000Z', '2026-12-05T09:30:15.123Z'),
          keep: fc.boolean(),
          // The same day in other words for this subject (a standby day where others are in).
          words: fc.record(
            {
              summary: fc.constantFrom(TEXTS[0]!, TEXTS[3]!),
              description: fc.constantFrom(null, TEXTS[1]!),
              transparent: fc.boolean(),
              start: fc.constantFrom('07:00', '09:00'),
              end: fc.constantFrom('18:00', '23:30'),
            },
            { requiredKeys: [] },
          ),
        }),
        { minLength: 25, maxLength: 25 },
      ),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

describe('event texts shared between feeds', () => {
  it('every feed renders byte for byte as it does on its own', () => {
    fc.assert(
      fc.property(feedSet, ({ zone, allDay, days, subjects }) => {
        const shared = new EventTexts();
        for (const s of subjects) {
          const events: FeedEvent[] = days.flatMap((d, i) =>
            s.picks[i]!.keep
              ? [
                  {
                    uid: `${d.date}.${s.id}@bunsan`,
                    day: { ...d, ...s.picks[i]!.words },
                    sequence: s.picks[i]!.sequence,
                    updatedAt: s.picks[i]!.stamp,
                  },
                ]
              : [],
          );
          const input = {
            name: `社員 ${s.id}`,
            timezone: s.zone ?? zone,
            allDay: s.allDay ?? allDay,
            events,
          };
          assert.equal(renderCalendar(input, shared), renderCalendar(input));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('takes a text from another feed, with its own UID (the sharing happens)', () => {
    const d: FeedDay = {
      date: '2027-01-04',
      kind: 'office',
      start: '09:00',
      end: '17:30',
      blocks: [{ start: '09:00', end: '17:30', slot: 0 }],
      summary: '出勤',
      description: null,
      transparent: false,
      officeTeamIds: [],
    };
    const shared = new EventTexts();
    const ev = (uid: string): FeedEvent => ({
      uid,
      day: d,
      sequence: 0,
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    const input = (uid: string) => ({
      name: 'n',
      timezone: 'Asia/Tokyo',
      allDay: false,
      events: [ev(uid)],
    });
    renderCalendar(input('a@bunsan'), shared);
    assert.equal(shared.taken, 0);
    const b = renderCalendar(input('b@bunsan'), shared);
    assert.equal(shared.taken, 1);
    assert.ok(b.includes('\r\nUID:b@bunsan\r\n'));
    assert.ok(!b.includes('a@bunsan'));
    assert.equal(b, renderCalendar(input('b@bunsan')));
  });
});
