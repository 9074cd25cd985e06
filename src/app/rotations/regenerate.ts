import { problem } from '../../domain/problems/index.ts';
import { bumpDataVersionQuery } from '../../db/repos/departments.ts';
import {
  bumpVersionQuery,
  clearRotationQueries,
  isVersionConflict,
} from '../../db/repos/rotations.ts';
import { err, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, type Failure } from '../failure.ts';
import {
  decideRotation,
  plannedRotation,
  plannedWrites,
  splitMembers,
  type RotationRequest,
} from './plan.ts';
import { readRotation } from './read.ts';
import { loadRotationAt, staleVersion } from './version.ts';
import type { RotationView } from './view.ts';

/** Splits and plans a draft again from the department's current active members (a new seed gives other teams). */
export async function regenerateRotation(
  deps: Deps,
  actor: Actor,
  id: string,
  ifMatch: number,
  input: { seed?: number },
): Promise<Result<RotationView, Failure>> {
  const loaded = await loadRotationAt(deps, actor, id, ifMatch);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  if (snap.rotation.status !== 'draft')
    return err(
      conflict(
        'Only a draft can be regenerated; this rotation is published.',
        undefined,
        problem('not-a-draft'),
      ),
    );
  const r = snap.rotation;
  const seed = input.seed ?? r.seed;
  const req: RotationRequest = {
    startDate: r.startDate,
    endDate: r.endDate,
    teamCount: r.teamCount,
    seed,
    pattern: snap.pattern,
    constraints: snap.constraints,
  };
  // A draft's start may have passed since it was made; regenerating plans from today on.
  if (req.startDate < snap.today) req.startDate = snap.today;
  const decided = decideRotation(
    req,
    await splitMembers(deps, r.departmentId),
    snap.calendar,
    snap.today,
  );
  if (!decided.ok) return decided;
  const at = deps.now().toISOString();
  const planned = plannedRotation(deps, { id, startDate: req.startDate }, decided.value);
  try {
    await deps.atomic([
      bumpVersionQuery(deps.db, id, ifMatch, {
        updatedAt: at,
        seed,
        bufferDates: decided.value.plan.bufferDates,
        startDate: req.startDate,
      }),
      bumpDataVersionQuery(deps.db, r.departmentId),
      ...clearRotationQueries(deps.db, id),
      ...plannedWrites(deps, id, planned, at),
      auditEntry(
        deps,
        actor,
        at,
        'rotation.regenerate',
        { type: 'rotation', id },
        { seed, members: planned.memberships.length },
      ),
    ]);
  } catch (e) {
    if (isVersionConflict(e)) return err(staleVersion());
    throw e;
  }
  return readRotation(deps, actor, id);
}
