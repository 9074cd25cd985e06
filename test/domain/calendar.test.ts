import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  calendarDates,
  holidayDataRange,
  isIsoDate,
  isJapaneseHoliday,
  isoWeekIndex,
  isoWeekKey,
  isoWeekday,
  japaneseHoliday,
  workingDays,
  holidayNameOf,
  nonWorkingReason,
} from '../../src/domain/calendar/days.ts';
import { dateRangeIssue } from '../../src/domain/calendar/dates.ts';
import { checkDepartmentSettings } from '../../src/domain/calendar/department.ts';
import type { DepartmentCalendar } from '../../src/domain/types.ts';

const tokyo = (extra: Partial<DepartmentCalendar> = {}): DepartmentCalendar => ({
  timezone: 'Asia/Tokyo',
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: [],
  officeHours: { start: '08:30', end: '17:15' },
  ...extra,
});

describe('isJapaneseHoliday', () => {
  const table: [string, boolean, string][] = [
    ['2026-04-29', true, '昭和の日'],
    ['2026-05-03', true, '憲法記念日 (a Sunday)'],
    ['2026-05-04', true, 'みどりの日'],
    ['2026-05-05', true, 'こどもの日'],
    ['2026-05-06', true, '振替休日 for 5/3 falling on a Sunday'],
    ['2026-05-07', false, 'the Thursday after Golden Week'],
    ['2025-11-24', true, '振替休日 for 勤労感謝の日 on a Sunday'],
    ['2026-09-21', true, '敬老の日'],
    ['2026-09-22', true, '国民の休日 between 敬老の日 and 秋分の日'],
    ['2026-09-23', true, '秋分の日'],
    ['2026-01-01', true, '元日'],
    ['2026-01-02', false, 'New Year holidays are closures, not public holidays'],
    ['2025-12-31', false, 'year end is a closure, not a public holiday'],
    ['2026-01-12', true, '成人の日 (second Monday of January)'],
    ['2026-02-23', true, '天皇誕生日'],
  ];
  for (const [date, expected, why] of table) {
    it(`${expected ? 'knows' : 'does not count'} ${date} (${why})`, () =>
      assert.equal(isJapaneseHoliday(date), expected));
  }

  it('names the holiday it finds', () => {
    assert.deepEqual(japaneseHoliday('2026-05-06'), {
      name: 'こどもの日 振替休日',
      nameEn: 'Holiday in lieu',
    });
    assert.equal(japaneseHoliday('2026-05-07'), undefined);
  });

  it('throws a clear error for a year outside the holiday data', () => {
    const { firstYear, lastYear } = holidayDataRange();
    assert.throws(
      () => isJapaneseHoliday(`${lastYear + 1}-01-01`),
      /outside the Japanese holiday data/,
    );
    assert.throws(
      () => isJapaneseHoliday(`${firstYear - 1}-12-31`),
      /outside the Japanese holiday data/,
    );
    assert.doesNotThrow(() => isJapaneseHoliday(`${lastYear}-12-31`));
  });

  it('refuses a string that is not a calendar date', () => {
    assert.throws(() => isJapaneseHoliday('2026-02-30'), /not a calendar date/);
    assert.throws(() => isJapaneseHoliday('2026-5-6'), /not a calendar date/);
  });
});

describe('workingDays', () => {
  it('skips Golden Week 2026 including the 振替休日 on 5/6', () => {
    assert.deepEqual(workingDays(tokyo(), '2026-04-27', '2026-05-08'), [
      '2026-04-27',
      '2026-04-28',
      '2026-04-30',
      '2026-05-01',
      '2026-05-07',
      '2026-05-08',
    ]);
  });

  it('skips the Silver Week 2026 国民の休日', () => {
    assert.deepEqual(workingDays(tokyo(), '2026-09-18', '2026-09-25'), [
      '2026-09-18',
      '2026-09-24',
      '2026-09-25',
    ]);
  });

  it('excludes weekends and closed dates, over the year end', () => {
    const cal = tokyo({ closedDates: ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-02'] });
    assert.deepEqual(workingDays(cal, '2025-12-25', '2026-01-07'), [
      '2025-12-25',
      '2025-12-26',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
    ]);
  });

  it('keeps public holidays when the department ignores them', () => {
    assert.deepEqual(workingDays(tokyo({ holidays: 'none' }), '2026-05-04', '2026-05-06'), [
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
    ]);
  });

  it('works on Saturdays when the department does', () => {
    assert.deepEqual(workingDays(tokyo({ workdays: [6] }), '2026-03-01', '2026-03-31'), [
      '2026-03-07',
      '2026-03-14',
      '2026-03-21',
      '2026-03-28',
    ]);
  });

  it('is empty for a reversed range and throws past the holiday data', () => {
    assert.deepEqual(workingDays(tokyo(), '2026-05-08', '2026-05-01'), []);
    assert.throws(
      () => workingDays(tokyo(), '2050-12-20', '2051-01-10'),
      /outside the Japanese holiday data/,
    );
    assert.doesNotThrow(() => workingDays(tokyo({ holidays: 'none' }), '2050-12-20', '2051-01-10'));
  });

  it('lists the same calendar dates in every zone, across DST changes', () => {
    const zones = [
      'Asia/Tokyo',
      'America/New_York',
      'Europe/Berlin',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Pacific/Apia',
    ];
    const lists = zones.map((timezone) =>
      workingDays(
        tokyo({ timezone, workdays: [1, 2, 3, 4, 5, 6, 7], holidays: 'none' }),
        '2026-01-01',
        '2026-12-31',
      ),
    );
    for (const list of lists) {
      assert.equal(list.length, 365);
      assert.deepEqual(list, lists[0]);
    }
    assert.equal(isoWeekday('2026-03-08', 'America/New_York'), 7);
  });

  it('steps over a zone whose midnight is skipped by DST', () => {
    // America/Santiago springs forward at 00:00 on 2026-09-06: that date has no midnight.
    assert.deepEqual(calendarDates('2026-09-05', '2026-09-07', 'America/Santiago'), [
      '2026-09-05',
      '2026-09-06',
      '2026-09-07',
    ]);
  });

  const dayArb = fc
    .integer({ min: 0, max: 81 * 366 })
    .map((n) => DateTime.fromISO('1970-01-01', { zone: 'UTC' }).plus({ days: n }).toISODate()!);

  it('steps through dates and weekdays exactly as luxon does, in any zone', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(
          'Asia/Tokyo',
          'America/New_York',
          'Australia/Lord_Howe',
          'America/Santiago',
          'UTC',
        ),
        fc.integer({ min: 1, max: 7 }),
        (from, length, timezone, weekday) => {
          const start = DateTime.fromISO(from, { zone: timezone });
          const expected = Array.from({ length: length + 1 }, (_, i) => start.plus({ days: i }));
          const to = expected.at(-1)!.toISODate()!;
          assert.deepEqual(
            calendarDates(from, to, timezone),
            expected.map((d) => d.toISODate()),
          );
          const mine = workingDays(
            tokyo({ timezone, holidays: 'none', workdays: [weekday] }),
            from,
            to,
          );
          assert.deepEqual(
            mine,
            expected.filter((d) => d.weekday === weekday).map((d) => d.toISODate()),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers ISO weeks so that two dates share a number exactly when they share an ISO week', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 20 }), (a, gap) => {
        const b = DateTime.fromISO(a, { zone: 'UTC' }).plus({ days: gap }).toISODate()!;
        assert.equal(isoWeekIndex(a) === isoWeekIndex(b), isoWeekKey(a) === isoWeekKey(b));
        assert.ok(isoWeekIndex(b) - isoWeekIndex(a) <= Math.ceil(gap / 7) + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the strings luxon reads as calendar dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          assert.equal(isIsoDate(text), DateTime.fromISO(text, { zone: 'UTC' }).isValid);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives identical answers whatever the process time zone', () => {
    const script = fileURLToPath(new URL('./support/calendar-dump.ts', import.meta.url));
    const run = (TZ: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, TZ },
        encoding: 'utf8',
      });
    const outputs = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati'].map(run);
    for (const out of outputs) assert.equal(out, outputs[0]);
    assert.ok(outputs[0]!.length > 1000);
  });
});

describe('dateRangeIssue', () => {
  const table: { name: string; from: string; to: string; max?: number; expect: unknown }[] = [
    { name: 'accepts a one-day range', from: '2026-04-01', to: '2026-04-01', expect: undefined },
    {
      name: 'calls a range empty when to is before from',
      from: '2026-04-02',
      to: '2026-04-01',
      expect: 'empty',
    },
    {
      name: 'accepts to exactly the limit after from',
      from: '2026-01-01',
      to: '2027-01-02',
      max: 366,
      expect: undefined,
    },
    {
      name: 'calls a range too long one day past the limit',
      from: '2026-01-01',
      to: '2027-01-03',
      max: 366,
      expect: 'too-long',
    },
    {
      name: 'puts no limit on the length unless given one',
      from: '2000-01-01',
      to: '2100-01-01',
      expect: undefined,
    },
    {
      name: 'counts a leap day: 28 February to 1 March 2028 is two days',
      from: '2028-02-28',
      to: '2028-03-01',
      max: 1,
      expect: 'too-long',
    },
  ];
  for (const t of table)
    it(t.name, () => assert.equal(dateRangeIssue(t.from, t.to, t.max), t.expect));
});

describe('checkDepartmentSettings: closed dates', () => {
  const table: { name: string; date: string; refused: boolean }[] = [
    { name: 'accepts a calendar date', date: '2026-04-29', refused: false },
    { name: 'refuses a day the month does not have', date: '2026-02-30', refused: true },
    {
      name: 'refuses a date-time, which names no one day',
      date: '2026-04-29T09:00',
      refused: true,
    },
    { name: 'refuses the basic format without dashes', date: '20260429', refused: true },
  ];
  for (const t of table)
    it(t.name, () =>
      assert.deepEqual(
        checkDepartmentSettings({ closedDates: [t.date] }),
        t.refused
          ? [
              {
                path: '/closedDates/0',
                message: 'is not a calendar date',
                code: 'invalid-date',
                params: {},
              },
            ]
          : [],
      ),
    );
});

describe('the jp-gov holiday calendar: public holidays and the year-end closure', () => {
  const gov = {
    timezone: 'Asia/Tokyo',
    workdays: [1, 2, 3, 4, 5],
    holidays: 'jp-gov' as const,
    closedDates: [],
    officeHours: { start: '08:30', end: '17:15' },
  };
  it('closes 29 December – 3 January, names it, and keeps the public holidays', () => {
    // 2026-12-28 (Mon) works; 29–31 December and 1–3 January are closed; 4 January (Mon) works.
    assert.deepEqual(workingDays(gov, '2026-12-28', '2027-01-05'), [
      '2026-12-28',
      '2027-01-04',
      '2027-01-05',
    ]);
    assert.equal(nonWorkingReason(gov, '2026-12-29'), 'holiday');
    assert.equal(holidayNameOf(gov, '2026-12-30'), '年末年始');
    assert.equal(holidayNameOf(gov, '2027-01-01'), '元日');
    assert.equal(nonWorkingReason(gov, '2027-01-11'), 'holiday', '成人の日 stays a holiday');
    // With `jp` the year end is a working week apart from New Year's Day.
    const jp = { ...gov, holidays: 'jp' as const };
    assert.deepEqual(workingDays(jp, '2026-12-28', '2027-01-05'), [
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
    ]);
    assert.equal(holidayNameOf({ holidays: 'none' }, '2027-01-01'), undefined);
  });
});
