import { DateTime } from 'luxon';
import type { Shift } from '../../src/domain/rotation/types.ts';
import type { IsoDate } from '../../src/domain/types.ts';

/**
 * The instant of a wall-clock time on a date in a zone, as RFC 5545 reads local times: a time that
 * occurs twice (clocks going back) is its first occurrence; a time skipped by clocks going forward
 * moves forward by the gap.
 */
export function wallClockInstant(date: IsoDate, time: string, timezone: string): DateTime {
  const naive = DateTime.fromISO(`${date}T${time}`, { zone: 'UTC' });
  const guess = DateTime.fromISO(`${date}T${time}`, { zone: timezone });
  if (!naive.isValid || !guess.isValid)
    throw new RangeError(`${date} ${time} has no instant in ${timezone}`);
  const wall = naive.toFormat("yyyy-MM-dd'T'HH:mm");
  // The offsets in force a few hours either side are the only candidates for an ambiguous wall time.
  const candidates = [guess.minus({ hours: 3 }).offset, guess.plus({ hours: 3 }).offset]
    .map((offset) => naive.minus({ minutes: offset }).setZone(timezone))
    .filter((dt) => dt.toFormat("yyyy-MM-dd'T'HH:mm") === wall)
    .sort((a, b) => a.toMillis() - b.toMillis());
  return candidates[0] ?? guess;
}

/** The instants a shift starts and ends (ISO 8601 with the zone's offset) and its length in real minutes, DST included. */
export function shiftInstants(
  shift: Shift,
  timezone: string,
): { start: string; end: string; minutes: number } {
  const start = wallClockInstant(shift.date, shift.start, timezone);
  const end = wallClockInstant(shift.date, shift.end, timezone);
  return {
    start: start.toISO({ suppressMilliseconds: true })!,
    end: end.toISO({ suppressMilliseconds: true })!,
    minutes: end.diff(start, 'minutes').minutes,
  };
}
