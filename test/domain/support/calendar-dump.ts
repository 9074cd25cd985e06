// Prints calendar answers as JSON; calendar.test.ts runs it under several process time zones and compares.
import { isJapaneseHoliday, isoWeekday, workingDays } from '../../../src/domain/calendar/days.ts';
import { planShifts } from '../../../src/domain/rotation/plan.ts';
import type { DepartmentCalendar } from '../../../src/domain/types.ts';

const dates = [
  '2025-11-24',
  '2026-01-01',
  '2026-05-06',
  '2026-09-22',
  '2026-12-31',
  '2027-01-01',
  '2026-03-08',
  '2026-10-25',
];
const answers: unknown[] = dates.map((d) => [
  d,
  isJapaneseHoliday(d),
  isoWeekday(d, 'Pacific/Kiritimati'),
  isoWeekday(d, 'Pacific/Pago_Pago'),
]);
for (const timezone of [
  'Asia/Tokyo',
  'America/New_York',
  'Europe/Berlin',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
]) {
  const cal: DepartmentCalendar = {
    timezone,
    workdays: [1, 2, 3, 4, 5],
    holidays: 'jp',
    closedDates: ['2026-12-29', '2026-12-30', '2026-12-31'],
    officeHours: { start: '08:30', end: '17:15' },
  };
  answers.push(
    workingDays(cal, '2026-03-01', '2026-05-31'),
    workingDays(cal, '2026-10-20', '2027-01-10'),
  );
  const plan = planShifts({
    calendar: cal,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    teamLabels: ['A', 'B', 'C'],
    pattern: { kind: 'weekly', bufferDays: 1 },
  });
  answers.push(plan.ok ? plan.value : plan.error);
}
process.stdout.write(JSON.stringify(answers));
