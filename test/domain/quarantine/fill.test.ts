import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSlots, planFill, type SwapContext } from '../../../src/domain/quarantine/index.ts';
import { context, out, shift, swap } from './fixtures.ts';

// A is out all week; its 1 March (and, where listed, 4 March) found no team when it was cancelled.
const aOut = out('A', '2027-03-01', '2027-03-05');
const a1 = shift('a1', 'A', '2027-03-01', { cancelled: true });
const a4 = shift('a4', 'A', '2027-03-04', { cancelled: true });
const open1 = swap('o1', 'qA', '2027-03-01', 'a1', null);
const open4 = swap('o4', 'qA', '2027-03-04', 'a4', null);

describe('fills: once-uncovered slots go to a team that can take them now', () => {
  const rows: {
    name: string;
    ctx: Partial<SwapContext>;
    open: ReturnType<typeof swap>[];
    expect: [string, string][];
  }[] = [
    {
      name: 'gives the slot to the healthy team with the fewest office days so far',
      // B has had one office day before 1 March, C none.
      ctx: { shifts: [a1, shift('b0', 'B', '2027-02-26')], outages: [aOut] },
      open: [open1],
      expect: [['2027-03-01', 'C']],
    },
    {
      name: 'counts the slots it fills as it goes',
      // 1 March: B and C have had none, B by label; 4 March: B has had one, C none.
      ctx: { shifts: [a1, a4], outages: [aOut] },
      open: [open4, open1],
      expect: [
        ['2027-03-01', 'B'],
        ['2027-03-04', 'C'],
      ],
    },
    {
      name: 'leaves it open while no team can take it',
      ctx: {
        shifts: [a1],
        outages: [aOut, out('B', '2027-03-01', '2027-03-05'), out('C', '2027-03-01', '2027-03-05')],
      },
      open: [open1],
      expect: [],
    },
    {
      name: 'passes over a team in its return separation',
      ctx: {
        shifts: [a1],
        outages: [aOut, out('B', '2027-02-22', '2027-02-27')],
        returnSeparationDays: 2,
      },
      open: [open1],
      expect: [['2027-03-01', 'C']],
    },
    {
      name: 'never fills a day before today',
      ctx: { shifts: [a1, a4], outages: [aOut], today: '2027-03-02' },
      open: [open1, open4],
      expect: [['2027-03-04', 'B']],
    },
    {
      name: 'leaves a slot someone holds already',
      ctx: { shifts: [a1, shift('c1', 'C', '2027-03-01')], outages: [aOut] },
      open: [open1],
      expect: [],
    },
    {
      name: 'keeps the handover gap to the other slot of the day',
      // C has had no office day, B two; but C in the morning would be 15 minutes from B's afternoon.
      ctx: {
        shifts: [
          shift('a1', 'A', '2027-03-01', { slot: 'morning', cancelled: true }),
          shift('b1', 'B', '2027-03-01', { slot: 'afternoon' }),
          shift('b0', 'B', '2027-02-26'),
        ],
        outages: [aOut],
        handoverMinutes: 30,
      },
      open: [open1],
      expect: [['2027-03-01', 'B']],
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const fills = planFill(context(r.ctx), openSlots(r.open, new Set()));
      assert.deepEqual(
        fills.map((f) => [f.shift.date, f.shift.teamId]),
        r.expect,
      );
    });

  it('waits only for slots nobody took, not handed back, and not ended by this lift', () => {
    const slots = openSlots(
      [
        open1,
        swap('taken', 'qA', '2027-03-02', 'a2', 'b2'),
        swap('back', 'qA', '2027-03-03', 'a3', null, { handedBackAt: '2027-03-01T09:00:00Z' }),
        open4,
      ],
      new Set(['o4']),
    );
    assert.deepEqual(
      slots.map((s) => s.swapId),
      ['o1'],
    );
  });
});
