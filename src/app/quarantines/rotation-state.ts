import {
  findRotation,
  membershipOf,
  membershipsOf,
  shiftOf,
  shiftsOf,
  teamRef,
  teamsOf,
} from '../../db/repos/rotations.ts';
import type { Membership, ShiftRecord, TeamRef } from '../../domain/rotation/index.ts';
import type { Deps } from '../deps.ts';

/** A rotation as the swap rule reads it: its teams, every shift, its memberships, its handover gap. */
export interface RotationState {
  id: string;
  teams: TeamRef[];
  /** Every shift, scheduled and cancelled. */
  shifts: ShiftRecord[];
  /** With their ids: the bridging rule moves a membership's office start. */
  memberships: (Membership & { id: string })[];
  handoverMinutes: number;
}

/** The state of each given rotation, read side by side (four queries a rotation). */
export async function loadRotationStates(
  deps: Deps,
  rotationIds: readonly string[],
): Promise<Map<string, RotationState>> {
  const ids = [...new Set(rotationIds)];
  const states = await Promise.all(ids.map((id) => loadRotationState(deps, id)));
  return new Map(states.map((s) => [s.id, s]));
}

async function loadRotationState(deps: Deps, rotationId: string): Promise<RotationState> {
  const [rotation, teams, shifts, memberships] = await Promise.all([
    findRotation(deps.db, rotationId),
    teamsOf(deps.db, rotationId),
    shiftsOf(deps.db, rotationId),
    membershipsOf(deps.db, rotationId),
  ]);
  const pattern = JSON.parse(rotation!.pattern) as { handoverMinutes?: number };
  return {
    id: rotationId,
    teams: teams.map(teamRef),
    shifts: shifts.map(shiftOf),
    memberships: memberships.map((m) => ({ ...membershipOf(m), id: m.id })),
    handoverMinutes: pattern.handoverMinutes ?? 0,
  };
}
