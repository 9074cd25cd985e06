import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/app/actor.ts';
import { liftQuarantine } from '../../src/app/quarantines/lift.ts';
import { markQuarantine } from '../../src/app/quarantines/mark.ts';
import { workingDays } from '../../src/domain/calendar/days.ts';
import { addDays } from '../../src/domain/calendar/dates.ts';
import { checkIsolation } from '../../src/domain/rotation/invariants.ts';
import type { QuarantineRow, SwapRow } from '../../src/db/schema.ts';
import { harness, type Harness } from '../support/harness.ts';
import { publishedDepartment } from '../support/random-department.ts';

/**
 * The oracle's own reading of a quarantine's last day at home (not the code's): a lift from a day
 * inside the window ends it the day before; otherwise it runs to its end date.
 */
const lastDayHome = (q: QuarantineRow): string =>
  q.lifted_from !== null && q.lifted_from <= q.end_date ? addDays(q.lifted_from, -1) : q.end_date;

const HR: Actor = { tokenId: 'hr-test', role: 'hr', departmentId: null, memberId: null };
const T0 = '2027-03-01';

const op = fc.oneof(
  fc.record({
    kind: fc.constant('team' as const),
    team: fc.nat(),
    start: fc.integer({ min: -12, max: 45 }),
    length: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('team' as const),
    team: fc.nat(),
    start: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 10, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('member' as const),
    member: fc.nat(),
    start: fc.integer({ min: -12, max: 45 }),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('lift' as const),
    pick: fc.nat(),
    after: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 9 }) }),
);
const caseArb = fc.record({
  members: fc.integer({ min: 3, max: 12 }),
  teamCount: fc.integer({ min: 2, max: 3 }),
  kind: fc.constantFrom('daily', 'weekly') as fc.Arbitrary<'daily' | 'weekly'>,
  twoSlots: fc.boolean(),
  length: fc.integer({ min: 14, max: 50 }),
  ops: fc.array(op, { minLength: 1, maxLength: 10 }),
});

describe('quarantines, swaps and lifts on random rotations', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ now: `${T0}T00:00:00Z` });
  });
  after(() => h.close());

  it('keep isolation, quarantine and coverage, never rewrite the past, and report exactly the uncovered days', async () => {
    let swapsSeen = 0;
    let uncoveredSeen = 0;
    let liftsSeen = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        h.setNow(`${T0}T00:00:00Z`);
        const endDate = addDays(T0, c.length - 1);
        const pattern = {
          kind: c.kind,
          ...(c.twoSlots
            ? {
                slots: [
                  { start: '08:00', end: '12:00' },
                  { start: '13:00', end: '17:00' },
                ],
                handoverMinutes: 30,
              }
            : {}),
        };
        const setup = await publishedDepartment(h, {
          members: c.members,
          teamCount: c.teamCount,
          holidays: 'jp',
          startDate: T0,
          endDate,
          pattern,
        });
        if (!setup) return;
        const teams = setup.rotation.teams;
        const cal = {
          timezone: 'Asia/Tokyo',
          workdays: [1, 2, 3, 4, 5],
          holidays: 'jp' as const,
          closedDates: [],
          officeHours: { start: '08:30', end: '17:15' },
        };
        const bufferDates = new Set<string>();
        let today = T0;
        const made: string[] = [];

        for (const o of c.ops) {
          const pastBefore = await h.db
            .selectFrom('shifts')
            .selectAll()
            .where('rotation_id', '=', setup.rotation.id)
            .where('date', '<', today)
            .orderBy('id')
            .execute();
          if (o.kind === 'advance') {
            today = addDays(today, o.days);
            h.setNow(`${today}T00:00:00Z`);
            continue;
          }
          if (o.kind === 'lift') {
            if (!made.length) continue;
            const id = made[o.pick % made.length]!;
            const r = await liftQuarantine(h.deps, HR, id, addDays(today, o.after));
            if (r.ok) liftsSeen++;
          } else {
            const start = addDays(T0, o.start);
            const body =
              o.kind === 'team'
                ? {
                    teamId: teams[o.team % teams.length]!.id,
                    startDate: start,
                    endDate: addDays(start, o.length - 1),
                  }
                : {
                    memberId: setup.members[o.member % setup.members.length]!.id,
                    startDate: start,
                    endDate: addDays(start, o.length - 1),
                  };
            const r = await markQuarantine(h.deps, HR, body);
            assert.ok(r.ok, JSON.stringify(r));
            // Days marked already: the answer is the earlier request's (as a replay's is), nothing new.
            if (r.value.alreadyMarked) continue;
            made.push(r.value.id);
            swapsSeen += r.value.swaps.length;
            uncoveredSeen += r.value.uncovered.length;
            // Exactness: a day is reported uncovered only when every other team is out that day.
            const outages: QuarantineRow[] = await h.db
              .selectFrom('quarantines')
              .selectAll()
              .where('department_id', '=', setup.department.id)
              .where('subject', '=', 'team')
              .execute();
            for (const d of r.value.uncovered) {
              const healthy: typeof teams = teams.filter(
                (t) =>
                  !outages.some(
                    (q: QuarantineRow) =>
                      q.team_id === t.id && q.effective_from <= d && d <= lastDayHome(q),
                  ),
              );
              if (!c.twoSlots)
                assert.deepEqual(
                  healthy,
                  [],
                  `${d} reported uncovered while ${healthy.map((t) => t.label)} were healthy`,
                );
            }
          }
          // History: days before today are never rewritten.
          const pastAfter = await h.db
            .selectFrom('shifts')
            .selectAll()
            .where('rotation_id', '=', setup.rotation.id)
            .where('date', '<', today)
            .orderBy('id')
            .execute();
          assert.deepEqual(pastAfter, pastBefore);

          type S = {
            date: string;
            start: string;
            end: string;
            slot: number;
            teamLabel: string;
            teamId: string;
          };
          const shifts: S[] = (
            await h.db
              .selectFrom('shifts')
              .selectAll()
              .where('rotation_id', '=', setup.rotation.id)
              .where('status', '=', 'scheduled')
              .execute()
          ).map((s) => ({
            date: s.date,
            start: s.start_time,
            end: s.end_time,
            slot: s.slot,
            teamLabel: teams.find((t) => t.id === s.team_id)!.label,
            teamId: s.team_id,
          }));
          // Isolation.
          assert.deepEqual(
            checkIsolation(shifts, {
              handoverMinutes: c.twoSlots ? 30 : 0,
              oneTeamPerDate: !c.twoSlots,
            }),
            [],
          );
          // Quarantine: no team in the office inside its window (from the day it was entered).
          const qs: QuarantineRow[] = await h.db
            .selectFrom('quarantines')
            .selectAll()
            .where('department_id', '=', setup.department.id)
            .where('subject', '=', 'team')
            .execute();
          for (const q of qs) {
            const bad: S[] = shifts.filter(
              (s) =>
                s.teamId === q.team_id && s.date >= q.effective_from && s.date <= lastDayHome(q),
            );
            assert.deepEqual(
              bad.map((s) => s.date),
              [],
              `team ${q.team_id} in the office during its quarantine`,
            );
          }
          // Coverage: from today, every working day with a healthy team has its office slots filled
          // (single-slot rotations), and every empty one is reported by an open swap.
          const open: SwapRow[] = await h.db
            .selectFrom('swaps')
            .selectAll()
            .where('rotation_id', '=', setup.rotation.id)
            .where('to_team_id', 'is', null)
            .where('handed_back_at', 'is', null)
            .execute();
          if (!c.twoSlots) {
            for (const d of workingDays(cal, today, endDate)) {
              if (bufferDates.has(d) || shifts.some((s) => s.date === d)) continue;
              const healthy: typeof teams = teams.filter(
                (t) =>
                  !qs.some(
                    (q: QuarantineRow) =>
                      q.team_id === t.id && q.effective_from <= d && d <= lastDayHome(q),
                  ),
              );
              assert.deepEqual(
                healthy.map((t) => t.label),
                [],
                `${d} has no office team although some team is healthy`,
              );
              assert.ok(
                open.some((s) => s.date === d),
                `${d} is empty but no open swap reports it`,
              );
            }
          }
        }
      }),
      {
        numRuns: 200,
        ...(process.env.QSEED ? { seed: Number(process.env.QSEED), verbose: 2 } : {}),
      },
    );
    assert.ok(
      swapsSeen > 100 && liftsSeen > 10 && uncoveredSeen > 20,
      `swaps ${swapsSeen}, uncovered ${uncoveredSeen}, lifts ${liftsSeen}: the generator reaches the interesting cases`,
    );
  });
});
