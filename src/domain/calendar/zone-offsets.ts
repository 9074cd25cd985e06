import { IANAZone } from 'luxon';
import type { IsoDate } from '../types.ts';

const DAY_MS = 86_400_000;

// Per zone, its UTC offset (minutes) at 00:00Z of each day asked for: one Intl lookup per zone and
// day for the life of the process, where a luxon DateTime per time costs several for every event.
const tables = new Map<
  string,
  { zone: IANAZone; byDay: Map<number, number>; steady: Map<IsoDate, number | undefined> }
>();

function offsetAtDay(t: { zone: IANAZone; byDay: Map<number, number> }, day: number): number {
  let o = t.byDay.get(day);
  if (o === undefined) t.byDay.set(day, (o = t.zone.offset(day * DAY_MS)));
  return o;
}

/**
 * The UTC offset in minutes that `zone` keeps through the whole local day `date`, or undefined
 * when an offset change (DST, a zone's redefinition) falls near it and the caller must resolve
 * each time on its own. A local day lies within [D−1 10:00Z, D+1 12:00Z] for any offset between
 * −12 h and +14 h; four equal samples at 00:00Z from D−1 to D+2 mean no change in between (zones
 * never change twice within a day).
 */
export function steadyOffset(zone: string, date: IsoDate): number | undefined {
  let t = tables.get(zone);
  if (!t)
    tables.set(zone, (t = { zone: IANAZone.create(zone), byDay: new Map(), steady: new Map() }));
  if (t.steady.has(date)) return t.steady.get(date);
  const day = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
  let o: number | undefined;
  if (t.zone.isValid && !Number.isNaN(day)) {
    o = offsetAtDay(t, day);
    for (const d of [day - 1, day + 1, day + 2]) if (offsetAtDay(t, d) !== o) o = undefined;
  }
  t.steady.set(date, o);
  return o;
}
