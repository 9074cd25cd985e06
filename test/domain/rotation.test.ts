import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isoWeekKey, workingDays } from '../../src/domain/calendar/days.ts';
import {
  checkCoverage,
  checkIsolation,
  checkShiftDates,
} from '../../src/domain/rotation/invariants.ts';
import { officeDayCounts } from '../support/office-days.ts';
import { planShifts } from '../../src/domain/rotation/plan.ts';
import type { PlanInput, Shift, ShiftPlan } from '../../src/domain/rotation/types.ts';
import { shiftInstants } from '../support/shift-time.ts';
import { minutesOf } from '../../src/domain/calendar/time-of-day.ts';
import type { DepartmentCalendar } from '../../src/domain/types.ts';
import { ZONES, planInputArb } from './support/rotations.ts';

const RUNS = 1500;
const calendar = (extra: Partial<DepartmentCalendar> = {}): DepartmentCalendar => ({
  timezone: 'Asia/Tokyo',
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: [],
  officeHours: { start: '08:30', end: '17:15' },
  ...extra,
});
const plan = (input: PlanInput): ShiftPlan => {
  const r = planShifts(input);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
};
/** Office days in order, each with its teams slot by slot. */
const officeDays = (shifts: Shift[]) => {
  const days = new Map<string, string[]>();
  for (const s of shifts)
    (days.get(s.date) ?? days.set(s.date, []).get(s.date)!)[s.slot] = s.teamLabel;
  return [...days].map(([date, teams]) => ({ date, teams }));
};
const withHandover = (input: PlanInput, handoverMinutes: number): PlanInput => ({
  ...input,
  pattern: { ...input.pattern, handoverMinutes },
});

describe('planShifts', () => {
  it('keeps teams isolated, covers every working day but buffer days, and never plans a non-working day', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const r = planShifts(input);
        if (!r.ok) {
          // The only refusal a valid request can meet: slots too close for the handover.
          assert.ok(
            r.error.issues.every((i) => i.code === 'handover-too-short'),
            JSON.stringify(r.error),
          );
          const loose = plan(withHandover(input, 0));
          for (const issue of r.error.issues) {
            const [a, b] = issue.slots!;
            const slots = input.pattern.slots!;
            assert.ok(
              minutesOf(slots[b!]!.start) - minutesOf(slots[a!]!.end) <
                input.pattern.handoverMinutes!,
            );
            assert.ok(officeDays(loose.shifts).some((d) => d.teams[a!] !== d.teams[b!]));
          }
          return;
        }
        const { shifts, bufferDates, workingDates } = r.value;
        const slotCount = input.pattern.slots?.length ?? 1;
        assert.deepEqual(
          checkIsolation(shifts, {
            handoverMinutes: input.pattern.handoverMinutes ?? 0,
            oneTeamPerDate: slotCount === 1,
          }),
          [],
        );
        assert.deepEqual(
          checkCoverage(
            shifts,
            input.calendar,
            { from: input.startDate, to: input.endDate },
            { bufferDates, slots: input.pattern.slots ?? [input.calendar.officeHours] },
          ),
          [],
        );
        assert.deepEqual(checkShiftDates(shifts, input.calendar), []);
        assert.deepEqual(workingDates, workingDays(input.calendar, input.startDate, input.endDate));
        const office = new Set(shifts.map((s) => s.date));
        assert.equal(office.size + bufferDates.length, workingDates.length);
        for (const d of bufferDates) assert.ok(!office.has(d));
      }),
      { numRuns: RUNS },
    );
  });

  it('follows the pattern order: daily by turn, cycle by its sequence, weekly one team per ISO week', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const { shifts } = plan(withHandover(input, 0));
        const labels = shifts.map((s) => s.teamLabel);
        const { kind, cycle } = input.pattern;
        if (kind === 'daily')
          labels.forEach((l, i) => assert.equal(l, input.teamLabels[i % input.teamLabels.length]));
        if (kind === 'cycle') labels.forEach((l, i) => assert.equal(l, cycle![i % cycle!.length]));
        if (kind === 'weekly') {
          const weeks = new Map<string, Set<string>>();
          for (const s of shifts) {
            const key = isoWeekKey(s.date);
            (weeks.get(key) ?? weeks.set(key, new Set()).get(key)!).add(s.teamLabel);
          }
          [...weeks.values()].forEach((teams, w) =>
            assert.deepEqual([...teams], [input.teamLabels[w % input.teamLabels.length]]),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves exactly bufferDays empty working days whenever the office passes to another team, and none otherwise', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const { shifts, bufferDates, workingDates } = plan(withHandover(input, 0));
        const buffers = input.pattern.bufferDays ?? 0;
        const days = officeDays(shifts);
        const position = new Map(workingDates.map((d, i) => [d, i]));
        if (days.length > 0)
          assert.equal(position.get(days[0]!.date), 0, 'the first working day is an office day');
        for (let i = 1; i < days.length; i++) {
          const between = position.get(days[i]!.date)! - position.get(days[i - 1]!.date)! - 1;
          const changes = days[i]!.teams[0] !== days[i - 1]!.teams.at(-1);
          assert.equal(between, changes ? buffers : 0);
        }
        const trailing =
          days.length === 0 ? 0 : workingDates.length - 1 - position.get(days.at(-1)!.date)!;
        assert.ok(trailing <= buffers);
        assert.equal(bufferDates.length, workingDates.length - days.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('plans the same dates whatever the department time zone', () => {
    fc.assert(
      fc.property(planInputArb, fc.constantFrom(...ZONES), (input, timezone) => {
        const a = planShifts(input);
        const b = planShifts({ ...input, calendar: { ...input.calendar, timezone } });
        assert.deepEqual(b, a);
      }),
      { numRuns: 500 },
    );
  });

  it('gives teams office days within one of each other under the daily pattern', () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const p = plan(
          withHandover(
            { ...input, pattern: { ...input.pattern, kind: 'daily', cycle: undefined } },
            0,
          ),
        );
        const counts = officeDayCounts(p.shifts, input.teamLabels).map((c) => c.slots);
        assert.equal(
          counts.reduce((a, b) => a + b, 0),
          p.shifts.length,
        );
        assert.ok(Math.max(...counts) - Math.min(...counts) <= 1);
      }),
      { numRuns: 500 },
    );
  });

  it('rotates teams through the slots of a day: day 1 slot 1 A, slot 2 B, day 2 slot 1 C', () => {
    const p = plan({
      calendar: calendar(),
      startDate: '2026-06-01',
      endDate: '2026-06-03',
      teamLabels: ['A', 'B', 'C'],
      pattern: {
        kind: 'daily',
        slots: [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        handoverMinutes: 60,
      },
    });
    assert.deepEqual(
      p.shifts.map((s) => `${s.date} ${s.start}-${s.end} ${s.teamLabel}`),
      [
        '2026-06-01 08:00-12:00 A',
        '2026-06-01 13:00-17:00 B',
        '2026-06-02 08:00-12:00 C',
        '2026-06-02 13:00-17:00 A',
        '2026-06-03 08:00-12:00 B',
        '2026-06-03 13:00-17:00 C',
      ],
    );
  });

  it('passes the office over Golden Week with buffer days between teams', () => {
    const p = plan({
      calendar: calendar({ closedDates: ['2026-05-08'] }),
      startDate: '2026-04-27',
      endDate: '2026-05-15',
      teamLabels: ['A', 'B', 'C'],
      pattern: { kind: 'daily', bufferDays: 1 },
    });
    assert.deepEqual(
      p.shifts.map((s) => `${s.date} ${s.teamLabel}`),
      ['2026-04-27 A', '2026-04-30 B', '2026-05-07 C', '2026-05-12 A', '2026-05-14 B'],
    );
    assert.deepEqual(p.bufferDates, [
      '2026-04-28',
      '2026-05-01',
      '2026-05-11',
      '2026-05-13',
      '2026-05-15',
    ]);
  });

  it('keeps a weekly team its turn when buffer days take its whole short week', () => {
    const p = plan({
      calendar: calendar({ closedDates: ['2026-05-08'] }),
      startDate: '2026-04-27',
      endDate: '2026-05-22',
      teamLabels: ['A', 'B'],
      pattern: { kind: 'weekly', bufferDays: 1 },
    });
    assert.deepEqual(p.bufferDates, ['2026-05-07', '2026-05-18']);
    assert.deepEqual(officeDayCounts(p.shifts, ['A', 'B']), [
      { teamLabel: 'A', officeDays: 8, slots: 8 },
      { teamLabel: 'B', officeDays: 5, slots: 5 },
    ]);
    assert.deepEqual(
      [
        ...new Set(
          p.shifts
            .filter((s) => s.date >= '2026-05-11' && s.date <= '2026-05-15')
            .map((s) => s.teamLabel),
        ),
      ],
      ['B'],
    );
  });

  const dst: {
    zone: string;
    from: string;
    to: string;
    slot: [string, string];
    day: string;
    minutes: number;
    offsets: [string, string];
  }[] = [
    {
      zone: 'America/New_York',
      from: '2026-03-06',
      to: '2026-03-10',
      slot: ['01:00', '03:00'],
      day: '2026-03-08',
      minutes: 60,
      offsets: ['-05:00', '-04:00'],
    },
    {
      zone: 'America/New_York',
      from: '2026-10-30',
      to: '2026-11-03',
      slot: ['01:00', '03:00'],
      day: '2026-11-01',
      minutes: 180,
      offsets: ['-04:00', '-05:00'],
    },
    {
      zone: 'Europe/Berlin',
      from: '2026-03-27',
      to: '2026-03-31',
      slot: ['01:00', '04:00'],
      day: '2026-03-29',
      minutes: 120,
      offsets: ['+01:00', '+02:00'],
    },
    {
      zone: 'Europe/Berlin',
      from: '2026-10-23',
      to: '2026-10-27',
      slot: ['01:00', '04:00'],
      day: '2026-10-25',
      minutes: 240,
      offsets: ['+02:00', '+01:00'],
    },
  ];
  for (const c of dst) {
    it(`keeps dates and wall-clock times across the DST change in ${c.zone} on ${c.day}`, () => {
      const cal = calendar({ timezone: c.zone, workdays: [1, 2, 3, 4, 5, 6, 7], holidays: 'none' });
      const p = plan({
        calendar: cal,
        startDate: c.from,
        endDate: c.to,
        teamLabels: ['A', 'B'],
        pattern: { kind: 'daily' },
      });
      assert.deepEqual(
        p.shifts.map((s) => s.date),
        workingDays(cal, c.from, c.to),
      );
      assert.equal(p.shifts.length, 5);
      assert.ok(p.shifts.every((s) => s.start === '08:30' && s.end === '17:15'));
      const first = shiftInstants(p.shifts[0]!, c.zone);
      const last = shiftInstants(p.shifts.at(-1)!, c.zone);
      assert.ok(
        first.start.endsWith(c.offsets[0]) && last.start.endsWith(c.offsets[1]),
        `${first.start} ${last.start}`,
      );
      assert.equal(first.minutes, 525);
      assert.equal(last.minutes, 525);
      const night = shiftInstants(
        { date: c.day, start: c.slot[0], end: c.slot[1], teamLabel: 'A', slot: 0 },
        c.zone,
      );
      assert.equal(night.minutes, c.minutes);
    });
  }

  it('alternates daily teams across the year end, skipping closed days and New Year', () => {
    const cal = calendar({ closedDates: ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02'] });
    const p = plan({
      calendar: cal,
      startDate: '2025-12-22',
      endDate: '2026-01-09',
      teamLabels: ['A', 'B'],
      pattern: { kind: 'daily' },
    });
    assert.deepEqual(
      p.shifts.map((s) => `${s.date.slice(5)} ${s.teamLabel}`),
      [
        '12-22 A',
        '12-23 B',
        '12-24 A',
        '12-25 B',
        '12-26 A',
        '01-05 B',
        '01-06 A',
        '01-07 B',
        '01-08 A',
        '01-09 B',
      ],
    );
  });

  it('treats ISO week 2026-W53 as one week across New Year', () => {
    const cal = calendar({ holidays: 'none', timezone: 'Europe/Berlin' });
    const p = plan({
      calendar: cal,
      startDate: '2026-12-21',
      endDate: '2027-01-15',
      teamLabels: ['A', 'B', 'C'],
      pattern: { kind: 'weekly' },
    });
    const team = (d: string) => p.shifts.find((s) => s.date === d)?.teamLabel;
    assert.deepEqual(
      ['2026-12-21', '2026-12-31', '2027-01-01', '2027-01-04', '2027-01-11'].map(team),
      ['A', 'B', 'B', 'C', 'A'],
    );
  });

  const refusals: {
    name: string;
    input: PlanInput;
    codes: string[];
    paths?: string[];
    slots?: number[][];
  }[] = [
    {
      name: 'slots too close for the handover',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A', 'B'],
        pattern: {
          kind: 'daily',
          slots: [
            { start: '08:00', end: '12:00' },
            { start: '12:15', end: '17:00' },
          ],
          handoverMinutes: 30,
        },
      },
      codes: ['handover-too-short'],
      slots: [[0, 1]],
    },
    {
      name: 'overlapping and unsorted slots',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A'],
        pattern: {
          kind: 'daily',
          slots: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
            { start: '07:00', end: '07:30' },
          ],
        },
      },
      codes: ['overlapping-slots', 'overlapping-slots'],
      paths: ['/pattern/slots/1', '/pattern/slots/2'],
    },
    {
      name: 'malformed slot times',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A'],
        pattern: {
          kind: 'daily',
          slots: [
            { start: '8:00', end: '12:00' },
            { start: '13:00', end: '12:30' },
          ],
        },
      },
      codes: ['invalid-slot', 'invalid-slot'],
      paths: ['/pattern/slots/0/start', '/pattern/slots/1/end'],
    },
    {
      name: 'a cycle naming an unknown team',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A', 'B'],
        pattern: { kind: 'cycle', cycle: ['A', 'C'] },
      },
      codes: ['unknown-team'],
      paths: ['/pattern/cycle/1'],
    },
    {
      name: 'an empty cycle',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A'],
        pattern: { kind: 'cycle', cycle: [] },
      },
      codes: ['empty-cycle'],
    },
    {
      name: 'a reversed range',
      input: {
        calendar: calendar(),
        startDate: '2026-06-05',
        endDate: '2026-06-01',
        teamLabels: ['A'],
        pattern: { kind: 'daily' },
      },
      codes: ['invalid-range'],
    },
    {
      name: 'dates past the holiday data',
      input: {
        calendar: calendar(),
        startDate: '2050-12-01',
        endDate: '2051-01-31',
        teamLabels: ['A'],
        pattern: { kind: 'daily' },
      },
      codes: ['outside-holiday-data'],
      paths: ['/endDate'],
    },
    {
      name: 'duplicate and missing teams',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A', 'A'],
        pattern: { kind: 'weekly', bufferDays: -1 },
      },
      codes: ['duplicate-team', 'invalid-buffer'],
    },
    {
      name: 'a cycle given to a daily pattern',
      input: {
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A'],
        pattern: { kind: 'daily', cycle: ['A'] },
      },
      codes: ['invalid-pattern'],
    },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name}, naming each problem`, () => {
      const r = planShifts(c.input);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.deepEqual(
        r.error.issues.map((i) => i.code),
        c.codes,
      );
      if (c.paths)
        assert.deepEqual(
          r.error.issues.map((i) => i.path),
          c.paths,
        );
      if (c.slots)
        assert.deepEqual(
          r.error.issues.map((i) => i.slots),
          c.slots,
        );
    });
  }

  it('accepts touching slots for one team, and for different teams when no handover gap is asked', () => {
    const slots = [
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '16:00' },
    ];
    assert.ok(
      planShifts({
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A', 'B'],
        pattern: { kind: 'weekly', slots, handoverMinutes: 30 },
      }).ok,
    );
    assert.ok(
      planShifts({
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A', 'B'],
        pattern: { kind: 'daily', slots },
      }).ok,
    );
    assert.ok(
      planShifts({
        calendar: calendar(),
        startDate: '2026-06-01',
        endDate: '2026-06-05',
        teamLabels: ['A', 'B'],
        pattern: { kind: 'cycle', cycle: ['A', 'A', 'B', 'B'], slots, handoverMinutes: 30 },
      }).ok,
    );
  });
});
