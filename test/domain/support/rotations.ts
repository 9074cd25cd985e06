import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { PlanInput, Slot } from '../../../src/domain/rotation/types.ts';
import type { DepartmentCalendar } from '../../../src/domain/types.ts';

export const ZONES = [
  'Asia/Tokyo',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
  'UTC',
];

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dateAt = (base: string, days: number) =>
  DateTime.fromISO(base, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** Sorted, non-overlapping slots (as minute boundaries), with random gaps between them. */
export const slotsArb: fc.Arbitrary<Slot[]> = fc
  .uniqueArray(fc.integer({ min: 6 * 4, max: 22 * 4 }), { minLength: 2, maxLength: 6 })
  .map((qs) => [...qs].sort((a, b) => a - b))
  .map((qs) =>
    Array.from({ length: Math.floor(qs.length / 2) }, (_, i) => ({
      start: hhmm(qs[2 * i]! * 15),
      end: hhmm(qs[2 * i + 1]! * 15),
    })),
  );

/** A department calendar and a plan request over it, with a valid pattern (handover may still be too long for the slots). */
export const planInputArb: fc.Arbitrary<PlanInput> = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    workdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    holidays: fc.constantFrom<'jp' | 'none'>('jp', 'none'),
    startOffset: fc.integer({ min: 0, max: 5 * 366 }),
    length: fc.integer({ min: 1, max: 150 }),
    closedOffsets: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 8 }),
    teams: fc.integer({ min: 1, max: 5 }),
    kind: fc.constantFrom<'daily' | 'weekly' | 'cycle'>('daily', 'weekly', 'cycle'),
    cycleIdx: fc.array(fc.nat(4), { minLength: 1, maxLength: 8 }),
    bufferDays: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    slots: fc.option(slotsArb, { nil: undefined }),
    handoverMinutes: fc.option(fc.constantFrom(0, 15, 30, 60), { nil: undefined }),
  })
  .map((r) => {
    const startDate = dateAt('2024-01-01', r.startOffset);
    const calendar: DepartmentCalendar = {
      timezone: r.timezone,
      workdays: r.workdays,
      holidays: r.holidays,
      closedDates: r.closedOffsets.map((o) => dateAt(startDate, o)),
      officeHours: { start: '08:30', end: '17:15' },
    };
    const teamLabels = ['A', 'B', 'C', 'D', 'E'].slice(0, r.teams);
    return {
      calendar,
      startDate,
      endDate: dateAt(startDate, r.length - 1),
      teamLabels,
      pattern: {
        kind: r.kind,
        ...(r.kind === 'cycle' ? { cycle: r.cycleIdx.map((i) => teamLabels[i % r.teams]!) } : {}),
        bufferDays: r.bufferDays,
        slots: r.slots,
        handoverMinutes: r.handoverMinutes,
      },
    };
  });
