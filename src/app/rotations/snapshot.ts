import { departmentById } from '../../db/repos/departments.ts';
import {
  rotationById,
  rotationMemberships,
  rotationShifts,
  rotationTeams,
} from '../../db/repos/rotations.ts';
import { calendarOf, dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type {
  MembershipRecord,
  Pattern,
  Rotation,
  RotationConstraints,
  ShiftRecord,
  Team,
} from '../../domain/rotation/index.ts';
import type { Department, DepartmentCalendar, IsoDate } from '../../domain/types.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';

export type { RotationConstraints };

/** Everything about one rotation that a use case decides on. */
export interface RotationSnapshot {
  rotation: Rotation;
  department: Department;
  calendar: DepartmentCalendar;
  pattern: Pattern;
  constraints: RotationConstraints;
  teams: Team[];
  memberships: MembershipRecord[];
  shifts: ShiftRecord[];
  /** Today in the department's zone: days before it are history and never rewritten. */
  today: IsoDate;
}

/** Loads a rotation with its department, teams, memberships and shifts, if the actor's scope reaches it. */
export async function loadRotation(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<RotationSnapshot, Failure>> {
  const rotation = await rotationById(deps.db, id);
  if (!rotation) return err(notFound(`No rotation ${id}.`));
  const denied = departmentScopeDenied(actor, rotation.departmentId);
  if (denied) return err(denied);
  const department = (await departmentById(deps.db, rotation.departmentId))!;
  const [teams, memberships, shifts] = await Promise.all([
    rotationTeams(deps.db, id),
    rotationMemberships(deps.db, id),
    rotationShifts(deps.db, id),
  ]);
  return ok({
    rotation,
    department,
    calendar: calendarOf(department),
    pattern: rotation.pattern,
    constraints: rotation.constraints,
    teams,
    memberships,
    shifts,
    today: dateInZone(deps.now(), department.timezone),
  });
}

/** The rotation's version as a strong ETag. */
export const etagOf = (version: number): string => `"${version}"`;
