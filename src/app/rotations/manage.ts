import { standbyWindows } from '../../db/repos/quarantines.ts';
import { calendarOf, bumpDataVersionQuery, findDepartment } from '../../db/repos/departments.ts';
import {
  shiftOf,
  teamRef,
  bumpVersionQuery,
  deleteShiftsBeforeQuery,
  clearRotationQueries,
  insertMembershipsQueries,
  insertRotationQuery,
  insertShiftsQueries,
  insertTeamsQueries,
  isVersionConflict,
  listRotations,
  publishedRotationsIn,
} from '../../db/repos/rotations.ts';
import { capacityFor } from '../../domain/capacity/index.ts';
import { dateInZone, maxDate } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { scheduleDays } from '../../domain/rotation/index.ts';
import { standbyLookup } from '../../domain/quarantine/index.ts';
import { listMembers } from '../../db/repos/members.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, notFound, type Failure } from '../failure.ts';
import { loadOrgSettings } from '../settings/index.ts';
import { quarantinesIntoRotation } from '../quarantines/index.ts';
import { decideRotation, rotationRows, splitMembers, type RotationRequest } from './plan.ts';
import { loadRotation, type RotationSnapshot } from './snapshot.ts';
import {
  rotationDemandGrid,
  rotationView,
  survivabilityOf,
  type RemoteContext,
  type RotationView,
} from './view.ts';

/** A stale If-Match: the rotation changed since the client read it. */
export const staleVersion = (): Failure => ({
  kind: 'stale',
  detail:
    'The rotation changed since you read it (If-Match does not match its version); reload it and try again.',
});

const spanOf = (snap: { rotation: { start_date: string; end_date: string } }) => ({
  from: snap.rotation.start_date,
  to: snap.rotation.end_date,
});

/** Who is in standby in the rotation's department over its span, and the capacity that applies to it. */
async function remoteContextOf(
  deps: Deps,
  departmentId: string,
  span: { from: string; to: string },
): Promise<RemoteContext> {
  const [windows, settings] = await Promise.all([
    standbyWindows(deps.db, departmentId, span),
    loadOrgSettings(deps),
  ]);
  return {
    standby: standbyLookup(windows),
    capacity: capacityFor(settings.capacity, departmentId),
    policy: settings.policy,
  };
}

async function viewOf(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<RotationView, Failure>> {
  const snap = await loadRotation(deps, actor, id);
  if (!snap.ok) return snap;
  const departmentId = snap.value.department.id;
  const [members, remote] = await Promise.all([
    listMembers(deps.db, departmentId),
    remoteContextOf(deps, departmentId, spanOf(snap.value)),
  ]);
  return ok(rotationView(snap.value, members, remote));
}

/** Splits the department's active members into teams and plans office days: a draft rotation, or every unmet constraint. */
export async function createRotation(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  req: RotationRequest,
): Promise<Result<RotationView, Failure>> {
  const department = await findDepartment(deps.db, departmentId);
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
  const rotation = {
    id: deps.newId(),
    department_id: departmentId,
    name: req.name?.trim() || `${req.startDate} – ${req.endDate}`,
    start_date: req.startDate,
    end_date: req.endDate,
    team_count: req.teamCount,
    pattern: JSON.stringify(req.pattern),
    constraints: JSON.stringify(req.constraints ?? {}),
    seed: req.seed ?? 0,
    buffer_dates: JSON.stringify(decided.value.plan.bufferDates),
    status: 'draft',
    version: 1,
    created_at: at,
    updated_at: at,
    published_at: null,
  };
  const rows = rotationRows(deps, rotation, decided.value, at);
  await deps.atomic([
    insertRotationQuery(deps.db, rotation),
    ...insertTeamsQueries(deps.db, rows.teams),
    ...insertMembershipsQueries(deps.db, rows.memberships),
    ...insertShiftsQueries(deps.db, rows.shifts),
    auditEntry(
      deps,
      actor,
      at,
      'rotation.create',
      { type: 'rotation', id: rotation.id },
      {
        departmentId,
        teams: rows.teams.length,
        members: rows.memberships.length,
        shifts: rows.shifts.length,
      },
    ),
  ]);
  return viewOf(deps, actor, rotation.id);
}

/** One rotation with its teams and report. */
export function readRotation(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<RotationView, Failure>> {
  return viewOf(deps, actor, id);
}

/** The rotations of a department (without reports). */
export async function rotationsOf(deps: Deps, actor: Actor, departmentId: string) {
  if (!(await findDepartment(deps.db, departmentId)))
    return err(notFound(`No department ${departmentId}.`));
  const denied = departmentScopeDenied(actor, departmentId);
  if (denied) return err(denied);
  return ok(
    (await listRotations(deps.db, departmentId)).map((r) => ({
      id: r.id,
      name: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      teamCount: r.team_count,
      status: r.status,
      version: r.version,
    })),
  );
}

/** Checks an If-Match against the snapshot's version. */
export function versionMatches(snap: RotationSnapshot, ifMatch: number): Result<true, Failure> {
  return snap.rotation.version === ifMatch ? ok(true) : err(staleVersion());
}

/** Splits and plans a draft again from the department's current active members (a new seed gives other teams). */
export async function regenerateRotation(
  deps: Deps,
  actor: Actor,
  id: string,
  ifMatch: number,
  input: { seed?: number },
): Promise<Result<RotationView, Failure>> {
  const loaded = await loadRotation(deps, actor, id);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const v = versionMatches(snap, ifMatch);
  if (!v.ok) return v;
  if (snap.rotation.status !== 'draft')
    return err(conflict('Only a draft can be regenerated; this rotation is published.'));
  const r = snap.rotation;
  const seed = input.seed ?? r.seed;
  const req: RotationRequest = {
    startDate: r.start_date,
    endDate: r.end_date,
    teamCount: r.team_count,
    seed,
    pattern: snap.pattern,
    constraints: snap.constraints,
  };
  // A draft's start may have passed since it was made; regenerating plans from today on.
  if (req.startDate < snap.today) req.startDate = snap.today;
  const decided = decideRotation(
    req,
    await splitMembers(deps, r.department_id),
    snap.calendar,
    snap.today,
  );
  if (!decided.ok) return decided;
  const at = deps.now().toISOString();
  const rows = rotationRows(deps, { id, start_date: req.startDate }, decided.value, at);
  try {
    await deps.atomic([
      bumpVersionQuery(deps.db, id, ifMatch, {
        updated_at: at,
        seed,
        buffer_dates: JSON.stringify(decided.value.plan.bufferDates),
        start_date: req.startDate,
      }),
      bumpDataVersionQuery(deps.db, r.department_id),
      ...clearRotationQueries(deps.db, id),
      ...insertTeamsQueries(deps.db, rows.teams),
      ...insertMembershipsQueries(deps.db, rows.memberships),
      ...insertShiftsQueries(deps.db, rows.shifts),
      auditEntry(
        deps,
        actor,
        at,
        'rotation.regenerate',
        { type: 'rotation', id },
        { seed, members: rows.memberships.length },
      ),
    ]);
  } catch (e) {
    if (isVersionConflict(e)) return err(staleVersion());
    throw e;
  }
  return viewOf(deps, actor, id);
}

/** Publishes a draft: from now on it feeds calendars. One published rotation per department per date range. */
export async function publishRotation(
  deps: Deps,
  actor: Actor,
  id: string,
  ifMatch: number,
): Promise<Result<RotationView, Failure>> {
  const loaded = await loadRotation(deps, actor, id);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const v = versionMatches(snap, ifMatch);
  if (!v.ok) return v;
  if (snap.rotation.status === 'published')
    return err(conflict('This rotation is already published.'));
  const r = snap.rotation;
  // Days that passed while it was a draft were never worked: the published plan starts today.
  if (r.end_date < snap.today)
    return err(
      invalid('Nothing left to publish.', [
        { path: '', message: `the rotation ended on ${r.end_date}, before today (${snap.today})` },
      ]),
    );
  const start = maxDate(r.start_date, snap.today);
  const clash = await publishedRotationsIn(deps.db, r.department_id, start, r.end_date, r.id);
  if (clash.length) {
    return err(
      conflict(
        'Another published rotation of this department covers some of these dates.',
        clash.map((c) => ({
          path: '',
          message: `overlaps published rotation ${c.id} (${c.name})`,
        })),
      ),
    );
  }
  const at = deps.now().toISOString();
  // Team quarantines of an earlier rotation that run into this one: its teams made only of their people are out too.
  const following = await quarantinesIntoRotation(
    deps,
    actor,
    snap.department,
    { id, start_date: start, end_date: r.end_date },
    snap.today,
    at,
  );
  try {
    await deps.atomic([
      bumpVersionQuery(deps.db, id, ifMatch, {
        updated_at: at,
        status: 'published',
        published_at: at,
        start_date: start,
      }),
      ...following,
      ...(start > r.start_date ? [deleteShiftsBeforeQuery(deps.db, id, start)] : []),
      bumpDataVersionQuery(deps.db, r.department_id),
      auditEntry(
        deps,
        actor,
        at,
        'rotation.publish',
        { type: 'rotation', id },
        { startDate: start, endDate: snap.rotation.end_date },
      ),
    ]);
  } catch (e) {
    if (isVersionConflict(e)) return err(staleVersion());
    throw e;
  }
  return viewOf(deps, actor, id);
}

/** The day-by-day schedule from `from` to `to` (clamped to the rotation). */
export async function rotationSchedule(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from?: string; to?: string },
) {
  const loaded = await loadRotation(deps, actor, id);
  return loaded.ok ? scheduleOf(deps, loaded.value, range) : loaded;
}

/** The schedule of a loaded rotation from `from` to `to` (clamped to the rotation). */
export async function scheduleOf(
  deps: Deps,
  snap: RotationSnapshot,
  range: { from?: string; to?: string },
) {
  const id = snap.rotation.id;
  const from =
    range.from && range.from > snap.rotation.start_date ? range.from : snap.rotation.start_date;
  const to = range.to && range.to < snap.rotation.end_date ? range.to : snap.rotation.end_date;
  if (range.from && range.to && range.from > range.to)
    return err(invalid('The range is empty.', [{ path: '?to', message: 'is before from' }]));
  const standby = standbyLookup(
    await standbyWindows(deps.db, snap.rotation.department_id, { from, to }),
  );
  const teamIds = snap.teams.map((t) => t.id);
  const days =
    from > to
      ? []
      : scheduleDays({
          calendar: snap.calendar,
          teams: snap.teams.map(teamRef),
          shifts: snap.shifts.map(shiftOf),
          bufferDates: new Set(JSON.parse(snap.rotation.buffer_dates) as string[]),
          from,
          to,
          multiSlot: (snap.pattern.slots?.length ?? 1) > 1,
          standbyOn: (date) => new Set(teamIds.filter((id) => standby.team(date, id))),
        });
  return ok({ rotationId: id, status: snap.rotation.status, teams: snap.teams.map(teamRef), days });
}

/** The N-1 answer: if any one team is out for the policy's quarantine length from any day, what stays uncovered, and does remote capacity hold? */
export async function rotationSurvivability(deps: Deps, actor: Actor, id: string) {
  const loaded = await loadRotation(deps, actor, id);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const [members, remote] = await Promise.all([
    listMembers(deps.db, snap.department.id),
    remoteContextOf(deps, snap.department.id, spanOf(snap)),
  ]);
  const { quarantineDays, returnSeparationDays } = remote.policy;
  const grid = rotationDemandGrid(snap, members, remote.standby);
  return ok({
    rotationId: id,
    outageDays: quarantineDays,
    returnSeparationDays,
    ...survivabilityOf(snap, remote.policy, { grid, capacity: remote.capacity }),
  });
}
