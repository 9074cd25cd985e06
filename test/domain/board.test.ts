import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { standbyUntil } from '../../src/domain/board/index.ts';
import type { StandbyWindow } from '../../src/domain/quarantine/index.ts';

const w = (memberId: string, from: string, to: string): StandbyWindow => ({
  teamId: null,
  memberId,
  from,
  to,
});

describe('standbyUntil: the last day of a standby that holds on the date', () => {
  const rules: {
    name: string;
    windows: StandbyWindow[];
    date: string;
    expect: string | undefined;
  }[] = [
    {
      name: 'is the end of the window the date is in',
      windows: [w('m', '2026-12-01', '2026-12-14')],
      date: '2026-12-05',
      expect: '2026-12-14',
    },
    {
      name: 'is nothing before the window starts or after it ends',
      windows: [w('m', '2026-12-01', '2026-12-14')],
      date: '2026-12-15',
      expect: undefined,
    },
    {
      name: 'joins a window that starts the day after the first ends',
      windows: [w('m', '2026-12-01', '2026-12-14'), w('m', '2026-12-15', '2026-12-20')],
      date: '2026-12-03',
      expect: '2026-12-20',
    },
    {
      name: 'does not join a window after a day at work',
      windows: [w('m', '2026-12-01', '2026-12-14'), w('m', '2026-12-16', '2026-12-20')],
      date: '2026-12-03',
      expect: '2026-12-14',
    },
    {
      name: 'takes the later end of two overlapping windows',
      windows: [w('m', '2026-12-01', '2026-12-14'), w('m', '2026-12-03', '2026-12-10')],
      date: '2026-12-04',
      expect: '2026-12-14',
    },
    {
      name: "ignores someone else's window",
      windows: [w('x', '2026-12-01', '2026-12-14')],
      date: '2026-12-04',
      expect: undefined,
    },
  ];
  for (const r of rules)
    it(r.name, () => assert.equal(standbyUntil(r.windows, 'm', r.date), r.expect));
});
