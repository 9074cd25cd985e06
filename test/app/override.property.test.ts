import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/app/actor.ts';
import { createOverride, undoOverride } from '../../src/app/overrides/index.ts';
import { liftQuarantine } from '../../src/app/quarantines/lift.ts';
import { markQuarantine } from '../../src/app/quarantines/mark.ts';
import { moveMember } from '../../src/app/rotations/index.ts';
import { memberSchedule } from '../../src/app/members/index.ts';
import type { MembershipRow, QuarantineRow, ShiftRow } from '../../src/db/schema.ts';
import { harness, type Harness } from '../support/harness.ts';
import { publishedDepartment, TEST_ADMIN as ADMIN } from '../support/random-department.ts';

// The oracle reads the stored rows and keeps its own calendar arithmetic: it imports no rule of
// the code under test. Invariants (DESIGN.md): isolation, quarantine, coverage, bridging, history.
const T0 = '2027-03-01'; // a Monday
const WINDOW = 14; // the default exposure window
const DAY = 86_400_000;
const plus = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const between = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const lastDayHome = (q: QuarantineRow): string =>
  q.lifted_from !== null && q.lifted_from <= q.end_date ? plus(q.lifted_from, -1) : q.end_date;

const CHIEF = (departmentId: string): Actor => ({
  tokenId: 'chief-test',
  role: 'chief',
  departmentId,
  memberId: null,
});

const op = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('swap' as const),
      a: fc.integer({ min: -2, max: 40 }),
      b: fc.integer({ min: -2, max: 40 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('assign' as const),
      day: fc.integer({ min: -2, max: 40 }),
      team: fc.nat(),
      slot: fc.option(fc.nat({ max: 1 }), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      day: fc.integer({ min: -2, max: 40 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('team' as const),
      team: fc.nat(),
      start: fc.integer({ min: -3, max: 30 }),
      length: fc.integer({ min: 1, max: 14 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('member' as const),
      member: fc.nat(),
      start: fc.integer({ min: -3, max: 30 }),
      length: fc.integer({ min: 1, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lift' as const),
      pick: fc.nat(),
      after: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      member: fc.nat(),
      team: fc.nat(),
      after: fc.integer({ min: 0, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      days: fc.integer({ min: 1, max: 5 }),
    }),
  },
);
const caseArb = fc.record({
  members: fc.integer({ min: 4, max: 8 }),
  teamCount: fc.integer({ min: 2, max: 3 }),
  twoSlots: fc.boolean(),
  ops: fc.array(op, { minLength: 3, maxLength: 14 }),
});

describe('overrides interleaved with quarantines, lifts and moves on random rotations', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ now: `${T0}T00:00:00Z` });
  });
  after(() => h.close());

  it('never break isolation, quarantine, coverage, bridging or history', async () => {
    const seen = { applied: 0, refused: 0, undone: 0, quarantines: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        h.setNow(`${T0}T00:00:00Z`);
        const endDate = plus(T0, 48);
        const gap = c.twoSlots ? 30 : 0;
        const setup = await publishedDepartment(h, {
          members: c.members,
          teamCount: c.teamCount,
          holidays: 'none',
          startDate: T0,
          endDate,
          pattern: {
            kind: 'daily',
            ...(c.twoSlots
              ? {
                  slots: [
                    { start: '08:00', end: '12:00' },
                    { start: '12:30', end: '17:00' },
                  ],
                  handoverMinutes: gap,
                }
              : {}),
          },
        });
        if (!setup) return;
        const rotationId = setup.rotation.id;
        const teams = setup.rotation.teams;
        const people = setup.members.map((m) => m.id);
        const chief = CHIEF(setup.department.id);
        const version = async () =>
          (
            await h.db
              .selectFrom('rotations')
              .select('version')
              .where('id', '=', rotationId)
              .executeTakeFirstOrThrow()
          ).version;
        let today = T0;
        const quarantines: string[] = [];
        const overrides: string[] = [];

        for (const o of c.ops) {
          const shiftsBefore = await rows(h, rotationId);
          if (o.kind === 'advance') {
            today = plus(today, o.days);
            h.setNow(`${today}T00:00:00Z`);
            continue;
          }
          if (o.kind === 'swap' || o.kind === 'assign' || o.kind === 'close') {
            const req =
              o.kind === 'swap'
                ? { kind: o.kind, dates: [plus(T0, o.a), plus(T0, o.b)] as [string, string] }
                : o.kind === 'assign'
                  ? {
                      kind: o.kind,
                      date: plus(T0, o.day),
                      teamId: teams[o.team % teams.length]!.id,
                      ...(c.twoSlots && o.slot !== undefined ? { slot: o.slot } : {}),
                    }
                  : { kind: o.kind, date: plus(T0, o.day) };
            const r = await createOverride(h.deps, chief, rotationId, await version(), req, {
              preview: false,
            });
            if (r.ok) {
              seen.applied++;
              overrides.push(r.value.override.id);
            } else {
              seen.refused++;
              assert.equal(r.error.kind, 'invalid', JSON.stringify(r.error));
              assert.deepEqual(await rows(h, rotationId), shiftsBefore, 'a refusal writes nothing');
            }
          } else if (o.kind === 'undo') {
            if (!overrides.length) continue;
            const id = overrides[o.pick % overrides.length]!;
            const r = await undoOverride(h.deps, chief, rotationId, id, await version(), {
              preview: false,
            });
            if (r.ok) seen.undone++;
          } else if (o.kind === 'lift') {
            if (quarantines.length)
              await liftQuarantine(
                h.deps,
                ADMIN,
                quarantines[o.pick % quarantines.length]!,
                plus(today, o.after),
              );
          } else if (o.kind === 'move') {
            await moveMember(h.deps, ADMIN, rotationId, await version(), {
              memberId: people[o.member % people.length]!,
              toTeamId: teams[o.team % teams.length]!.id,
              effectiveDate: plus(today, o.after),
            });
          } else {
            const start = plus(T0, o.start);
            const subject =
              o.kind === 'team'
                ? { teamId: teams[o.team % teams.length]!.id }
                : { memberId: people[o.member % people.length]! };
            const r = await markQuarantine(h.deps, ADMIN, {
              ...subject,
              startDate: start,
              endDate: plus(start, o.length - 1),
            });
            assert.ok(r.ok, JSON.stringify(r));
            if (!r.value.alreadyMarked) quarantines.push(r.value.id);
            seen.quarantines++;
          }

          // (6) History: days before today are never rewritten.
          const shiftsAfter = await rows(h, rotationId);
          const past = (list: ShiftRow[]) => list.filter((s) => s.date < today);
          assert.deepEqual(past(shiftsAfter), past(shiftsBefore), 'the past was rewritten');
          await checkInvariants(h, {
            rotationId,
            departmentId: setup.department.id,
            today,
            endDate,
            gap,
            twoSlots: c.twoSlots,
            teamIds: teams.map((t) => t.id),
          });
        }
        await checkPeople(h, setup.department.id, rotationId, people, endDate);
      }),
      {
        numRuns: Number(process.env.ORUNS ?? 50),
        ...(process.env.OSEED ? { seed: Number(process.env.OSEED), verbose: 2 } : {}),
      },
    );
    assert.ok(
      seen.applied > 60 && seen.refused > 30 && seen.undone > 5 && seen.quarantines > 20,
      `${JSON.stringify(seen)}: the generator reaches the interesting cases`,
    );
  });
});

const rows = (h: Harness, rotationId: string): Promise<ShiftRow[]> =>
  h.db
    .selectFrom('shifts')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('id')
    .execute();

async function checkInvariants(
  h: Harness,
  c: {
    rotationId: string;
    departmentId: string;
    today: string;
    endDate: string;
    gap: number;
    twoSlots: boolean;
    teamIds: string[];
  },
) {
  const shifts = (await rows(h, c.rotationId)).filter((s) => s.status === 'scheduled');
  const qs: QuarantineRow[] = await h.db
    .selectFrom('quarantines')
    .selectAll()
    .where('department_id', '=', c.departmentId)
    .execute();
  const memberships: MembershipRow[] = await h.db
    .selectFrom('memberships')
    .selectAll()
    .where('rotation_id', '=', c.rotationId)
    .execute();
  const closed: string[] = JSON.parse(
    (
      await h.db
        .selectFrom('rotations')
        .select('closed_dates')
        .where('id', '=', c.rotationId)
        .executeTakeFirstOrThrow()
    ).closed_dates,
  );

  // (1) Isolation: two teams' slots on a day neither overlap nor come closer than the gap; with
  // one slot a day, one team a day; no slot held twice.
  const byDate = new Map<string, ShiftRow[]>();
  for (const s of shifts) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  for (const [date, list] of byDate) {
    if (!c.twoSlots)
      assert.equal(new Set(list.map((s) => s.team_id)).size, 1, `two teams on ${date}`);
    assert.equal(
      new Set(list.map((s) => s.slot)).size,
      list.length,
      `a slot held twice on ${date}`,
    );
    for (const x of list)
      for (const y of list) {
        if (x === y || x.team_id === y.team_id) continue;
        const apart =
          minutes(y.start_time) >= minutes(x.end_time) + c.gap ||
          minutes(x.start_time) >= minutes(y.end_time) + c.gap;
        assert.ok(
          apart,
          `${date}: ${x.start_time}–${x.end_time} and ${y.start_time}–${y.end_time}`,
        );
      }
    // Closed days have nobody in the office.
    assert.ok(!closed.includes(date), `${date} is closed but a team is in the office`);
  }

  // (2) Quarantine: no team in the office inside its window; nobody quarantined directly or
  // through their team in the office (person by person, with the bridging start).
  const presence: { member: string; team: string; date: string }[] = [];
  for (const s of shifts)
    for (const m of memberships)
      if (
        m.team_id === s.team_id &&
        m.from_date <= s.date &&
        (m.to_date === null || s.date <= m.to_date) &&
        m.office_from <= s.date
      )
        presence.push({ member: m.member_id, team: s.team_id, date: s.date });
  for (const q of qs) {
    const [from, to] = [q.effective_from, lastDayHome(q)];
    if (q.subject === 'team')
      assert.deepEqual(
        shifts.filter((s) => s.team_id === q.team_id && s.date >= from && s.date <= to),
        [],
        `team in the office during its quarantine ${from}–${to}`,
      );
    // Nobody is in the office with a team inside its window (through a membership of that team).
    const bad = presence.filter(
      (p) => q.subject === 'team' && p.team === q.team_id && p.date >= from && p.date <= to,
    );
    assert.deepEqual(bad, [], 'a quarantined person in the office');
  }

  // (5) Bridging: one person's office days with two different teams are the window apart.
  const byMember = new Map<string, typeof presence>();
  for (const p of presence) byMember.set(p.member, [...(byMember.get(p.member) ?? []), p]);
  for (const [member, list] of byMember) {
    list.sort((a, b) => (a.date < b.date ? -1 : 1));
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1]!, list[i]!];
      if (a.team !== b.team)
        assert.ok(
          between(a.date, b.date) >= WINDOW,
          `${member}: office with one team on ${a.date}, another on ${b.date}`,
        );
    }
  }

  // (3) Coverage (one slot a day): from today, a working day that is not closed and has a healthy
  // team has an office team.
  if (!c.twoSlots)
    for (let d = c.today; d <= c.endDate; d = plus(d, 1)) {
      if (!weekday(d) || closed.includes(d) || byDate.has(d)) continue;
      const healthy = c.teamIds.filter(
        (t) =>
          !qs.some(
            (q) =>
              q.subject === 'team' &&
              q.team_id === t &&
              q.effective_from <= d &&
              d <= lastDayHome(q),
          ),
      );
      assert.deepEqual(healthy, [], `${d} has no office team although some team is healthy`);
    }
}

/**
 * (2) person by person, as each one's schedule shows it: nobody quarantined — directly, or through
 * a team they were in during its window — has an office day inside the window.
 */
async function checkPeople(
  h: Harness,
  departmentId: string,
  rotationId: string,
  people: string[],
  endDate: string,
) {
  const qs: QuarantineRow[] = await h.db
    .selectFrom('quarantines')
    .selectAll()
    .where('department_id', '=', departmentId)
    .execute();
  const memberships: MembershipRow[] = await h.db
    .selectFrom('memberships')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .execute();
  const office = new Map<string, string[]>();
  for (const id of people) {
    const s = await memberSchedule(h.deps, ADMIN, id, { from: T0, to: endDate });
    assert.ok(s.ok);
    office.set(
      id,
      s.value.days.filter((d) => d.kind === 'office').map((d) => d.date),
    );
  }
  for (const q of qs) {
    const [from, to] = [q.effective_from, lastDayHome(q)];
    const who = q.member_id
      ? [q.member_id]
      : memberships
          .filter(
            (m) =>
              m.team_id === q.team_id &&
              m.from_date <= to &&
              (m.to_date === null || m.to_date >= q.start_date),
          )
          .map((m) => m.member_id);
    for (const id of new Set(who))
      assert.deepEqual(
        (office.get(id) ?? []).filter((d) => d >= from && d <= to),
        [],
        `${id} in the office during quarantine ${q.subject} ${from}–${to}`,
      );
  }
}
