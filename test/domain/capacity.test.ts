import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  capacityDays,
  capacityFor,
  checkCapacitySettings,
  newShortages,
  type CapacitySettings,
} from '../../src/domain/capacity/limits.ts';
import {
  demandGrid,
  scheduledDemand,
  type DemandRotation,
} from '../../src/domain/capacity/demand.ts';
import type { Membership } from '../../src/domain/rotation/model.ts';
import { standbyLookup } from '../../src/domain/quarantine/standby.ts';
import { checkSurvivability } from '../../src/domain/capacity/survivability.ts';
import type { DepartmentCalendar } from '../../src/domain/types.ts';

const CAL: DepartmentCalendar = {
  timezone: 'Asia/Tokyo',
  workdays: [1, 2, 3, 4, 5],
  holidays: 'none',
  closedDates: ['2026-12-04'],
  officeHours: { start: '08:30', end: '17:15' },
};
const member = (memberId: string, teamId: string, over: Partial<Membership> = {}): Membership => ({
  memberId,
  teamId,
  fromDate: '2026-11-30',
  toDate: null,
  officeFrom: '2026-11-30',
  ...over,
});

// Mon 30 Nov – Sun 6 Dec 2026, Friday closed. A in on Mon, Wed; B on Tue, Thu.
const ROTATION: DemandRotation = {
  calendar: CAL,
  startDate: '2026-11-30',
  endDate: '2026-12-06',
  teamIds: ['A', 'B'],
  memberships: [
    member('a-thin', 'A'),
    member('a-pc', 'A'),
    // b-thin moves from A to B on Wed 2 Dec and may join B's office only from Thu 3 Dec (bridging).
    member('b-thin', 'A', { toDate: '2026-12-01' }),
    member('b-thin', 'B', { fromDate: '2026-12-02', officeFrom: '2026-12-03' }),
    member('b-loan', 'B'),
  ],
  office: [
    { teamId: 'A', date: '2026-11-30' },
    { teamId: 'B', date: '2026-12-01' },
    { teamId: 'A', date: '2026-12-02' },
    { teamId: 'B', date: '2026-12-03' },
  ],
};
const NEEDS: Record<string, 'thinClient' | 'loanPc'> = {
  'a-thin': 'thinClient',
  'b-thin': 'thinClient',
  'b-loan': 'loanPc',
};
const needOf = (id: string) => NEEDS[id] ?? null;
const window = { from: '2026-11-30', to: '2026-12-06' };

describe('remote demand and capacity (pure)', () => {
  it('counts, per working day, the members out of the office who need a seat or a PC, bridging and standby included', () => {
    const none = demandGrid(ROTATION, window, needOf, standbyLookup([]));
    assert.deepEqual(
      none.dates,
      ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'],
      'Friday closed, weekend off',
    );
    assert.deepEqual(scheduledDemand(none), [
      { thinClient: 0, loanPc: 1 }, // A in: b-loan remote
      { thinClient: 2, loanPc: 0 }, // B in: a-thin, and b-thin (still in A)
      { thinClient: 1, loanPc: 1 }, // A in: b-thin now in B (remote), b-loan
      { thinClient: 1, loanPc: 0 }, // B in, b-thin joins the office: a-thin remote
    ]);
    // a-thin on standby on Mon 30 Nov, team B on Thu 3 Dec: they stay home and still need their seat / PC.
    const standby = standbyLookup([
      { teamId: null, memberId: 'a-thin', from: '2026-11-30', to: '2026-11-30' },
      { teamId: 'B', memberId: null, from: '2026-12-03', to: '2026-12-03' },
    ]);
    const grid = demandGrid(
      { ...ROTATION, office: ROTATION.office.filter((s) => s.date !== '2026-12-03') },
      window,
      needOf,
      standby,
    );
    assert.deepEqual(
      scheduledDemand(grid).map((d) => [d.thinClient, d.loanPc]),
      [
        [1, 1],
        [2, 0],
        [1, 1],
        [2, 1],
      ],
    );
  });

  it('measures a department against its reservation, or what nobody reserved; the organisation against all it has', () => {
    const s: CapacitySettings = {
      thinClientSeats: 10,
      loanPcs: 60,
      reservations: [
        { departmentId: 'd1', thinClientSeats: 4, loanPcs: null },
        { departmentId: 'd2', thinClientSeats: 3, loanPcs: 20 },
      ],
    };
    assert.deepEqual(capacityFor(s, null), { thinClient: 10, loanPc: 60 });
    assert.deepEqual(capacityFor(s, 'd1'), { thinClient: 4, loanPc: 40 });
    assert.deepEqual(capacityFor(s, 'd3'), { thinClient: 3, loanPc: 40 });
    assert.deepEqual(
      capacityFor({ thinClientSeats: null, loanPcs: null, reservations: [] }, 'd3'),
      { thinClient: null, loanPc: null },
    );
  });

  it('refuses reservations beyond the organisation’s capacity, blaming the one being changed, else the total', () => {
    const s: CapacitySettings = {
      thinClientSeats: 5,
      loanPcs: null,
      reservations: [
        { departmentId: 'd1', thinClientSeats: 3, loanPcs: null },
        { departmentId: 'd2', thinClientSeats: 3, loanPcs: 9 },
      ],
    };
    assert.deepEqual(checkCapacitySettings(s, new Map([['d2', '/reservations/0']])), [
      {
        path: '/reservations/0/thinClientSeats',
        message: "reservations add up to 6 thin-client seats, more than the organisation's 5",
        code: 'thin-client-over',
        params: { reserved: 6, total: 5 },
      },
    ]);
    assert.equal(checkCapacitySettings(s, new Map())[0]!.path, '/thinClientSeats');
    assert.deepEqual(
      checkCapacitySettings({ ...s, thinClientSeats: 6 }, new Map()),
      [],
      'loan PCs not set: any reservation of them is allowed',
    );
  });

  it('gives each day the shortfall per resource: demand beyond capacity, nothing when none is set (property)', () => {
    const count = fc.integer({ min: 0, max: 40 });
    const cap = fc.option(count, { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.record({ thinClient: count, loanPc: count }), { maxLength: 20 }),
        fc.record({ thinClient: cap, loanPc: cap }),
        (demands, capacity) => {
          const dates = demands.map((_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
          const { days, summary } = capacityDays(dates, (i) => demands[i]!, capacity);
          days.forEach((d, i) => {
            for (const k of ['thinClient', 'loanPc'] as const) {
              const expected =
                capacity[k] === null ? 0 : Math.max(0, demands[i]![k] - capacity[k]!);
              assert.equal(d.shortage[k], expected);
              assert.equal(d.demand[k], demands[i]![k]);
            }
            assert.equal(d.short, d.shortage.thinClient > 0 || d.shortage.loanPc > 0);
          });
          assert.equal(summary.daysShort, days.filter((d) => d.short).length);
          assert.equal(summary.firstShortageDate, days.find((d) => d.short)?.date ?? null);
        },
      ),
    );
  });

  it('summarises days short, and finds the dates a change made short', () => {
    const dates = ['2026-12-01', '2026-12-02', '2026-12-03'];
    const before = capacityDays(
      dates,
      (i) =>
        [
          { thinClient: 3, loanPc: 0 },
          { thinClient: 1, loanPc: 0 },
          { thinClient: 0, loanPc: 0 },
        ][i]!,
      { thinClient: 2, loanPc: null },
    );
    assert.deepEqual(before.summary, {
      peakThinClient: 3,
      peakLoanPc: 0,
      firstShortageDate: '2026-12-01',
      daysShort: 1,
    });
    const after = capacityDays(dates, () => ({ thinClient: 3, loanPc: 9 }), {
      thinClient: 2,
      loanPc: null,
    });
    assert.deepEqual(newShortages(before.days, after.days), ['2026-12-02', '2026-12-03']);
  });

  it('checks every single-team outage against capacity: the out team on standby still needs its seats', () => {
    const grid = demandGrid(ROTATION, window, needOf, standbyLookup([]));
    const shifts = ROTATION.office.map((s, i) => ({
      id: `s${i}`,
      teamId: s.teamId,
      date: s.date,
      slot: 0,
      start: '08:30',
      end: '17:15',
      status: 'scheduled' as const,
      sequence: 0,
    }));
    const input = {
      teams: [
        { id: 'A', label: 'A' },
        { id: 'B', label: 'B' },
      ],
      shifts,
      startDate: '2026-11-30',
      endDate: '2026-12-06',
      outageDays: 14,
      returnSeparationDays: 0,
      handoverMinutes: 0,
    };
    const tight = checkSurvivability({
      ...input,
      remote: { grid, capacity: { thinClient: 1, loanPc: 1 } },
    });
    // A out from Monday: B is in every day; a-thin is home throughout, b-thin until the bridging rule lets them in on Thursday.
    assert.equal(tight.remote!.withinCapacity, false);
    assert.deepEqual(
      tight.remote!.peak,
      { thinClient: 2, loanPc: 1 },
      'B out: b-loan home every day',
    );
    assert.deepEqual(
      [tight.remote!.worst!.label, tight.remote!.worst!.startDate],
      ['A', '2026-11-30'],
    );
    assert.deepEqual(tight.remote!.worst!.remote, {
      peak: { thinClient: 2, loanPc: 0 },
      shortDates: ['2026-11-30', '2026-12-01', '2026-12-02'],
    });
    assert.equal(
      checkSurvivability({ ...input, remote: { grid, capacity: { thinClient: 2, loanPc: 1 } } })
        .remote!.withinCapacity,
      true,
    );
    assert.equal(
      checkSurvivability({
        ...input,
        remote: { grid, capacity: { thinClient: null, loanPc: null } },
      }).remote!.withinCapacity,
      null,
    );
    assert.equal(
      checkSurvivability(input).remote,
      undefined,
      'without a grid, the answer is as before',
    );
  });
});
