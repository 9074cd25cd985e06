import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { byString, groupBy, lowerBound, spread, upperBound } from '../../src/domain/collections.ts';

describe('byString', () => {
  it('orders by code units, not by locale: capitals first, accents after z', () =>
    assert.deepEqual(['é', 'b', 'B', 'a', 'z', 'a'].sort(byString), [
      'B',
      'a',
      'a',
      'b',
      'z',
      'é',
    ]));
});

describe('groupBy', () => {
  it('keeps keys in the order of their first item and items in their order', () =>
    assert.deepEqual(
      [...groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0])],
      [
        ['b', ['b1', 'b2']],
        ['a', ['a1', 'a2']],
        ['c', ['c1']],
      ],
    ));
  it('gives an empty map for no items', () => assert.equal(groupBy([], String).size, 0));
});

describe('lowerBound and upperBound', () => {
  const dates = ['2026-04-01', '2026-04-03', '2026-04-03', '2026-04-07'];
  const table: { name: string; x: string; lower: number; upper: number }[] = [
    { name: 'before every date', x: '2026-03-31', lower: 0, upper: 0 },
    { name: 'on the first date', x: '2026-04-01', lower: 0, upper: 1 },
    { name: 'between two dates', x: '2026-04-02', lower: 1, upper: 1 },
    { name: 'on a repeated date', x: '2026-04-03', lower: 1, upper: 3 },
    { name: 'on the last date', x: '2026-04-07', lower: 3, upper: 4 },
    { name: 'after every date', x: '2026-04-08', lower: 4, upper: 4 },
  ];
  for (const t of table)
    it(`finds ${t.name}: first not below at ${t.lower}, first above at ${t.upper}`, () =>
      assert.deepEqual([lowerBound(dates, t.x), upperBound(dates, t.x)], [t.lower, t.upper]));

  it('agrees with counting the values below (and not above) x', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 })),
        fc.integer({ min: -6, max: 6 }),
        (xs, x) => {
          const sorted = [...xs].sort((a, b) => a - b);
          assert.equal(lowerBound(sorted, x), sorted.filter((v) => v < x).length);
          assert.equal(upperBound(sorted, x), sorted.filter((v) => v <= x).length);
        },
      ),
    ));
});

describe('spread', () => {
  for (const [values, expect] of [
    [[], 0],
    [[4], 0],
    [[3, 5, 4], 2],
    [Int32Array.from([2, -1, 7]), 8],
  ] as const)
    it(`is ${expect} for [${[...values].join(', ')}]`, () => assert.equal(spread(values), expect));
});
