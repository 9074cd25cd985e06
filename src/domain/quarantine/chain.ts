import type { ShiftRecord } from '../rotation/index.ts';
import type { SwapRecord } from './record.ts';

/** Where a swapped slot went: the covers it passed through, and who holds it now. */
export interface CoverChain {
  /** The swap's own id, then each later swap of its cover, in order. */
  swapIds: string[];
  /** The scheduled shift in the slot now (null when nobody holds it). */
  occupantShiftId: string | null;
  /** Is the occupant the last cover of the chain (nobody else took the slot meanwhile)? */
  stillOurs: boolean;
}

/**
 * Follows each swap's cover to whoever holds its slot now: a covering team quarantined later had
 * its cover swapped again, so the slot moved on along `openSwaps` (the swaps not yet handed back).
 */
export function followCovers(
  swaps: readonly SwapRecord[],
  openSwaps: readonly SwapRecord[],
  shifts: readonly ShiftRecord[],
): Map<string, CoverChain> {
  const coverOf = new Map(openSwaps.map((s) => [s.cancelledShiftId, s]));
  return new Map(
    swaps.map((s) => {
      const swapIds = [s.id];
      let holder = s.coveringShiftId;
      while (holder && coverOf.has(holder)) {
        const next = coverOf.get(holder)!;
        swapIds.push(next.id);
        holder = next.coveringShiftId;
      }
      const occupant =
        shifts.find((x) => x.date === s.date && x.slot === s.slot && x.status === 'scheduled')
          ?.id ?? null;
      return [s.id, { swapIds, occupantShiftId: occupant, stillOurs: holder === occupant }];
    }),
  );
}
