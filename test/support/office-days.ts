import type { Shift } from '../../src/domain/rotation/types.ts';

/** Per team, in the order of `teamLabels`: distinct office dates and office slots held in `shifts`. */
export function officeDayCounts(
  shifts: readonly Shift[],
  teamLabels: readonly string[],
): { teamLabel: string; officeDays: number; slots: number }[] {
  const dates = new Map(teamLabels.map((l) => [l, new Set<string>()]));
  const slots = new Map(teamLabels.map((l) => [l, 0]));
  for (const s of shifts) {
    dates.get(s.teamLabel)?.add(s.date);
    if (slots.has(s.teamLabel)) slots.set(s.teamLabel, slots.get(s.teamLabel)! + 1);
  }
  return teamLabels.map((teamLabel) => ({
    teamLabel,
    officeDays: dates.get(teamLabel)!.size,
    slots: slots.get(teamLabel)!,
  }));
}
