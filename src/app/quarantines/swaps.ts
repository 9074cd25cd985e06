import type { CompiledQuery } from 'kysely';
import { cancelShiftQuery } from '../../db/repos/quarantines.ts';
import { insertSwapsQueries } from '../../db/repos/swaps.ts';
import { insertShiftRecordsQueries } from '../../db/repos/shifts.ts';
import { setOfficeFromQuery } from '../../db/repos/memberships.ts';
import type { OutageSwaps, SwapRecord } from '../../domain/quarantine/index.ts';
import {
  officeFromAfterNewDays,
  type Membership,
  type ShiftRecord,
} from '../../domain/rotation/index.ts';
import type { Deps } from '../deps.ts';
import type { RotationState } from './rotation-state.ts';

/**
 * The writes of one rotation's swap plans: the cancelled shifts, the covering shifts (each given its
 * id here, in plan order), the swaps, and the bridging rule after the covers' new office days.
 */
export function swapWrites(
  deps: Deps,
  rotation: RotationState,
  plans: readonly OutageSwaps[],
  at: string,
  exposureWindowDays: number,
): { writes: CompiledQuery[]; swaps: SwapRecord[] } {
  const idOf = new Map<string, string>();
  const real = (id: string) => idOf.get(id) ?? id;
  const cancels: CompiledQuery[] = [];
  const covers: ShiftRecord[] = [];
  const swaps: SwapRecord[] = [];
  for (const plan of plans) {
    for (const id of plan.cancel) cancels.push(cancelShiftQuery(deps.db, real(id), 'standby', at));
    const added = coverShifts(deps, plan.add);
    plan.add.forEach((a, i) => idOf.set(a.id, added[i]!.id));
    covers.push(...added);
    for (const s of plan.swaps) {
      const covering = plan.add.find((a) => a.replacesShiftId === s.cancelledShiftId);
      swaps.push({
        id: deps.newId(),
        quarantineId: plan.quarantineId,
        date: s.date,
        slot: s.slot,
        fromTeamId: s.fromTeamId,
        toTeamId: s.toTeamId,
        cancelledShiftId: real(s.cancelledShiftId),
        coveringShiftId: covering ? real(covering.id) : null,
        handedBackAt: null,
      });
    }
  }
  const gained = covers.map((s) => ({ teamId: s.teamId, date: s.date }));
  return {
    writes: [
      ...cancels,
      ...coverQueries(deps, rotation.id, covers, at),
      ...insertSwapsQueries(deps.db, rotation.id, swaps, at),
      ...bridgingWrites(deps, rotation.memberships, gained, exposureWindowDays),
    ],
    swaps,
  };
}

/** New covering shifts, scheduled, each with its id. */
export function coverShifts(
  deps: Deps,
  shifts: readonly { teamId: string; date: string; slot: number; start: string; end: string }[],
): ShiftRecord[] {
  return shifts.map((s) => ({
    id: deps.newId(),
    teamId: s.teamId,
    date: s.date,
    slot: s.slot,
    start: s.start,
    end: s.end,
    status: 'scheduled',
    sequence: 0,
  }));
}

/** Stores covering shifts of a rotation, made at `at`. */
export const coverQueries = (
  deps: Deps,
  rotationId: string,
  covers: readonly ShiftRecord[],
  at: string,
): CompiledQuery[] => insertShiftRecordsQueries(deps.db, rotationId, covers, at, 'cover');

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
