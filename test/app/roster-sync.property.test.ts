import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { membersOf } from '../../src/app/members/index.ts';
import { changeMember, syncRoster } from '../../src/app/roster/index.ts';
import { readRotation } from '../../src/app/rotations/index.ts';
import { harness, type Harness } from '../support/harness.ts';
import { publishedDepartment, TEST_ADMIN as ADMIN } from '../support/random-department.ts';

// A roster sync's preview is what its apply then does, and both are what the roster says, as an
// oracle of its own reads it (not the code's plan): the listed e-mails are the active members, each
// with the fields its line gives (a field left out keeps its value, or a new member's default),
// everyone else is deactivated and in no team from the effective date.
const POSITIONS = ['chief', 'deputy', 'staff'] as const;
const SKILLS = ['network', 'payroll', 'law'];

const line = fc.record(
  {
    name: fc.constantFrom('A', 'B 山田', ' C ', '髙橋'),
    kana: fc.option(fc.constantFrom('アイ', 'ヤマダ'), { nil: null }),
    skills: fc.subarray(SKILLS),
    position: fc.constantFrom(...POSITIONS),
    upper: fc.boolean(),
  },
  { requiredKeys: ['name', 'upper'] },
);
const caseArb = fc.record({
  members: fc.integer({ min: 3, max: 7 }),
  gone: fc.array(fc.nat(), { maxLength: 2 }),
  keep: fc.array(fc.option(line, { nil: undefined }), { minLength: 7, maxLength: 7 }),
  fresh: fc.array(line, { maxLength: 3 }),
  effective: fc.integer({ min: 0, max: 20 }),
});

describe('roster sync: the preview is what the apply does, and what the roster says', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ now: '2027-03-01T00:00:00Z' });
  });
  after(() => h.close());

  it('holds over random roster edits', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const setup = await publishedDepartment(h, {
          members: c.members,
          teamCount: 2,
          holidays: 'none',
          startDate: '2027-03-01',
          endDate: '2027-04-30',
          pattern: { kind: 'daily' },
        });
        if (!setup) return;
        const deptId = setup.department.id;
        for (const g of c.gone)
          await changeMember(h.deps, ADMIN, setup.members[g % c.members]!.id, { active: false });
        const list = async () => {
          const r = await membersOf(h.deps, ADMIN, deptId);
          assert.ok(r.ok);
          return r.value;
        };
        const start = await list();

        // The roster: some of the members (their lines perhaps changed), and new people.
        const entries = [
          ...start.members.flatMap((m, i) => {
            const l = c.keep[i];
            if (!l) return [];
            const { upper, ...fields } = l;
            return [{ ...fields, email: upper ? m.email.toUpperCase() : m.email }];
          }),
          ...c.fresh.map(({ upper, ...l }, j) => ({ ...l, email: `new${j}@x.jp` })),
        ];
        const effectiveDate = `2027-03-${String(1 + c.effective).padStart(2, '0')}`;
        const opts = { effectiveDate };
        const preview = await syncRoster(h.deps, ADMIN, deptId, entries, {
          ...opts,
          preview: true,
        });
        assert.ok(preview.ok, JSON.stringify(preview));
        const applied = await syncRoster(h.deps, ADMIN, deptId, entries, {
          ...opts,
          preview: false,
          ifMatch: start.version,
        });
        assert.ok(applied.ok, JSON.stringify(applied));
        const same = (o: typeof preview.value) => ({
          ...o,
          applied: null,
          version: null,
          added: o.added.map((a) => ({ ...a, id: null })),
        });
        assert.deepEqual(same(applied.value), same(preview.value));

        // The oracle.
        const end = await list();
        const was = new Map(start.members.map((m) => [m.email.toLowerCase(), m]));
        const listed = new Map(entries.map((e) => [e.email.toLowerCase(), e]));
        for (const m of end.members) {
          const e = listed.get(m.email.toLowerCase());
          if (!e) {
            assert.equal(m.active, false, `${m.email} is not listed`);
            continue;
          }
          const old = was.get(m.email.toLowerCase());
          assert.equal(m.active, true);
          assert.equal(m.name, e.name.trim());
          assert.equal(m.email, e.email);
          assert.equal(m.kana, e.kana !== undefined ? e.kana : (old?.kana ?? null));
          assert.deepEqual([...m.skills].sort(), [...(e.skills ?? old?.skills ?? [])].sort());
          assert.equal(m.position, e.position ?? old?.position ?? 'staff');
        }
        assert.equal(
          end.members.length,
          start.members.length + [...listed.keys()].filter((k) => !was.has(k)).length,
        );
        const changedOrBack = start.members.filter((m) => {
          const e = listed.get(m.email.toLowerCase());
          return e && JSON.stringify(end.members.find((x) => x.id === m.id)) !== JSON.stringify(m);
        });
        assert.equal(applied.value.updated.length, changedOrBack.length);
        assert.equal(
          applied.value.deactivated.length,
          start.members.filter((m) => m.active && !listed.has(m.email.toLowerCase())).length,
        );

        // Leavers are in no team from the effective date; the days before stay as they were.
        const rotation = await readRotation(h.deps, ADMIN, setup.rotation.id);
        assert.ok(rotation.ok);
        const leavers = new Set(applied.value.deactivated.map((d) => d.id));
        for (const m of rotation.value.memberships)
          if (leavers.has(m.memberId))
            assert.ok(m.toDate !== null && m.toDate < effectiveDate, JSON.stringify(m));
      }),
      { numRuns: 40 },
    );
  });
});
