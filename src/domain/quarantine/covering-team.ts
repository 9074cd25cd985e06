import { minutesOf } from '../calendar/index.ts';
import type { ShiftRecord, TeamRef } from '../rotation/index.ts';

/** The swap rule: of the candidates, the team with the fewest office days so far; ties by label. */
export function pickCoveringTeam(
  candidates: readonly TeamRef[],
  officeDaysSoFar: (teamId: string) => number,
): TeamRef | null {
  const k = pickCovering(
    candidates,
    () => true,
    (k) => officeDaysSoFar(candidates[k]!.id),
  );
  return k < 0 ? null : candidates[k]!;
}

/**
 * The swap rule by place in `teams`: of those that `fits`, the one with the fewest office days so
 * far (`officeDaysSoFar` by place); ties by label. -1 when none fits.
 */
export function pickCovering(
  teams: readonly TeamRef[],
  fits: (k: number) => boolean,
  officeDaysSoFar: (k: number) => number,
): number {
  let best = -1;
  let bestCount = Infinity;
  for (let k = 0; k < teams.length; k++) {
    if (!fits(k)) continue;
    const n = officeDaysSoFar(k);
    if (n < bestCount || (n === bestCount && best >= 0 && teams[k]!.label < teams[best]!.label)) {
      best = k;
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
