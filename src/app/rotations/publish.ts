import { problem } from '../../domain/problems/index.ts';
import { bumpDataVersionQuery, isDataVersionConflict } from '../../db/repos/departments.ts';
import {
  bumpVersionQuery,
  isVersionConflict,
  publishedRotations,
} from '../../db/repos/rotations.ts';
import { deleteShiftsBeforeQuery } from '../../db/repos/shifts.ts';
import { maxDate } from '../../domain/calendar/index.ts';
import { err, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, planChanged, type Failure } from '../failure.ts';
import { quarantinesIntoRotation } from '../quarantines/index.ts';
import { readRotation } from './read.ts';
import { loadRotationAt, staleVersion } from './version.ts';
import type { RotationView } from './view.ts';

/** Publishes a draft: from now on it feeds calendars. One published rotation per department per date range. */
export async function publishRotation(
  deps: Deps,
  actor: Actor,
  id: string,
  ifMatch: number,
): Promise<Result<RotationView, Failure>> {
  const loaded = await loadRotationAt(deps, actor, id, ifMatch);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  if (snap.rotation.status === 'published')
    return err(
      conflict('This rotation is already published.', undefined, problem('already-published')),
    );
  const r = snap.rotation;
  // Days that passed while it was a draft were never worked: the published plan starts today.
  if (r.endDate < snap.today)
    return err(
      invalid('Nothing left to publish.', [
        {
          path: '',
          message: `the rotation ended on ${r.endDate}, before today (${snap.today})`,
          ...problem('rotation-ended', { end: r.endDate, today: snap.today }),
        },
      ]),
    );
  const start = maxDate(r.startDate, snap.today);
  // Read (with the rotation) before the look for overlapping rotations and checked by the write:
  // another instance publishing an overlapping rotation meanwhile makes this one a 409.
  const department = snap.department;
  const clash = await publishedRotations(deps.db, r.departmentId, start, r.endDate, r.id);
  if (clash.length) {
    return err(
      conflict(
        'Another published rotation of this department covers some of these dates.',
        clash.map((c) => ({
          path: '',
          message: `overlaps published rotation ${c.id} (${c.name})`,
          ...problem('overlaps-published', { name: c.name }),
        })),
      ),
    );
  }
  const at = deps.now().toISOString();
  // Team quarantines of an earlier rotation that run into this one: its teams made only of their
  // people are out too.
  const following = await quarantinesIntoRotation(
    deps,
    actor,
    department,
    { id, startDate: start, endDate: r.endDate },
    snap.today,
    at,
  );
  try {
    await deps.atomic([
      bumpVersionQuery(deps.db, id, ifMatch, {
        updatedAt: at,
        status: 'published',
        publishedAt: at,
        startDate: start,
      }),
      ...following,
      ...(start > r.startDate ? [deleteShiftsBeforeQuery(deps.db, id, start)] : []),
      bumpDataVersionQuery(deps.db, r.departmentId, department.dataVersion),
      auditEntry(
        deps,
        actor,
        at,
        'rotation.publish',
        { type: 'rotation', id },
        { startDate: start, endDate: snap.rotation.endDate },
      ),
    ]);
  } catch (e) {
    if (isVersionConflict(e)) return err(staleVersion());
    if (isDataVersionConflict(e)) return err(planChanged());
    throw e;
  }
  return readRotation(deps, actor, id);
}
