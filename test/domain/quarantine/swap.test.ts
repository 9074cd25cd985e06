import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isBlocked,
  planQuarantineSwaps,
  type SwapContext,
  type TeamOutage,
} from '../../../src/domain/quarantine/index.ts';
import { context, out, shift } from './fixtures.ts';

// A daily rotation over one week: A, B, C, A, B.
const week = [
  shift('a1', 'A', '2027-03-01'),
  shift('b2', 'B', '2027-03-02'),
  shift('c3', 'C', '2027-03-03'),
  shift('a4', 'A', '2027-03-04'),
  shift('b5', 'B', '2027-03-05'),
];
const A_ALL_WEEK = out('A', '2027-03-01', '2027-03-05');

describe('the swap rule: a quarantined team’s office days go to healthy teams', () => {
  const rows: {
    name: string;
    ctx: Partial<SwapContext>;
    outage: TeamOutage;
    expect: { cancel: string[]; swaps: [string, string | null][]; uncovered: string[] };
  }[] = [
    {
      name: 'gives each of its days in the window to the healthy team with the fewest office days so far',
      // 1 March: B and C have had none, B by label; 4 March: B has had two (1 and 2 March), C one.
      ctx: { shifts: week, outages: [A_ALL_WEEK] },
      outage: A_ALL_WEEK,
      expect: {
        cancel: ['a1', 'a4'],
        swaps: [
          ['2027-03-01', 'B'],
          ['2027-03-04', 'C'],
        ],
        uncovered: [],
      },
    },
    {
      name: 'leaves the days before today as they happened',
      // Only 4 March moves; B and C have had one office day each before it (1 March stays A's).
      ctx: { shifts: week, outages: [A_ALL_WEEK], today: '2027-03-02' },
      outage: A_ALL_WEEK,
      expect: { cancel: ['a4'], swaps: [['2027-03-04', 'B']], uncovered: [] },
    },
    {
      name: 'moves only the days inside the window',
      ctx: { shifts: week, outages: [out('A', '2027-03-02', '2027-03-05')] },
      outage: out('A', '2027-03-02', '2027-03-05'),
      expect: { cancel: ['a4'], swaps: [['2027-03-04', 'B']], uncovered: [] },
    },
    {
      name: 'passes over a team quarantined that day',
      // 1 March: B is out, so C; 4 March: B has had one office day (2 March), C two (1 and 3 March).
      ctx: { shifts: week, outages: [A_ALL_WEEK, out('B', '2027-03-01', '2027-03-02')] },
      outage: A_ALL_WEEK,
      expect: {
        cancel: ['a1', 'a4'],
        swaps: [
          ['2027-03-01', 'C'],
          ['2027-03-04', 'B'],
        ],
        uncovered: [],
      },
    },
    {
      name: 'reports a day no healthy team can take as uncovered, and still cancels it',
      ctx: {
        shifts: week,
        outages: [
          A_ALL_WEEK,
          out('B', '2027-03-01', '2027-03-05'),
          out('C', '2027-03-01', '2027-03-05'),
        ],
      },
      outage: A_ALL_WEEK,
      expect: {
        cancel: ['a1', 'a4'],
        swaps: [
          ['2027-03-01', null],
          ['2027-03-04', null],
        ],
        uncovered: ['2027-03-01', '2027-03-04'],
      },
    },
    {
      name: 'moves the team’s days in its return separation too',
      // Out on 1 March only, but kept out three more days: 4 March moves as well.
      ctx: {
        shifts: week,
        outages: [out('A', '2027-03-01', '2027-03-01')],
        returnSeparationDays: 3,
      },
      outage: out('A', '2027-03-01', '2027-03-01'),
      expect: {
        cancel: ['a1', 'a4'],
        swaps: [
          ['2027-03-01', 'B'],
          ['2027-03-04', 'C'],
        ],
        uncovered: [],
      },
    },
    {
      name: 'gives no day to a team still in its return separation',
      // B was out until 2 March and waits two more days: 4 March goes to C although B has had fewer.
      ctx: {
        shifts: [shift('a4', 'A', '2027-03-04'), shift('c3', 'C', '2027-03-03')],
        outages: [out('A', '2027-03-04', '2027-03-05'), out('B', '2027-02-22', '2027-03-02')],
        returnSeparationDays: 2,
      },
      outage: out('A', '2027-03-04', '2027-03-05'),
      expect: { cancel: ['a4'], swaps: [['2027-03-04', 'C']], uncovered: [] },
    },
    {
      name: 'keeps the handover gap: a team whose slot is too close cannot take the other',
      // C has had no office day, B two; but C in the morning would be 15 minutes from B's afternoon.
      ctx: {
        shifts: [
          shift('b0', 'B', '2027-02-25'),
          shift('b00', 'B', '2027-02-26'),
          shift('a1', 'A', '2027-03-01', { slot: 'morning' }),
          shift('b1', 'B', '2027-03-01', { slot: 'afternoon' }),
        ],
        outages: [out('A', '2027-03-01', '2027-03-01')],
        handoverMinutes: 30,
      },
      outage: out('A', '2027-03-01', '2027-03-01'),
      expect: { cancel: ['a1'], swaps: [['2027-03-01', 'B']], uncovered: [] },
    },
    {
      name: 'leaves a slot uncovered when every healthy team would break the handover gap',
      ctx: {
        shifts: [
          shift('a1', 'A', '2027-03-01', { slot: 'morning' }),
          shift('b1', 'B', '2027-03-01', { slot: 'afternoon' }),
        ],
        outages: [out('A', '2027-03-01', '2027-03-01'), out('B', '2027-03-01', '2027-03-01')],
        handoverMinutes: 30,
      },
      outage: out('A', '2027-03-01', '2027-03-01'),
      expect: { cancel: ['a1'], swaps: [['2027-03-01', null]], uncovered: ['2027-03-01'] },
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const plan = planQuarantineSwaps(context(r.ctx), r.outage);
      assert.deepEqual(
        {
          cancel: plan.cancel,
          swaps: plan.swaps.map((s) => [s.date, s.toTeamId]),
          uncovered: plan.uncovered,
        },
        r.expect,
      );
      // Every covered day is a new shift of the covering team in the cancelled slot.
      assert.deepEqual(
        plan.add.map((a) => [a.date, a.teamId, a.replacesShiftId]),
        plan.swaps.filter((s) => s.toTeamId).map((s) => [s.date, s.toTeamId, s.cancelledShiftId]),
      );
    });
});

describe('return separation: a team returning from standby stays out a set number of days', () => {
  const rows: { name: string; separation: number; date: string; expect: boolean }[] = [
    {
      name: 'is out on the last day of its quarantine',
      separation: 0,
      date: '2027-03-05',
      expect: true,
    },
    {
      name: 'is back the day after, without a separation',
      separation: 0,
      date: '2027-03-06',
      expect: false,
    },
    { name: 'is still out inside its separation', separation: 2, date: '2027-03-07', expect: true },
    {
      name: 'is back the day after its separation',
      separation: 2,
      date: '2027-03-08',
      expect: false,
    },
    { name: 'is not out before its quarantine', separation: 2, date: '2027-02-28', expect: false },
  ];
  for (const r of rows)
    it(r.name, () => {
      const ctx = { outages: [A_ALL_WEEK], returnSeparationDays: r.separation };
      assert.equal(isBlocked(ctx, 'A', r.date), r.expect);
      assert.equal(isBlocked(ctx, 'B', r.date), false);
    });
});
