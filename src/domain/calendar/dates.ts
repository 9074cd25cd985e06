import { DateTime } from 'luxon';
import type { IsoDate } from '../types.ts';

// Calendar arithmetic on date strings, in UTC so that no zone's DST can shift a date: Date.UTC on
// a strict YYYY-MM-DD of years 1000–9999 (luxon otherwise, as before; a luxon DateTime per call
// was a measurable part of schedules, survivability and capacity).
const at = (d: IsoDate) => DateTime.fromISO(d, { zone: 'UTC' });
const STRICT = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Milliseconds of 00:00Z on a strict date of a four-digit year from 1000, else undefined. */
function utcMs(d: IsoDate): number | undefined {
  if (typeof d !== 'string' || d.length !== 10 || !STRICT.test(d) || d < '1000') return undefined;
  const y = +d.slice(0, 4);
  const m = +d.slice(5, 7);
  const day = +d.slice(8, 10);
  const ms = Date.UTC(y, m - 1, day);
  // A day or month out of range is luxon's to judge (it calls the date invalid).
  const back = new Date(ms);
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === day ? ms : undefined;
}

/** The date `n` days after `d` (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  const ms = utcMs(d);
  if (ms !== undefined && Number.isInteger(n)) {
    const out = new Date(ms + n * DAY_MS).toISOString();
    if (out.length === 24) return out.slice(0, 10); // a year with four digits
  }
  return at(d).plus({ days: n }).toISODate()!;
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const x = utcMs(a);
  const y = utcMs(b);
  if (x !== undefined && y !== undefined) return Math.round((y - x) / DAY_MS);
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
