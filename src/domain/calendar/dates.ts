import { DateTime } from 'luxon';
import type { IsoDate } from '../types.ts';

// Calendar arithmetic on date strings, in UTC so that no zone's DST can shift a date.
const at = (d: IsoDate) => DateTime.fromISO(d, { zone: 'UTC' });

/** The date `n` days after `d` (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return at(d).plus({ days: n }).toISODate()!;
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(at(b).diff(at(a), 'days').days);
}

/** The later of two dates. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
/** The earlier of two dates. */
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

/** Today's date in a zone, for a given instant (the caller passes the clock's now). */
export function dateInZone(now: Date, zone: string): IsoDate {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

/** What is wrong with the dates `from` … `to`, if anything: `to` before `from`, or more than `maxDaysAfter` days after it. */
export function dateRangeIssue(
  from: IsoDate,
  to: IsoDate,
  maxDaysAfter = Number.POSITIVE_INFINITY,
): 'empty' | 'too-long' | undefined {
  if (to < from) return 'empty';
  if (daysBetween(from, to) > maxDaysAfter) return 'too-long';
  return undefined;
}
