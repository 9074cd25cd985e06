import {
  rotationById,
  rotationMemberships,
  rotationShifts,
  rotationTeams,
} from '../../db/repos/rotations.ts';
import {
  toTeamRef,
  type Membership,
  type MembershipRecord,
  type ShiftRecord,
  type TeamRef,
} from '../../domain/rotation/index.ts';
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
  /** Days the chief's overrides closed. */
  closedDates: ReadonlySet<string>;
}

/**
 * The state of each given rotation, read side by side (four queries a rotation; three where the
 * caller read its memberships already).
 */
export async function loadRotationStates(
  deps: Deps,
  rotationIds: readonly string[],
  known: ReadonlyMap<string, MembershipRecord[]> = new Map(),
): Promise<Map<string, RotationState>> {
  const ids = [...new Set(rotationIds)];
  const states = await Promise.all(ids.map((id) => loadRotationState(deps, id, known.get(id))));
  return new Map(states.map((s) => [s.id, s]));
}

async function loadRotationState(
  deps: Deps,
  rotationId: string,
  known: MembershipRecord[] | undefined,
): Promise<RotationState> {
  const [rotation, teams, shifts, memberships] = await Promise.all([
    rotationById(deps.db, rotationId),
    rotationTeams(deps.db, rotationId),
    rotationShifts(deps.db, rotationId),
    known ?? rotationMemberships(deps.db, rotationId),
  ]);
  return {
    id: rotationId,
    teams: teams.map(toTeamRef),
    shifts,
    memberships: memberships.map((m) => ({
      memberId: m.memberId,
      teamId: m.teamId,
      fromDate: m.fromDate,
      toDate: m.toDate,
      officeFrom: m.officeFrom,
      id: m.id,
    })),
    handoverMinutes: rotation!.pattern.handoverMinutes ?? 0,
    closedDates: new Set(rotation!.closedDates),
  };
}
