import { addDays } from '../calendar/index.ts';
import type { StandbyWindow } from '../quarantine/index.ts';
import type { IsoDate } from '../types.ts';

/**
 * The last day of a member's standby that holds on `date`, windows that meet or overlap it joined
 * (a quarantine extended by another that starts the day after the first ends keeps them home
 * throughout); undefined when no window keeps them home on `date`.
 */
export function standbyUntil(
  windows: readonly StandbyWindow[],
  memberId: string,
  date: IsoDate,
): IsoDate | undefined {
  const own = windows.filter((w) => w.memberId === memberId && w.from <= w.to);
  let until: IsoDate | undefined;
  for (const w of own) if (w.from <= date && date <= w.to && (!until || w.to > until)) until = w.to;
  if (!until) return undefined;
  for (let grew = true; grew;) {
    grew = false;
    for (const w of own)
      if (w.from <= addDays(until, 1) && w.to > until) {
        until = w.to;
        grew = true;
      }
  }
  return until;
}
