import { departmentById } from '../../db/repos/departments.ts';
import { insertRotationQuery } from '../../db/repos/rotations.ts';
import { calendarOf, dateInZone } from '../../domain/calendar/index.ts';
import { err, type Result } from '../../domain/result.ts';
import type { Rotation } from '../../domain/rotation/index.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import {
  decideRotation,
  plannedRotation,
  plannedWrites,
  splitMembers,
  type RotationRequest,
} from './plan.ts';
import { readRotation } from './read.ts';
import type { RotationView } from './view.ts';

/** Splits the department's active members into teams and plans office days: a draft rotation, or every unmet constraint. */
export async function createRotation(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  req: RotationRequest,
): Promise<Result<RotationView, Failure>> {
  const department = await departmentById(deps.db, departmentId);
  if (!department) return err(notFound(`No department ${departmentId}.`));
  const denied = departmentScopeDenied(actor, departmentId);
  if (denied) return err(denied);
  const today = dateInZone(deps.now(), department.timezone);
  const decided = decideRotation(
    req,
    await splitMembers(deps, departmentId),
    calendarOf(department),
    today,
  );
  if (!decided.ok) return decided;

  const at = deps.now().toISOString();
  const rotation: Rotation = {
    id: deps.newId(),
    departmentId,
    name: req.name?.trim() || `${req.startDate} – ${req.endDate}`,
    startDate: req.startDate,
    endDate: req.endDate,
    teamCount: req.teamCount,
    pattern: req.pattern,
    constraints: req.constraints ?? {},
    seed: req.seed ?? 0,
    bufferDates: decided.value.plan.bufferDates,
    closedDates: [],
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    publishedAt: null,
  };
  const planned = plannedRotation(deps, rotation, decided.value);
  await deps.atomic([
    insertRotationQuery(deps.db, rotation),
    ...plannedWrites(deps, rotation.id, planned, at),
    auditEntry(
      deps,
      actor,
      at,
      'rotation.create',
      { type: 'rotation', id: rotation.id },
      {
        departmentId,
        teams: planned.teams.length,
        members: planned.memberships.length,
        shifts: planned.shifts.length,
      },
    ),
  ]);
  return readRotation(deps, actor, rotation.id);
}
