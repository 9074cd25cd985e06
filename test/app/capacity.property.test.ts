import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import type { Actor } from '../../src/app/actor.ts';
import { createDepartment } from '../../src/app/departments/index.ts';
import { addMembers } from '../../src/app/members/index.ts';
import { changeMember } from '../../src/app/roster/index.ts';
import { markQuarantine } from '../../src/app/quarantines/mark.ts';
import { moveMember, createRotation, publishRotation } from '../../src/app/rotations/index.ts';
import { updateSettings } from '../../src/app/settings/index.ts';
import { addDays } from '../../src/domain/calendar/dates.ts';
import { harness, type Harness } from '../support/harness.ts';

const ADMIN: Actor = { tokenId: 'admin-test', role: 'admin', departmentId: null, memberId: null };
const T0 = '2027-03-01';
const ACCESS = ['company-pc', 'loan-pc', 'thin-client'] as const;

const op = fc.oneof(
  fc.record({
    kind: fc.constant('team' as const),
    team: fc.nat(),
    start: fc.integer({ min: -5, max: 40 }),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('member' as const),
    member: fc.nat(),
    start: fc.integer({ min: -5, max: 40 }),
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    member: fc.nat(),
    team: fc.nat(),
    leave: fc.boolean(),
    day: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({ kind: fc.constant('deactivate' as const), member: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), access: fc.constantFrom(...ACCESS) }),
  fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 9 }) }),
);
const departmentArb = fc.record({
  access: fc.array(fc.constantFrom(...ACCESS), { minLength: 2, maxLength: 12 }),
  teamCount: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom('daily', 'weekly', 'cycle') as fc.Arbitrary<'daily' | 'weekly' | 'cycle'>,
  twoSlots: fc.boolean(),
  bufferDays: fc.integer({ min: 0, max: 1 }),
  workdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  holidays: fc.constantFrom('jp', 'none') as fc.Arbitrary<'jp' | 'none'>,
  offset: fc.integer({ min: 0, max: 20 }),
  length: fc.integer({ min: 3, max: 45 }),
  ops: fc.array(op, { maxLength: 8 }),
});
const caseArb = fc.record({
  departments: fc.array(departmentArb, { minLength: 1, maxLength: 2 }),
  seats: fc.option(fc.integer({ min: 0, max: 6 })),
  pcs: fc.option(fc.integer({ min: 0, max: 6 })),
});

type Member = { id: string; access: (typeof ACCESS)[number]; active: boolean };

/** Per date: the members the schedule endpoint shows remote or in standby, who are active and need each resource. */
async function countedFromSchedules(
  h: Harness,
  members: Member[],
  from: string,
  to: string,
): Promise<Map<string, { thinClient: number; loanPc: number }>> {
  const out = new Map<string, { thinClient: number; loanPc: number }>();
  for (const m of members) {
    const r = await h.call('GET', `/v1/members/${m.id}/schedule?from=${from}&to=${to}`);
    assert.equal(r.status, 200, r.text);
    for (const day of r.json.days as { date: string; kind: string }[]) {
      const count = out.get(day.date) ?? { thinClient: 0, loanPc: 0 };
      out.set(day.date, count);
      if (!m.active || (day.kind !== 'remote' && day.kind !== 'standby')) continue;
      if (m.access === 'thin-client') count.thinClient++;
      if (m.access === 'loan-pc') count.loanPc++;
    }
  }
  return out;
}

describe('remote demand against the member schedules, on random organisations', () => {
  it('equals, on every date, the count of active remote or standby members needing each resource, summed over departments', async () => {
    let demandSeen = 0;
    let standbySeen = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        // A fresh organisation per case: the organisation-wide figure must see only this case's departments.
        const h = await harness({ now: `${T0}T00:00:00Z` });
        try {
          assert.ok(
            (await updateSettings(h.deps, ADMIN, { thinClientSeats: c.seats, loanPcs: c.pcs })).ok,
          );
          const everyone: Member[] = [];
          let from = '9999-12-31';
          let to = '0000-01-01';
          for (const [k, d] of c.departments.entries()) {
            h.setNow(`${T0}T00:00:00Z`);
            const dept = await createDepartment(h.deps, ADMIN, {
              name: `d${k}`,
              workdays: d.workdays,
              holidays: d.holidays,
            });
            assert.ok(dept.ok);
            const added = await addMembers(
              h.deps,
              ADMIN,
              dept.value.id,
              d.access.map((a, i) => ({ name: `m${i}`, email: `m${i}@x.jp`, remoteAccess: a })),
            );
            assert.ok(added.ok);
            const members: Member[] = added.value.map((m, i) => ({
              id: m.id,
              access: d.access[i]!,
              active: true,
            }));
            const startDate = addDays(T0, d.offset);
            const endDate = addDays(startDate, d.length - 1);
            const labels = ['A', 'B', 'C'].slice(0, d.teamCount);
            const pattern = {
              kind: d.kind,
              bufferDays: d.bufferDays,
              ...(d.kind === 'cycle' ? { cycle: [...labels, labels[0]!] } : {}),
              ...(d.twoSlots
                ? {
                    slots: [
                      { start: '08:00', end: '12:00' },
                      { start: '13:00', end: '17:00' },
                    ],
                    handoverMinutes: 30,
                  }
                : {}),
            };
            const created = await createRotation(h.deps, ADMIN, dept.value.id, {
              startDate,
              endDate,
              teamCount: d.teamCount,
              pattern,
              constraints: { keepLeadersApart: false },
            });
            if (!created.ok) continue;
            const published = await publishRotation(h.deps, ADMIN, created.value.id, 1);
            assert.ok(published.ok);
            let version = published.value.version;
            const teams = published.value.teams;
            let today = T0;
            for (const o of d.ops) {
              if (o.kind === 'advance') {
                today = addDays(today, o.days);
                h.setNow(`${today}T00:00:00Z`);
              } else if (o.kind === 'team') {
                const start = addDays(startDate, o.start);
                assert.ok(
                  (
                    await markQuarantine(h.deps, ADMIN, {
                      teamId: teams[o.team % teams.length]!.id,
                      startDate: start,
                      endDate: addDays(start, o.length - 1),
                    })
                  ).ok,
                );
              } else if (o.kind === 'member') {
                const start = addDays(startDate, o.start);
                assert.ok(
                  (
                    await markQuarantine(h.deps, ADMIN, {
                      memberId: members[o.member % members.length]!.id,
                      startDate: start,
                      endDate: addDays(start, o.length - 1),
                    })
                  ).ok,
                );
              } else if (o.kind === 'move') {
                const m = members[o.member % members.length]!;
                const moved = await moveMember(h.deps, ADMIN, created.value.id, version, {
                  memberId: m.id,
                  toTeamId: o.leave ? null : teams[o.team % teams.length]!.id,
                  effectiveDate: addDays(startDate, o.day),
                });
                if (moved.ok) version = moved.value.version;
              } else if (o.kind === 'deactivate') {
                const m = members[o.member % members.length]!;
                assert.ok((await changeMember(h.deps, ADMIN, m.id, { active: false })).ok);
                m.active = false;
              } else {
                const joined = await addMembers(h.deps, ADMIN, dept.value.id, [
                  {
                    name: `late${members.length}`,
                    email: `late${members.length}@x.jp`,
                    remoteAccess: o.access,
                  },
                ]);
                assert.ok(joined.ok);
                members.push({ id: joined.value[0]!.id, access: o.access, active: true });
              }
            }
            standbySeen += (
              await h.db
                .selectFrom('quarantines')
                .select('id')
                .where('department_id', '=', dept.value.id)
                .execute()
            ).length;
            everyone.push(...members);
            if (startDate < from) from = startDate;
            if (endDate > to) to = endDate;

            // One department: its capacity report against its members' schedules, a few days either side.
            const window = { from: addDays(startDate, -3), to: addDays(endDate, 3) };
            const expected = await countedFromSchedules(h, members, window.from, window.to);
            const got = await h.call(
              'GET',
              `/v1/capacity?departmentId=${dept.value.id}&from=${window.from}&to=${window.to}`,
            );
            assert.equal(got.status, 200, got.text);
            for (const day of got.json.days) {
              assert.deepEqual(
                day.demand,
                expected.get(day.date) ?? { thinClient: 0, loanPc: 0 },
                `d${k} ${day.date}`,
              );
              demandSeen += day.demand.thinClient + day.demand.loanPc;
            }
          }
          if (from > to) return;
          // The organisation: every department's members together, against the organisation's capacity.
          const expected = await countedFromSchedules(h, everyone, from, to);
          const org = await h.call('GET', `/v1/capacity?from=${from}&to=${to}`);
          for (const day of org.json.days) {
            const want = expected.get(day.date) ?? { thinClient: 0, loanPc: 0 };
            assert.deepEqual(day.demand, want, `organisation ${day.date}`);
            assert.deepEqual(day.capacity, { thinClient: c.seats, loanPc: c.pcs });
            assert.equal(
              day.short,
              (c.seats !== null && want.thinClient > c.seats) ||
                (c.pcs !== null && want.loanPc > c.pcs),
            );
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 80 },
    );
    assert.ok(
      demandSeen > 500 && standbySeen > 40,
      `demand ${demandSeen}, quarantines ${standbySeen}: the generator reaches the interesting cases`,
    );
  });
});
