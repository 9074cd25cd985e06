import { ok, type Result } from '../../domain/result.ts';
import { departmentRoster } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { remoteContextOf, spanOf } from './remote.ts';
import { loadRotation } from './snapshot.ts';
import { rotationView, type RotationView } from './view.ts';

/** One rotation with its teams and report. */
export async function readRotation(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<RotationView, Failure>> {
  const snap = await loadRotation(deps, actor, id);
  if (!snap.ok) return snap;
  const departmentId = snap.value.department.id;
  const [members, remote] = await Promise.all([
    departmentRoster(deps.db, departmentId),
    remoteContextOf(deps, departmentId, spanOf(snap.value)),
  ]);
  return ok(rotationView(snap.value, members, remote));
}
