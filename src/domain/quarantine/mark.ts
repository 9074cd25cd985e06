import type { ShiftRecord, TeamRef } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';
import { teamOutages } from './outage.ts';
import type { Quarantine } from './record.ts';
import { planRotationSwaps, type OutageSwaps } from './swap.ts';

/** A rotation as the swap rule reads it. */
export interface SwapRotation {
  teams: TeamRef[];
  /** Every shift, scheduled and cancelled. */
  shifts: ShiftRecord[];
  handoverMinutes: number;
}

/** What marking quarantines is decided on. */
export interface MarkInput {
  today: IsoDate;
  /** The department's quarantines before this request. */
  existing: readonly Quarantine[];
  /** The quarantines this request adds, in the order they are planned. */
  fresh: readonly Quarantine[];
  /** Every rotation a fresh team quarantine is in. */
  rotations: ReadonlyMap<string, SwapRotation>;
  returnSeparationDays: number;
}

/**
 * The swap rule for every fresh team quarantine, rotation by rotation: each outage is planned on
 * top of the ones before it, with the department's other quarantines keeping their teams out.
 * A window wholly in the past changes nothing.
 */
export function planQuarantineMark(
  input: MarkInput,
): Map<string, { plans: OutageSwaps[]; shifts: ShiftRecord[] }> {
  const out = new Map<string, { plans: OutageSwaps[]; shifts: ShiftRecord[] }>();
  const rotationIds = [
    ...new Set(input.fresh.flatMap((q) => (q.rotationId ? [q.rotationId] : []))),
  ];
  for (const rotationId of rotationIds) {
    const rotation = input.rotations.get(rotationId)!;
    const fresh = input.fresh.filter((q) => q.rotationId === rotationId);
    const outages = teamOutages([...input.existing, ...fresh], rotationId);
    const planned = fresh.flatMap((q) => outages.filter((o) => o.quarantineId === q.id));
    out.set(
      rotationId,
      planRotationSwaps(
        {
          teams: rotation.teams,
          shifts: rotation.shifts,
          outages,
          returnSeparationDays: input.returnSeparationDays,
          handoverMinutes: rotation.handoverMinutes,
          today: input.today,
        },
        planned,
      ),
    );
  }
  return out;
}
