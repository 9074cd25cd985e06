import { problem } from '../../domain/problems/index.ts';
import { teamMemberships } from '../../db/repos/memberships.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import { rotationsFrom, teamsOfRotations } from '../../db/repos/rotations.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Rotation } from '../../domain/rotation/index.ts';
import type { RotationTeams } from '../../domain/roster/index.ts';
import type { Department, IsoDate, Member } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { invalid, notDates, type Failure } from '../failure.ts';
import { scopedDepartment } from '../members/index.ts';

/** Everything a roster change decides on: the department, its members and its running rotations. */
export interface RosterState {
  department: Department;
  /** Every member, active or not, in reading order. */
  members: Member[];
  /** The rotations with days from today on, with their teams and memberships. */
  rotations: (RotationTeams & { rotation: Rotation })[];
  today: IsoDate;
}

/** Loads a department's roster state, if the actor's scope reaches the department. */
export async function loadRosterState(
  deps: Deps,
  actor: Actor,
  departmentId: string,
): Promise<Result<RosterState, Failure>> {
  const scoped = await scopedDepartment(deps, actor, departmentId);
  if (!scoped.ok) return scoped;
  const department = scoped.value;
  const today = dateInZone(deps.now(), department.timezone);
  const [members, rotations] = await Promise.all([
    departmentMembers(deps.db, departmentId),
    rotationsFrom(deps.db, departmentId, today),
  ]);
  const teams = await teamsOfRotations(
    deps.db,
    rotations.map((r) => r.id),
  );
  const memberships = await teamMemberships(
    deps.db,
    teams.map((t) => t.id),
  );
  return ok({
    department,
    members,
    today,
    rotations: rotations.map((rotation) => ({
      rotation,
      teams: teams.filter((t) => t.rotationId === rotation.id),
      memberships: memberships.filter((m) => m.rotationId === rotation.id),
    })),
  });
}

/** The day a leaver leaves: today unless given; never a day before today (past days are history). */
export function effectiveDateOf(
  state: RosterState,
  given: string | undefined,
): Result<IsoDate, Failure> {
  if (given === undefined) return ok(state.today);
  const bad = notDates({ '/effectiveDate': given });
  if (bad.length) return err(invalid('The effective date is not valid.', bad));
  if (given < state.today)
    return err(
      invalid('The effective date is not valid.', [
        {
          path: '/effectiveDate',
          message: `is before today (${state.today}); past days are history`,
          ...problem('past-date', { today: state.today }),
        },
      ]),
    );
  return ok(given);
}
