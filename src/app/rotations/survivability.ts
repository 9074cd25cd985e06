import { ok } from '../../domain/result.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { remoteContextOf, spanOf } from './remote.ts';
import { loadRotation } from './snapshot.ts';
import { rotationDemandGrid, survivabilityOf } from './view.ts';

/** The N-1 answer: if any one team is out for the policy's quarantine length from any day, what stays uncovered, and does remote capacity hold? */
export async function rotationSurvivability(deps: Deps, actor: Actor, id: string) {
  const loaded = await loadRotation(deps, actor, id);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const [members, remote] = await Promise.all([
    departmentMembers(deps.db, snap.department.id),
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
