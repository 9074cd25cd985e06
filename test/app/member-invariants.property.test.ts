import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { memberSchedule } from '../../src/app/members/index.ts';
import { liftQuarantine } from '../../src/app/quarantines/lift.ts';
import { markQuarantine } from '../../src/app/quarantines/mark.ts';
import { moveMember } from '../../src/app/rotations/index.ts';
import { addDays, daysBetween } from '../../src/domain/calendar/dates.ts';
import { DEFAULT_POLICY } from '../../src/domain/quarantine/policy.ts';
import type { QuarantineRow } from '../../src/db/schema.ts';
import { harness, type Harness } from '../support/harness.ts';
import { publishedDepartment, TEST_ADMIN as ADMIN } from '../support/random-department.ts';

/**
 * The oracle's own reading of a quarantine's last day at home (not the code's): a lift from a day
 * inside the window ends it the day before; otherwise it runs to its end date.
 */
const lastDayHome = (q: QuarantineRow): string =>
  q.lifted_from !== null && q.lifted_from <= q.end_date ? addDays(q.lifted_from, -1) : q.end_date;

// DESIGN invariants at the level of people, over random sequences of team and member quarantines,
// lifts, moves and the passing of days: (2) nobody quarantined — directly or through the team they
// were in — has an office day in the window; (5) a moved member's office days with two different
// teams are at least the exposure window apart; (1) nobody is in the office with two teams a day.
const T0 = '2027-03-01';
const WINDOW = DEFAULT_POLICY.exposureWindowDays;

const op = fc.oneof(
  fc.record({
    kind: fc.constant('team' as const),
    team: fc.nat(),
    start: fc.integer({ min: -5, max: 30 }),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('member' as const),
    member: fc.nat(),
    start: fc.integer({ min: -5, max: 30 }),
    length: fc.integer({ min: 1, max: 14 }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    member: fc.nat(),
    team: fc.nat(),
    after: fc.integer({ min: 0, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('lift' as const),
    pick: fc.nat(),
    after: fc.integer({ min: 0, max: 8 }),
  }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 6 }) }),
);
const caseArb = fc.record({
  members: fc.integer({ min: 4, max: 8 }),
  teamCount: fc.integer({ min: 2, max: 3 }),
  ops: fc.array(op, { minLength: 2, maxLength: 12 }),
});

describe('people under random quarantines, lifts and moves', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ now: `${T0}T00:00:00Z` });
  });
  after(() => h.close());

  it('nobody quarantined is in the office, and moved members bridge the exposure window', async () => {
    let moves = 0;
    let quarantines = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        h.setNow(`${T0}T00:00:00Z`);
        const endDate = addDays(T0, 55);
        const setup = await publishedDepartment(h, {
          members: c.members,
          teamCount: c.teamCount,
          holidays: 'none',
          startDate: T0,
          endDate,
          pattern: { kind: 'daily' },
        });
        if (!setup) return;
        const rotationId = setup.rotation.id;
        const teams = setup.rotation.teams;
        const people = setup.members.map((m) => m.id);
        let today = T0;
        const made: string[] = [];

        for (const o of c.ops) {
          if (o.kind === 'advance') {
            today = addDays(today, o.days);
            h.setNow(`${today}T03:00:00Z`);
          } else if (o.kind === 'lift') {
            if (made.length)
              await liftQuarantine(
                h.deps,
                ADMIN,
                made[o.pick % made.length]!,
                addDays(today, o.after),
              );
          } else if (o.kind === 'move') {
            const version = (
              await h.db
                .selectFrom('rotations')
                .select('version')
                .where('id', '=', rotationId)
                .executeTakeFirstOrThrow()
            ).version;
            const r = await moveMember(h.deps, ADMIN, rotationId, version, {
              memberId: people[o.member % people.length]!,
              toTeamId: teams[o.team % teams.length]!.id,
              effectiveDate: addDays(today, o.after),
            });
            if (r.ok) moves++;
          } else {
            const start = addDays(T0, o.start);
            const subject =
              o.kind === 'team'
                ? { teamId: teams[o.team % teams.length]!.id }
                : { memberId: people[o.member % people.length]! };
            const r = await markQuarantine(h.deps, ADMIN, {
              ...subject,
              startDate: start,
              endDate: addDays(start, o.length - 1),
            });
            assert.ok(r.ok, JSON.stringify(r));
            made.push(r.value.id);
            quarantines++;
          }
        }

        // Every person's days, as their feed and schedule show them.
        const days = new Map<string, { date: string; kind: string; officeTeamIds: string[] }[]>();
        for (const id of people) {
          const s = await memberSchedule(h.deps, ADMIN, id, { from: T0, to: endDate });
          assert.ok(s.ok);
          days.set(id, s.value.days);
        }
        // (2) Quarantine, person by person.
        const qs: QuarantineRow[] = await h.db
          .selectFrom('quarantines')
          .selectAll()
          .where('department_id', '=', setup.department.id)
          .execute();
        const memberships = await h.db
          .selectFrom('memberships')
          .selectAll()
          .where('rotation_id', '=', rotationId)
          .execute();
        for (const q of qs) {
          const from = q.effective_from;
          const to = lastDayHome(q);
          const who = q.member_id
            ? [q.member_id]
            : [
                ...new Set(
                  memberships
                    .filter(
                      (m) =>
                        m.team_id === q.team_id &&
                        m.from_date <= to &&
                        (m.to_date === null || m.to_date >= q.start_date),
                    )
                    .map((m) => m.member_id),
                ),
              ];
          for (const id of who) {
            const office = days
              .get(id)!
              .filter((d) => d.kind === 'office' && d.date >= from && d.date <= to)
              .map((d) => d.date);
            assert.deepEqual(
              office,
              [],
              `${id} in the office during quarantine ${q.subject} ${from}–${to}`,
            );
          }
        }
        // (5) Bridging and (1) one team a day, person by person.
        for (const [id, list] of days) {
          const office = list.filter((d) => d.kind === 'office');
          for (const d of office)
            assert.equal(
              d.officeTeamIds.length,
              1,
              `${id} on ${d.date} with ${d.officeTeamIds.length} teams`,
            );
          for (let i = 1; i < office.length; i++) {
            const [a, b] = [office[i - 1]!, office[i]!];
            if (a.officeTeamIds[0] !== b.officeTeamIds[0])
              assert.ok(
                daysBetween(a.date, b.date) >= WINDOW,
                `${id}: office with one team on ${a.date}, another on ${b.date}`,
              );
          }
        }
      }),
      {
        numRuns: Number(process.env.MRUNS ?? 60),
        ...(process.env.MSEED ? { seed: Number(process.env.MSEED), verbose: 2 } : {}),
      },
    );
    assert.ok(
      moves > 20 && quarantines > 60,
      `moves ${moves}, quarantines ${quarantines}: the generator reaches the interesting cases`,
    );
  });
});
