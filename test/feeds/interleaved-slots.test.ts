import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { teamDays } from '../../src/feeds/feed-days.ts';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';
import { eventsOf } from '../support/ics-lint.ts';

// Three slots a day, two teams: the slots go A, B, A one day and B, A, B the next.
const SLOTS = [
  { start: '08:00', end: '10:30' },
  { start: '11:00', end: '13:30' },
  { start: '14:00', end: '16:30' },
];

describe('1. interleaved slots are merged into one office block', () => {
  let h: Harness;
  let rotation: any;
  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    const { department } = await seedDepartment(h);
    rotation = await seedPublishedRotation(h, department.id, {
      endDate: '2027-01-29',
      pattern: { kind: 'daily', slots: SLOTS, handoverMinutes: 30 },
    });
  });
  after(() => h.close());

  /** Each team's slots by date, read from the rotation's schedule (not from the feed code). */
  async function slotsByDate(): Promise<
    Map<string, { teamId: string; start: string; end: string }[]>
  > {
    const s = await h.call('GET', `/v1/rotations/${rotation.id}/schedule`);
    assert.equal(s.status, 200, s.text);
    return new Map(
      s.json.days
        .filter((d: any) => d.slots?.length)
        .map((d: any) => [
          d.date,
          d.slots.map((x: any) => ({ teamId: x.teamId, start: x.start, end: x.end })),
        ]),
    );
  }

  it("a member's feed and schedule show office time only in their own team's slots, one event per contiguous block", async () => {
    const slots = await slotsByDate();
    assert.ok(slots.size >= 15, 'working days with slots');
    for (const team of rotation.teams as { id: string; memberIds: string[] }[]) {
      const memberId = team.memberIds[0]!;
      const feed = await h.call('POST', '/v1/feeds', { body: { scope: 'member', id: memberId } });
      const res = await h.app.request(new URL(feed.json.url).pathname);
      const office = eventsOf(await res.text()).filter((e) => /^出勤/.test(e.SUMMARY ?? ''));
      const uids = office.map((e) => e.UID);
      assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
      const hhmm = (v: string) => `${v.slice(-6, -4)}:${v.slice(-4, -2)}`;
      for (const [date, day] of slots) {
        const compact = date.replaceAll('-', '');
        const events = office.filter((e) => (e.DTSTART ?? '').includes(compact));
        // The expected blocks: runs of the team's own consecutive slots.
        const blocks: { start: string; end: string }[] = [];
        let previousOurs = false;
        for (const s of day) {
          const ours = s.teamId === team.id;
          if (ours && previousOurs) blocks[blocks.length - 1]!.end = s.end;
          else if (ours) blocks.push({ start: s.start, end: s.end });
          previousOurs = ours;
        }
        assert.deepEqual(
          events.map((e) => ({ start: hhmm(e.DTSTART!), end: hhmm(e.DTEND!) })),
          blocks,
          `${date}, team ${team.id}`,
        );
      }
      const schedule = await h.call(
        'GET',
        `/v1/members/${memberId}/schedule?from=2027-01-04&to=2027-01-29`,
      );
      for (const d of schedule.json.days.filter((x: any) => x.kind === 'office')) {
        const mine = (slots.get(d.date) ?? []).filter((s) => s.teamId === team.id);
        const others = (slots.get(d.date) ?? []).filter((s) => s.teamId !== team.id);
        for (const b of d.blocks as { start: string; end: string }[]) {
          assert.ok(
            mine.some((s) => s.start === b.start) && mine.some((s) => s.end === b.end),
            `${d.date} ${b.start}`,
          );
          assert.ok(
            others.every((o) => o.end <= b.start || o.start >= b.end),
            `${d.date}: ${b.start}–${b.end} overlaps another team's slot`,
          );
        }
        assert.equal(d.start, d.blocks[0].start);
        assert.equal(d.end, d.blocks[0].end);
      }
    }
  });
});

describe('1. (property) on random multi-slot days, no office block of a team covers another team’s slot', () => {
  it('each block is a maximal run of the team’s own consecutive slots', () => {
    const teams = ['T0', 'T1', 'T2'].map((id, i) => ({ id, label: String.fromCharCode(65 + i) }));
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 10,
        }),
        (plan) => {
          // Working days from Monday 2027-01-04 (at most ten: two weeks); slot i runs 08:00+i h for 50 min.
          const dates = ['04', '05', '06', '07', '08', '11', '12', '13', '14', '15'].map(
            (d) => `2027-01-${d}`,
          );
          const time = (i: number, m: number) =>
            `${String(8 + i).padStart(2, '0')}:${m === 0 ? '00' : '50'}`;
          const shifts = plan.flatMap((slots, di) =>
            slots.map((t, i) => ({
              id: `${di}-${i}`,
              teamId: `T${t}`,
              date: dates[di]!,
              slot: i,
              start: time(i, 0),
              end: time(i, 50),
              status: 'scheduled' as const,
              sequence: 0,
            })),
          );
          const ctx = {
            calendar: {
              timezone: 'Asia/Tokyo',
              workdays: [1, 2, 3, 4, 5],
              holidays: 'none' as const,
              closedDates: [],
              officeHours: { start: '08:00', end: '17:00' },
            },
            language: 'ja' as const,
            from: dates[0]!,
            to: dates[plan.length - 1]!,
            rotations: [
              {
                startDate: dates[0]!,
                endDate: dates[plan.length - 1]!,
                teams,
                memberships: [],
                shifts,
                bufferDates: new Set<string>(),
              },
            ],
          };
          for (const team of teams) {
            for (const day of teamDays(ctx, team.id).filter((d) => d.kind === 'office')) {
              const slots = plan[dates.indexOf(day.date)]!;
              // The oracle: runs of this team's index in the day's slot list.
              const runs: { start: string; end: string }[] = [];
              slots.forEach((t, i) => {
                if (`T${t}` !== team.id) return;
                if (i > 0 && `T${slots[i - 1]}` === team.id)
                  runs[runs.length - 1]!.end = time(i, 50);
                else runs.push({ start: time(i, 0), end: time(i, 50) });
              });
              assert.deepEqual(
                day.blocks.map((b) => ({ start: b.start, end: b.end })),
                runs,
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
