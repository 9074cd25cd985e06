import { minutesOf } from '../calendar/index.ts';
import type { ShiftRecord, TeamRef } from '../rotation/index.ts';

/** The swap rule: of the candidates, the team with the fewest office days so far; ties by label. */
export function pickCoveringTeam(
  candidates: readonly TeamRef[],
  officeDaysSoFar: (teamId: string) => number,
): TeamRef | null {
  let best: TeamRef | null = null;
  let bestCount = Infinity;
  for (const t of candidates) {
    const n = officeDaysSoFar(t.id);
    if (n < bestCount || (n === bestCount && best !== null && t.label < best.label)) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Would `teamId` in `slot` keep isolation with the day's other scheduled slots: no overlap with
 * another team's slot, and at least `handoverMinutes` between them?
 */
export function keepsHandover(
  dayShifts: readonly ShiftRecord[],
  slot: { start: string; end: string; slot: number },
  teamId: string,
  handoverMinutes: number,
): boolean {
  const s = minutesOf(slot.start);
  const e = minutesOf(slot.end);
  return dayShifts.every((o) => {
    if (o.status !== 'scheduled' || o.slot === slot.slot || o.teamId === teamId) return true;
    const os = minutesOf(o.start);
    const oe = minutesOf(o.end);
    return os >= e + handoverMinutes || s >= oe + handoverMinutes;
  });
}
