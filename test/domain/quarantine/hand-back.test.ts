import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  planHandBack,
  swapsToHandBack,
  type HandBackCandidate,
  type Quarantine,
  type SwapContext,
} from '../../../src/domain/quarantine/index.ts';
import { context, out, quarantine, shift, swap } from './fixtures.ts';

// A was quarantined over the week (qA): its 1 March went to B, its 4 March to C.
const weekOut = [
  shift('a1', 'A', '2027-03-01', { cancelled: true }),
  shift('b1', 'B', '2027-03-01'),
  shift('a4', 'A', '2027-03-04', { cancelled: true }),
  shift('c4', 'C', '2027-03-04'),
];
const qA = out('A', '2027-03-01', '2027-03-05');
const day = (date: string, cancelledShiftId: string, coveringShiftId: string | null) => ({
  date,
  slot: 0,
  cancelledShiftId,
  coveringShiftId,
  stillOurs: true,
});
const bothDays = [day('2027-03-01', 'a1', 'b1'), day('2027-03-04', 'a4', 'c4')];

describe('lift and hand-back: from the lift date, days go back where every invariant allows', () => {
  const rows: {
    name: string;
    ctx: Partial<SwapContext>;
    liftFrom: string;
    candidates: HandBackCandidate[];
    expect: { handBack: [string, string | null][]; kept: [string, string][] };
  }[] = [
    {
      name: 'hands every day from the lift date back, cancelling its cover',
      ctx: { shifts: weekOut, outages: [qA] },
      liftFrom: '2027-03-01',
      candidates: bothDays,
      expect: {
        handBack: [
          ['2027-03-01', 'b1'],
          ['2027-03-04', 'c4'],
        ],
        kept: [],
      },
    },
    {
      name: 'leaves the days before the lift date with their covers',
      ctx: { shifts: weekOut, outages: [qA] },
      liftFrom: '2027-03-03',
      candidates: bothDays,
      expect: { handBack: [['2027-03-04', 'c4']], kept: [] },
    },
    {
      name: 'never hands back a day before today, whatever the lift date',
      ctx: { shifts: weekOut, outages: [qA], today: '2027-03-02' },
      liftFrom: '2027-03-01',
      candidates: bothDays,
      expect: { handBack: [['2027-03-04', 'c4']], kept: [] },
    },
    {
      name: 'hands back an uncovered day: nothing to cancel',
      ctx: { shifts: [shift('a1', 'A', '2027-03-01', { cancelled: true })], outages: [qA] },
      liftFrom: '2027-03-01',
      candidates: [day('2027-03-01', 'a1', null)],
      expect: { handBack: [['2027-03-01', null]], kept: [] },
    },
    {
      name: 'keeps a day the team is still out under another quarantine',
      ctx: { shifts: weekOut, outages: [qA, out('A', '2027-03-04', '2027-03-10', 'qA2')] },
      liftFrom: '2027-03-01',
      candidates: bothDays,
      expect: {
        handBack: [['2027-03-01', 'b1']],
        kept: [['2027-03-04', 'the team is still out']],
      },
    },
    {
      name: 'keeps a day in the return separation of another quarantine of the team',
      ctx: {
        shifts: weekOut,
        outages: [qA, out('A', '2027-02-22', '2027-03-02', 'qA0')],
        returnSeparationDays: 2,
      },
      liftFrom: '2027-03-01',
      candidates: bothDays,
      expect: {
        handBack: [],
        kept: [
          ['2027-03-01', 'the team is still out'],
          ['2027-03-04', 'the team is still out'],
        ],
      },
    },
    {
      name: 'keeps a day in the return separation that follows the lift',
      // Lifted from 3 March, A was out until 2 March and waits three days more: 4 March stays.
      ctx: { shifts: weekOut, outages: [qA], returnSeparationDays: 3 },
      liftFrom: '2027-03-03',
      candidates: bothDays,
      expect: { handBack: [], kept: [['2027-03-04', 'the team is still out']] },
    },
    {
      name: 'lifted from its first day, the team was never out and owes no separation',
      ctx: { shifts: weekOut, outages: [qA], returnSeparationDays: 3 },
      liftFrom: '2027-03-01',
      candidates: bothDays,
      expect: {
        handBack: [
          ['2027-03-01', 'b1'],
          ['2027-03-04', 'c4'],
        ],
        kept: [],
      },
    },
    {
      name: 'keeps a day whose slot changed hands outside its chain of covers',
      ctx: { shifts: weekOut, outages: [qA] },
      liftFrom: '2027-03-01',
      candidates: [{ ...day('2027-03-01', 'a1', 'b1'), stillOurs: false }],
      expect: { handBack: [], kept: [['2027-03-01', 'the slot has changed hands']] },
    },
    {
      name: 'keeps a day whose hand-back would break a handover gap',
      // B covers A's morning; C holds the afternoon 15 minutes after it: A may not come back.
      ctx: {
        shifts: [
          shift('a1', 'A', '2027-03-01', { slot: 'morning', cancelled: true }),
          shift('b1', 'B', '2027-03-01', { slot: 'morning' }),
          shift('c1', 'C', '2027-03-01', { slot: 'afternoon' }),
        ],
        outages: [qA],
        handoverMinutes: 30,
      },
      liftFrom: '2027-03-01',
      candidates: [day('2027-03-01', 'a1', 'b1')],
      expect: {
        handBack: [],
        kept: [['2027-03-01', 'handing it back would break a handover gap']],
      },
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const plan = planHandBack(context(r.ctx), qA, r.liftFrom, r.candidates);
      assert.deepEqual(
        plan.handBack.map((h) => [h.date, h.cancelShiftId]),
        r.expect.handBack,
      );
      assert.ok(plan.handBack.every((h) => h.teamId === 'A'));
      assert.deepEqual(
        plan.kept.map((k) => k.date),
        r.expect.kept.map(([date]) => date),
      );
      plan.kept.forEach((k, i) => assert.ok(k.why.startsWith(r.expect.kept[i]![1]), k.why));
    });
});

describe('the hand-back of days an earlier lift had to keep', () => {
  // Lifting qA: it swapped 4 March (s); `other` swapped 1 March (t) and is in the table's state.
  const lifting = quarantine('qA', 'A', '2027-03-03', '2027-03-10');
  const own = swap('s', 'qA', '2027-03-04', 'a4', 'c4');
  const theirs = swap('t', 'other', '2027-03-01', 'x1', 'y1');
  const lifted = { liftedAt: '2027-02-28T09:00:00Z', liftedFrom: '2027-03-01' };
  const rows: { name: string; other: Quarantine; expect: string[] }[] = [
    {
      name: 'takes back, with both lifted, a day an earlier lift of the same team had to keep',
      other: quarantine('other', 'A', '2027-02-24', '2027-03-09', lifted),
      expect: ['s', 't'],
    },
    {
      name: 'leaves a day of the team’s quarantine that is not lifted yet',
      other: quarantine('other', 'A', '2027-02-24', '2027-03-09'),
      expect: ['s'],
    },
    {
      name: 'leaves a day another team’s lift kept',
      other: quarantine('other', 'B', '2027-02-24', '2027-03-09', lifted),
      expect: ['s'],
    },
    {
      name: 'leaves a day the team’s lifted quarantine in another rotation kept',
      other: quarantine('other', 'A', '2027-02-24', '2027-03-09', { ...lifted, rotationId: 'R2' }),
      expect: ['s'],
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const picked = swapsToHandBack(lifting, [lifting, r.other], [own, theirs]);
      assert.deepEqual(picked.map((s) => s.id).sort(), r.expect);
    });
});
