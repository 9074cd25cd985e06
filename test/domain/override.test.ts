import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planOverride, planUndo, type OverrideContext } from '../../src/domain/override/index.ts';

// Two slots whose stored shifts came closer than the handover gap (say the gap was raised after
// they were planned): giving one slot to another team would put two teams within the gap.
const ctx = (over: Partial<OverrideContext> = {}): OverrideContext => ({
  today: '2027-01-04',
  calendar: {
    timezone: 'Asia/Tokyo',
    workdays: [1, 2, 3, 4, 5],
    holidays: 'none',
    closedDates: [],
    officeHours: { start: '08:30', end: '17:15' },
  },
  startDate: '2027-01-04',
  endDate: '2027-01-29',
  bufferDates: new Set(['2027-01-07']),
  closedDates: new Set(),
  teams: [
    { id: 'A', label: 'A' },
    { id: 'B', label: 'B' },
  ],
  shifts: [
    {
      id: 's0',
      teamId: 'A',
      date: '2027-01-05',
      slot: 0,
      start: '08:00',
      end: '12:00',
      status: 'scheduled',
      sequence: 0,
    },
    {
      id: 's1',
      teamId: 'A',
      date: '2027-01-05',
      slot: 1,
      start: '12:30',
      end: '17:00',
      status: 'scheduled',
      sequence: 0,
    },
    {
      id: 's2',
      teamId: 'B',
      date: '2027-01-06',
      slot: 0,
      start: '08:00',
      end: '12:00',
      status: 'scheduled',
      sequence: 0,
    },
    {
      id: 's3',
      teamId: 'B',
      date: '2027-01-06',
      slot: 1,
      start: '12:30',
      end: '17:00',
      status: 'scheduled',
      sequence: 0,
    },
  ],
  slots: [
    { start: '08:00', end: '12:00' },
    { start: '12:30', end: '17:00' },
  ],
  outages: [],
  returnSeparationDays: 0,
  handoverMinutes: 60,
  ...over,
});

describe('overrides: the rules by example', () => {
  it('refuses a slot given to another team within the handover gap (isolation)', () => {
    const r = planOverride(ctx(), { kind: 'assign', date: '2027-01-05', teamId: 'B', slot: 1 });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.refusals.map((x) => [x.invariant, x.code, x.date]),
      [['isolation', 'handover-too-short', '2027-01-05']],
    );
  });

  it('gives the whole day to one team, which keeps isolation whatever the gap', () => {
    const r = planOverride(ctx(), { kind: 'assign', date: '2027-01-05', teamId: 'B' });
    assert.ok(r.ok);
    if (!r.ok) return;
    assert.deepEqual(r.plan.cancel, ['s0', 's1']);
    assert.deepEqual(
      r.plan.add.map((a) => [a.slot, a.teamId, a.start]),
      [
        [0, 'B', '08:00'],
        [1, 'B', '12:30'],
      ],
    );
  });

  it('swaps slot by slot, and refuses a buffer day and a team in its return separation', () => {
    const swap = planOverride(ctx(), { kind: 'swap', dates: ['2027-01-05', '2027-01-06'] });
    assert.ok(swap.ok);
    if (swap.ok)
      assert.deepEqual(
        swap.plan.moved.map((m) => [m.date, m.slot, m.fromTeamId, m.toTeamId]),
        [
          ['2027-01-05', 0, 'A', 'B'],
          ['2027-01-06', 0, 'B', 'A'],
          ['2027-01-05', 1, 'A', 'B'],
          ['2027-01-06', 1, 'B', 'A'],
        ],
      );
    const buffer = planOverride(ctx(), { kind: 'close', date: '2027-01-07' });
    assert.deepEqual(!buffer.ok && buffer.refusals[0]!.code, 'buffer-day');
    const out = ctx({
      outages: [{ quarantineId: 'q', teamId: 'B', from: '2027-01-01', to: '2027-01-04' }],
      returnSeparationDays: 1,
    });
    const r = planOverride(out, { kind: 'swap', dates: ['2027-01-05', '2027-01-06'] });
    assert.deepEqual(!r.ok && r.refusals.map((x) => [x.invariant, x.date, x.team]), [
      ['quarantine', '2027-01-05', 'B'],
      ['quarantine', '2027-01-05', 'B'],
    ]);
  });

  it('undoes only before the day, and not after a later override of the same day', () => {
    const base = {
      id: 'o1',
      rotationId: 'r',
      departmentId: 'd',
      kind: 'close' as const,
      dates: ['2027-01-05'],
      teamId: null,
      slot: null,
      reason: null,
      cancelledShiftIds: ['s0', 's1'],
      addedShiftIds: [],
      version: 3,
      createdBy: 't',
      createdAt: '2027-01-04T00:00:00Z',
      undoneAt: null,
      undoneBy: null,
    };
    const closed = ctx({
      closedDates: new Set(['2027-01-05']),
      shifts: ctx().shifts.map((s) =>
        s.date === '2027-01-05' ? { ...s, status: 'cancelled' } : s,
      ),
    });
    const ok = planUndo(closed, base, [base]);
    assert.ok(ok.ok);
    if (ok.ok) assert.deepEqual([ok.plan.restore, ok.plan.closedDates], [['s0', 's1'], []]);
    const late = planUndo({ ...closed, today: '2027-01-05' }, base, [base]);
    assert.deepEqual(!late.ok && late.refusals[0]!.code, 'day-started');
    const later = { ...base, id: 'o2', version: 4 };
    const blocked = planUndo(closed, base, [base, later]);
    assert.deepEqual(!blocked.ok && [blocked.refusals[0]!.code, blocked.changed], [
      'later-override',
      true,
    ]);
  });
});
