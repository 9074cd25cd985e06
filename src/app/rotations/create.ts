import { departmentById } from '../../db/repos/departments.ts';
import { insertRotationQuery } from '../../db/repos/rotations.ts';
import { calendarOf, dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { byString } from '../../domain/collections.ts';
import { departmentRoster } from '../../db/repos/members.ts';
import type { Rotation } from '../../domain/rotation/index.ts';
import type { Language } from '../../domain/types.ts';
import { humanDate } from '../../notify/templates.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import {
  asSplitMember,
  decideRotation,
  plannedRotation,
  plannedWrites,
  type RotationRequest,
} from './plan.ts';
import { remoteContextOf } from './remote.ts';
import type { RotationSnapshot } from './snapshot.ts';
import { rotationView, type RotationView } from './view.ts';

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
  const calendar = calendarOf(department);
  // Read once: the active ones are split, all of them named in the answer.
  const [members, remote] = await Promise.all([
    departmentRoster(deps.db, departmentId),
    remoteContextOf(deps, departmentId, { from: req.startDate, to: req.endDate }),
  ]);
  const decided = decideRotation(
    req,
    members.filter((m) => m.active).map(asSplitMember),
    calendar,
    today,
  );
  if (!decided.ok) return decided;

  const at = deps.now().toISOString();
  const rotation: Rotation = {
    id: deps.newId(),
    departmentId,
    name: req.name?.trim() || defaultName(department.language, req.startDate, req.endDate),
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
  // The answer is made from what was just written, as a read of it would give it back.
  const snapshot: RotationSnapshot = {
    rotation,
    department,
    calendar,
    pattern: rotation.pattern,
    constraints: rotation.constraints,
    teams: planned.teams,
    memberships: [...planned.memberships].sort(
      (a, b) => byString(a.fromDate, b.fromDate) || byString(a.id, b.id),
    ),
    shifts: [...planned.shifts].sort((a, b) => byString(a.date, b.date) || a.slot - b.slot),
    today,
  };
  return ok(rotationView(snapshot, members, remote));
}

/** A rotation's name when none is given: its dates as the department's people read them. */
const defaultName = (lang: Language, from: string, to: string): string =>
  `${humanDate(lang, from, true)}${lang === 'ja' ? '〜' : ' – '}${humanDate(lang, to, true)}`;
