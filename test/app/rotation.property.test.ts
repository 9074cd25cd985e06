import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/app/actor.ts';
import { addMembers } from '../../src/app/members/index.ts';
import { moveMember, loadRotation, createRotation } from '../../src/app/rotations/index.ts';
import { createDepartment } from '../../src/app/departments/index.ts';
import { daysBetween } from '../../src/domain/calendar/dates.ts';
import {
  checkCoverage,
  checkIsolation,
  checkShiftDates,
  checkSplitConstraints,
} from '../../src/domain/rotation/invariants.ts';
import { inOfficeOn } from '../../src/domain/rotation/model.ts';
import type { Shift } from '../../src/domain/rotation/types.ts';
import { harness, type Harness } from '../support/harness.ts';

const ADMIN: Actor = { tokenId: 'test', role: 'admin', departmentId: null, memberId: null };
const SKILLS = ['network', 'payroll', 'helpdesk'];

const memberArb = fc.record({
  skills: fc.subarray(SKILLS),
  position: fc.constantFrom('chief', 'deputy', 'staff', 'staff', 'staff') as fc.Arbitrary<
    'chief' | 'deputy' | 'staff'
  >,
  remoteAccess: fc.constantFrom('company-pc', 'loan-pc', 'thin-client') as fc.Arbitrary<
    'company-pc' | 'loan-pc' | 'thin-client'
  >,
});
const slotsArb = fc.oneof(
  fc.constant(undefined),
  fc.constant([
    { start: '08:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]),
  fc.constant([
    { start: '07:00', end: '10:00' },
    { start: '10:30', end: '13:30' },
    { start: '14:00', end: '17:00' },
  ]),
);
const caseArb = fc.record({
  members: fc.array(memberArb, { minLength: 2, maxLength: 24 }),
  teamCount: fc.integer({ min: 1, max: 4 }),
  kind: fc.constantFrom('daily', 'weekly', 'cycle') as fc.Arbitrary<'daily' | 'weekly' | 'cycle'>,
  cycleSeed: fc.array(fc.nat(3), { minLength: 1, maxLength: 6 }),
  bufferDays: fc.integer({ min: 0, max: 2 }),
  slots: slotsArb,
  handoverMinutes: fc.constantFrom(0, 30),
  offset: fc.integer({ min: 0, max: 400 }),
  length: fc.integer({ min: 1, max: 70 }),
  holidays: fc.constantFrom('jp', 'none') as fc.Arbitrary<'jp' | 'none'>,
  workdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  requireSkill: fc.boolean(),
  moves: fc.array(
    fc.record({ member: fc.nat(), team: fc.nat(), day: fc.nat(80), leave: fc.boolean() }),
    { maxLength: 5 },
  ),
});

const plusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

describe('rotations through the use cases, on random departments', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ now: '2026-11-24T00:00:00Z' });
  });
  after(() => h.close());

  it('keep isolation, coverage, calendar, hard constraints and the bridging rule, whatever the moves', async () => {
    let created = 0;
    let movesApplied = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const dept = await createDepartment(h.deps, ADMIN, {
          name: 'p',
          holidays: c.holidays,
          workdays: c.workdays,
        });
        assert.ok(dept.ok);
        const added = await addMembers(
          h.deps,
          ADMIN,
          dept.value.id,
          c.members.map((m, i) => ({ name: `m${i}`, email: `m${i}@x.jp`, ...m })),
        );
        assert.ok(added.ok);
        const startDate = plusDays('2026-11-24', c.offset);
        const endDate = plusDays(startDate, c.length - 1);
        const labels = ['A', 'B', 'C', 'D'].slice(0, c.teamCount);
        const pattern = {
          kind: c.kind,
          ...(c.kind === 'cycle'
            ? { cycle: c.cycleSeed.map((i) => labels[i % labels.length]!) }
            : {}),
          bufferDays: c.bufferDays,
          handoverMinutes: c.handoverMinutes,
          ...(c.slots ? { slots: c.slots } : {}),
        };
        const constraints = c.requireSkill
          ? { requiredSkills: [{ skill: 'network', min: 1 }] }
          : {};
        const rot = await createRotation(h.deps, ADMIN, dept.value.id, {
          startDate,
          endDate,
          teamCount: c.teamCount,
          pattern,
          constraints,
        });
        if (!rot.ok) {
          // Refusals must name what failed.
          assert.equal(rot.error.kind, 'invalid');
          assert.ok('errors' in rot.error && rot.error.errors!.length > 0);
          return;
        }
        created++;
        const byLabel = new Map(rot.value.teams.map((t) => [t.id, t.label]));
        const teams = rot.value.teams.map((t) => ({ label: t.label, memberIds: t.memberIds }));

        // Random moves, in order, each on the rotation's current version.
        let version = rot.value.version;
        for (const mv of c.moves) {
          const memberId = added.value[mv.member % added.value.length]!.id;
          const toTeamId = mv.leave ? null : rot.value.teams[mv.team % rot.value.teams.length]!.id;
          const moved = await moveMember(h.deps, ADMIN, rot.value.id, version, {
            memberId,
            toTeamId,
            effectiveDate: plusDays(startDate, mv.day % c.length),
          });
          if (moved.ok) {
            version = moved.value.version;
            if (moved.value.toTeamId && moved.value.fromTeamId) movesApplied++;
          }
        }

        const snap = await loadRotation(h.deps, ADMIN, rot.value.id);
        assert.ok(snap.ok);
        const s = snap.value;
        const shifts: Shift[] = s.shifts
          .filter((x) => x.status === 'scheduled')
          .map((x) => ({
            date: x.date,
            start: x.start,
            end: x.end,
            slot: x.slot,
            teamLabel: byLabel.get(x.teamId)!,
          }));
        const bufferDates = s.rotation.bufferDates;
        const violations = [
          ...checkIsolation(shifts, {
            handoverMinutes: c.handoverMinutes,
            oneTeamPerDate: !c.slots,
            teams,
          }),
          ...checkCoverage(
            shifts,
            s.calendar,
            { from: startDate, to: endDate },
            { bufferDates, ...(c.slots ? { slots: c.slots } : {}) },
          ),
          ...checkShiftDates(shifts, s.calendar),
          ...checkSplitConstraints(
            c.members.map((m, i) => ({ id: added.value[i]!.id, name: `m${i}`, ...m })),
            teams,
            { teamCount: c.teamCount, ...constraints },
          ),
        ];
        assert.deepEqual(violations, []);

        // Bridging: a member's office days with two different teams are never within the exposure window.
        for (const m of added.value) {
          const days: { date: string; team: string }[] = [];
          for (const sh of s.shifts) {
            if (sh.status !== 'scheduled') continue;
            const ms = s.memberships.filter((x) => x.memberId === m.id && x.teamId === sh.teamId);
            if (
              ms.some((x) =>
                inOfficeOn(
                  {
                    memberId: x.memberId,
                    teamId: x.teamId,
                    fromDate: x.fromDate,
                    toDate: x.toDate,
                    officeFrom: x.officeFrom,
                  },
                  sh.date,
                ),
              )
            )
              days.push({ date: sh.date, team: sh.teamId });
          }
          for (let i = 0; i < days.length; i++)
            for (let j = i + 1; j < days.length; j++)
              if (days[i]!.team !== days[j]!.team)
                assert.ok(
                  Math.abs(daysBetween(days[i]!.date, days[j]!.date)) >= 14,
                  `${m.id} bridges on ${days[i]!.date} / ${days[j]!.date}`,
                );
          // …and is never in two teams on one date.
          const dates = new Map<string, string>();
          for (const x of s.memberships.filter((y) => y.memberId === m.id)) {
            for (let d = x.fromDate; d <= (x.toDate ?? endDate); d = plusDays(d, 1)) {
              assert.ok(!dates.has(d) || dates.get(d) === x.teamId, `${m.id} in two teams on ${d}`);
              dates.set(d, x.teamId);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
    assert.ok(movesApplied > 20, `only ${movesApplied} team-to-team moves were applied`);
    assert.ok(
      created > 30,
      `only ${created} of 120 random rotations were feasible: the generator is too strict`,
    );
  });
});
