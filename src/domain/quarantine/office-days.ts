import { groupBy, lowerBound } from '../collections.ts';
import type { ShiftRecord } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';

/** Office dates per team, kept sorted, to count "office days so far" as a plan changes them. */
export class OfficeDays {
  private readonly dates = new Map<string, IsoDate[]>();
  constructor(shifts: readonly ShiftRecord[]) {
    for (const s of shifts) if (s.status === 'scheduled') this.add(s.teamId, s.date);
  }
  add(teamId: string, date: IsoDate): void {
    const list = this.dates.get(teamId) ?? this.dates.set(teamId, []).get(teamId)!;
    const i = lowerBound(list, date);
    if (list[i] !== date) list.splice(i, 0, date);
  }
  remove(teamId: string, date: IsoDate): void {
    const list = this.dates.get(teamId) ?? [];
    const i = lowerBound(list, date);
    if (list[i] === date) list.splice(i, 1);
  }
  before(teamId: string, date: IsoDate): number {
    return lowerBound(this.dates.get(teamId) ?? [], date);
  }
}

/** Shifts by date, each a copy a plan may change without touching its input. */
export function shiftsByDay(shifts: readonly ShiftRecord[]): Map<IsoDate, ShiftRecord[]> {
  return groupBy(
    shifts.map((s) => ({ ...s })),
    (s) => s.date,
  );
}

/** Orders slots as the rules take them: by date, then slot. */
export const byDateAndSlot = (
  a: { date: IsoDate; slot: number },
  b: { date: IsoDate; slot: number },
): number => (a.date === b.date ? a.slot - b.slot : a.date < b.date ? -1 : 1);
