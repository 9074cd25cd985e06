import type { CompiledQuery } from 'kysely';
import { cancelShiftQuery, insertSwapsQueries } from '../../db/repos/quarantines.ts';
import { insertShiftsQueries, setOfficeFromQuery } from '../../db/repos/rotations.ts';
import type { ShiftRow, SwapRow } from '../../db/schema.ts';
import type { OutageSwaps } from '../../domain/quarantine/index.ts';
import { officeFromAfterNewDays, type Membership } from '../../domain/rotation/index.ts';
import type { Deps } from '../deps.ts';
import type { RotationState } from './rotation-state.ts';

/**
 * The writes of one rotation's swap plans: the cancelled shifts, the covering shifts (each given its
 * id here, in plan order), the swap rows, and the bridging rule after the covers' new office days.
 */
export function swapWrites(
  deps: Deps,
  rotation: RotationState,
  plans: readonly OutageSwaps[],
  at: string,
  exposureWindowDays: number,
): { writes: CompiledQuery[]; swaps: SwapRow[] } {
  const idOf = new Map<string, string>();
  const real = (id: string) => idOf.get(id) ?? id;
  const cancels: CompiledQuery[] = [];
  const covers: ReturnType<typeof coverRows> = [];
  const swaps: SwapRow[] = [];
  for (const plan of plans) {
    for (const id of plan.cancel) cancels.push(cancelShiftQuery(deps.db, real(id), 'standby', at));
    const rows = coverRows(deps, rotation.id, plan.add, at);
    plan.add.forEach((a, i) => idOf.set(a.id, rows[i]!.id));
    covers.push(...rows);
    for (const s of plan.swaps) {
      const covering = plan.add.find((a) => a.replacesShiftId === s.cancelledShiftId);
      swaps.push({
        id: deps.newId(),
        quarantine_id: plan.quarantineId,
        rotation_id: rotation.id,
        date: s.date,
        slot: s.slot,
        from_team_id: s.fromTeamId,
        to_team_id: s.toTeamId,
        cancelled_shift_id: real(s.cancelledShiftId),
        covering_shift_id: covering ? real(covering.id) : null,
        created_at: at,
        handed_back_at: null,
      });
    }
  }
  const gained = covers.map((s) => ({ teamId: s.team_id, date: s.date }));
  return {
    writes: [
      ...cancels,
      ...insertShiftsQueries(deps.db, covers),
      ...insertSwapsQueries(deps.db, swaps),
      ...bridgingWrites(deps, rotation.memberships, gained, exposureWindowDays),
    ],
    swaps,
  };
}

/** New covering shifts as rows, scheduled from `at`. */
export function coverRows(
  deps: Deps,
  rotationId: string,
  shifts: readonly { teamId: string; date: string; slot: number; start: string; end: string }[],
  at: string,
): ShiftRow[] {
  return shifts.map((s) => ({
    id: deps.newId(),
    rotation_id: rotationId,
    team_id: s.teamId,
    date: s.date,
    slot: s.slot,
    start_time: s.start,
    end_time: s.end,
    status: 'scheduled',
    sequence: 0,
    reason: 'cover',
    created_at: at,
    updated_at: at,
  }));
}

/** The bridging rule after teams gained office days: the later memberships whose office start moves. */
export function bridgingWrites(
  deps: Deps,
  memberships: readonly (Membership & { id: string })[],
  gained: readonly { teamId: string; date: string }[],
  exposureWindowDays: number,
): CompiledQuery[] {
  if (!gained.length) return [];
  return officeFromAfterNewDays(memberships, gained, exposureWindowDays).map((b) =>
    setOfficeFromQuery(deps.db, b.id, b.officeFrom),
  );
}
