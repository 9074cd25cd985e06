import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  planQuarantineLift,
  type LiftInput,
  type LiftRefusal,
} from '../../../src/domain/quarantine/index.ts';
import { quarantine, shift, swap, teams } from './fixtures.ts';

const qA = quarantine('qA', 'A', '2027-03-01', '2027-03-05');
const input = (more: Partial<LiftInput> = {}): LiftInput => ({
  today: '2027-03-01',
  quarantine: qA,
  quarantines: [qA],
  rotation: { id: 'R', teams: teams('A', 'B', 'C'), shifts: [], swaps: [], handoverMinutes: 0 },
  returnSeparationDays: 0,
  ...more,
});

describe('lifting a quarantine: refused when there is nothing to lift', () => {
  const rows: { name: string; input: LiftInput; date: string; expect: LiftRefusal }[] = [
    {
      name: 'refuses a quarantine lifted already',
      input: input({
        quarantine: { ...qA, liftedAt: '2027-03-01T09:00:00Z', liftedFrom: '2027-03-03' },
      }),
      date: '2027-03-04',
      expect: { kind: 'already-lifted', liftedFrom: '2027-03-03' },
    },
    {
      name: 'refuses a lift from a day before today: past days are history',
      input: input({ today: '2027-03-02' }),
      date: '2027-03-01',
      expect: { kind: 'before-today', today: '2027-03-02' },
    },
    {
      name: 'refuses a lift from after the end',
      input: input(),
      date: '2027-03-06',
      expect: { kind: 'after-end', endDate: '2027-03-05' },
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      assert.deepEqual(planQuarantineLift(r.input, r.date), { ok: false, error: r.expect });
    });
});

describe('lifting a quarantine: days back, chains followed, slots filled', () => {
  const D = '2027-03-04';
  const rows: {
    name: string;
    input: LiftInput;
    date: string;
    expect: {
      handBack: [string, string | null, string | null][];
      kept: string[];
      ended: string[];
      fills: [string, string][];
      gained: [string, string][];
    };
  }[] = [
    {
      name: 'a member quarantine moved no office day: nothing to hand back',
      input: input({
        quarantine: { ...qA, subject: 'member', teamId: null, memberId: 'm', rotationId: null },
        rotation: null,
      }),
      date: '2027-03-02',
      expect: { handBack: [], kept: [], ended: [], fills: [], gained: [] },
    },
    {
      name: 'hands a day back to the team, from the team that covered it',
      input: input({
        rotation: {
          ...input().rotation!,
          shifts: [shift('a4', 'A', D, { cancelled: true }), shift('b4', 'B', D)],
          swaps: [swap('s1', 'qA', D, 'a4', 'b4')],
        },
      }),
      date: '2027-03-02',
      expect: {
        handBack: [[D, 'b4', 'B']],
        kept: [],
        ended: ['s1'],
        fills: [],
        gained: [['A', D]],
      },
    },
    {
      name: 'hands back a day whose cover was swapped again later, from whoever holds it now',
      // B covered A's day; B was quarantined in turn (qB) and C took it: C gives it back, and
      // both swaps are over.
      input: input({
        quarantines: [qA, quarantine('qB', 'B', '2027-03-03', '2027-03-04')],
        rotation: {
          ...input().rotation!,
          shifts: [
            shift('a4', 'A', D, { cancelled: true }),
            shift('b4', 'B', D, { cancelled: true }),
            shift('c4', 'C', D),
          ],
          swaps: [swap('s1', 'qA', D, 'a4', 'b4'), swap('s2', 'qB', D, 'b4', 'c4')],
        },
      }),
      date: '2027-03-02',
      expect: {
        handBack: [[D, 'c4', 'C']],
        kept: [],
        ended: ['s1', 's2'],
        fills: [],
        gained: [['A', D]],
      },
    },
    {
      name: 'keeps a day whose slot changed hands outside its chain of covers',
      input: input({
        rotation: {
          ...input().rotation!,
          shifts: [
            shift('a4', 'A', D, { cancelled: true }),
            shift('b4', 'B', D, { cancelled: true }),
            shift('x4', 'C', D),
          ],
          swaps: [swap('s1', 'qA', D, 'a4', 'b4')],
        },
      }),
      date: '2027-03-02',
      expect: { handBack: [], kept: [D], ended: [], fills: [], gained: [] },
    },
    {
      name: 'takes back, with both lifted, a day an earlier lift of the team had to keep',
      // qA0 was lifted while qA still kept A out on 4 March: lifting qA now gives that day back.
      input: input({
        quarantines: [
          qA,
          quarantine('qA0', 'A', '2027-02-22', '2027-03-07', {
            liftedAt: '2027-02-28T09:00:00Z',
            liftedFrom: '2027-03-01',
          }),
        ],
        rotation: {
          ...input().rotation!,
          shifts: [shift('a4', 'A', D, { cancelled: true }), shift('b4', 'B', D)],
          swaps: [swap('s0', 'qA0', D, 'a4', 'b4')],
        },
      }),
      date: '2027-03-02',
      expect: {
        handBack: [[D, 'b4', 'B']],
        kept: [],
        ended: ['s0'],
        fills: [],
        gained: [['A', D]],
      },
    },
    {
      name: 'with the team back, covers a slot of another quarantine that nobody could take',
      // A and B were both out, teams A and B only: A's 1 March and B's 2 March stayed uncovered.
      // A back from 1 March takes its own day and B's.
      input: input({
        quarantines: [qA, quarantine('qB', 'B', '2027-03-01', '2027-03-05')],
        rotation: {
          ...input().rotation!,
          teams: teams('A', 'B'),
          shifts: [
            shift('a1', 'A', '2027-03-01', { cancelled: true }),
            shift('b2', 'B', '2027-03-02', { cancelled: true }),
          ],
          swaps: [
            swap('s1', 'qA', '2027-03-01', 'a1', null),
            swap('s2', 'qB', '2027-03-02', 'b2', null),
          ],
        },
      }),
      date: '2027-03-01',
      expect: {
        handBack: [['2027-03-01', null, null]],
        kept: [],
        ended: ['s1'],
        fills: [['2027-03-02', 'A']],
        gained: [
          ['A', '2027-03-01'],
          ['A', '2027-03-02'],
        ],
      },
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const plan = planQuarantineLift(r.input, r.date);
      assert.ok(plan.ok);
      assert.deepEqual(
        {
          handBack: plan.value.handBack.map((h) => [h.date, h.cancelShiftId, h.fromTeamId]),
          kept: plan.value.kept.map((k) => k.date),
          ended: plan.value.endedSwapIds,
          fills: plan.value.fills.map((f) => [f.shift.date, f.shift.teamId]),
          gained: plan.value.gained.map((g) => [g.teamId, g.date]),
        },
        r.expect,
      );
    });
});

describe('lifting a quarantine from its first day: the team was never out', () => {
  // A and B were both out over the week, teams A and B only; A's 1 March and B's 2 March stayed
  // uncovered. Lifted from its first day, A owes no return separation: it takes its own day back
  // and, being healthy, B's 2 March too.
  const lifted = input({
    quarantines: [qA, quarantine('qB', 'B', '2027-03-01', '2027-03-05')],
    returnSeparationDays: 2,
    rotation: {
      ...input().rotation!,
      teams: teams('A', 'B'),
      shifts: [
        shift('a1', 'A', '2027-03-01', { cancelled: true }),
        shift('b2', 'B', '2027-03-02', { cancelled: true }),
      ],
      swaps: [
        swap('s1', 'qA', '2027-03-01', 'a1', null),
        swap('s2', 'qB', '2027-03-02', 'b2', null),
      ],
    },
  });
  it('hands its own day back, owing no separation', () => {
    const plan = planQuarantineLift(lifted, '2027-03-01');
    assert.ok(plan.ok);
    assert.deepEqual(
      plan.value.handBack.map((h) => h.date),
      ['2027-03-01'],
    );
  });
  it('covers a once-uncovered day of another quarantine inside what would have been its separation', () => {
    const plan = planQuarantineLift(lifted, '2027-03-01');
    assert.ok(plan.ok);
    assert.deepEqual(
      plan.value.fills.map((f) => [f.shift.date, f.shift.teamId]),
      [['2027-03-02', 'A']],
    );
  });
});
