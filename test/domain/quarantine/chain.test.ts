import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followCovers, type SwapRecord } from '../../../src/domain/quarantine/index.ts';
import type { ShiftRecord } from '../../../src/domain/rotation/index.ts';
import { shift, swap } from './fixtures.ts';

// A's 1 March went to B (s1); B, quarantined later, passed that day on to C (s2), and C to D (s3).
const D = '2027-03-01';
const s1 = swap('s1', 'qA', D, 'a1', 'b1');
const s2 = swap('s2', 'qB', D, 'b1', 'c1');
const s3 = swap('s3', 'qC', D, 'c1', 'd1');

describe('cover chains: a swapped day is followed to whoever holds it now', () => {
  const rows: {
    name: string;
    open: SwapRecord[];
    shifts: ShiftRecord[];
    expect: { swapIds: string[]; occupantShiftId: string | null; stillOurs: boolean };
  }[] = [
    {
      name: 'finds the cover itself while it still holds the day',
      open: [s1],
      shifts: [shift('a1', 'A', D, { cancelled: true }), shift('b1', 'B', D)],
      expect: { swapIds: ['s1'], occupantShiftId: 'b1', stillOurs: true },
    },
    {
      name: 'follows a cover that was swapped again later to the team holding the day now',
      open: [s1, s2],
      shifts: [
        shift('a1', 'A', D, { cancelled: true }),
        shift('b1', 'B', D, { cancelled: true }),
        shift('c1', 'C', D),
      ],
      expect: { swapIds: ['s1', 's2'], occupantShiftId: 'c1', stillOurs: true },
    },
    {
      name: 'follows a chain of three covers',
      open: [s3, s1, s2],
      shifts: [
        shift('a1', 'A', D, { cancelled: true }),
        shift('b1', 'B', D, { cancelled: true }),
        shift('c1', 'C', D, { cancelled: true }),
        shift('d1', 'D', D),
      ],
      expect: { swapIds: ['s1', 's2', 's3'], occupantShiftId: 'd1', stillOurs: true },
    },
    {
      name: 'stops at a later swap already handed back: its cover has the day again',
      open: [s1],
      shifts: [
        shift('a1', 'A', D, { cancelled: true }),
        shift('b1', 'B', D),
        shift('c1', 'C', D, { cancelled: true }),
      ],
      expect: { swapIds: ['s1'], occupantShiftId: 'b1', stillOurs: true },
    },
    {
      name: 'sees that a team outside the chain holds the day now',
      open: [s1],
      shifts: [
        shift('a1', 'A', D, { cancelled: true }),
        shift('b1', 'B', D, { cancelled: true }),
        shift('x1', 'C', D),
      ],
      expect: { swapIds: ['s1'], occupantShiftId: 'x1', stillOurs: false },
    },
    {
      name: 'an uncovered day that nobody holds is still ours',
      open: [swap('s1', 'qA', D, 'a1', null)],
      shifts: [shift('a1', 'A', D, { cancelled: true })],
      expect: { swapIds: ['s1'], occupantShiftId: null, stillOurs: true },
    },
    {
      name: 'an uncovered day that a team holds by other means is not',
      open: [swap('s1', 'qA', D, 'a1', null)],
      shifts: [shift('a1', 'A', D, { cancelled: true }), shift('x1', 'C', D)],
      expect: { swapIds: ['s1'], occupantShiftId: 'x1', stillOurs: false },
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const first = r.open.find((s) => s.id === 's1')!;
      assert.deepEqual(followCovers([first], r.open, r.shifts).get('s1'), r.expect);
    });
});
