import { calendarOf, findDepartment } from '../../db/repos/departments.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Membership, ShiftRecord, TeamRef, Pattern } from '../../domain/rotation/index.ts';
import type { SplitOptions } from '../../domain/split/index.ts';
import type { DepartmentCalendar, IsoDate } from '../../domain/types.ts';
import { findRotation, membershipsOf, shiftsOf, teamsOf } from '../../db/repos/rotations.ts';
import type {
  DepartmentRow,
  MembershipRow,
  RotationRow,
  ShiftRow,
  TeamRow,
} from '../../db/schema.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';

/** The constraints a chief gave, as stored (member ids as given). */
export type RotationConstraints = Omit<SplitOptions, 'teamCount' | 'seed'>;

/** Everything about one rotation that a use case decides on. */
export interface RotationSnapshot {
  rotation: RotationRow;
  department: DepartmentRow;
  calendar: DepartmentCalendar;
  pattern: Pattern;
  constraints: RotationConstraints;
  teams: TeamRow[];
  memberships: MembershipRow[];
  shifts: ShiftRow[];
  /** Today in the department's zone: days before it are history and never rewritten. */
  today: IsoDate;
}

/** Loads a rotation with its department, teams, memberships and shifts, if the actor's scope reaches it. */
export async function loadRotation(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<RotationSnapshot, Failure>> {
  const rotation = await findRotation(deps.db, id);
  if (!rotation) return err(notFound(`No rotation ${id}.`));
  const denied = departmentScopeDenied(actor, rotation.department_id);
  if (denied) return err(denied);
  const department = (await findDepartment(deps.db, rotation.department_id))!;
  const [teams, memberships, shifts] = await Promise.all([
    teamsOf(deps.db, id),
    membershipsOf(deps.db, id),
    shiftsOf(deps.db, id),
  ]);
  return ok({
    rotation,
    department,
    calendar: calendarOf(department),
    pattern: JSON.parse(rotation.pattern) as Pattern,
    constraints: JSON.parse(rotation.constraints) as RotationConstraints,
    teams,
    memberships,
    shifts,
    today: dateInZone(deps.now(), department.timezone),
  });
}

/** The rotation's version as a strong ETag. */
export const etagOf = (version: number): string => `"${version}"`;
