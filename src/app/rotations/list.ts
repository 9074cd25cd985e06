import { departmentById } from '../../db/repos/departments.ts';
import { listRotations } from '../../db/repos/rotations.ts';
import { err, ok } from '../../domain/result.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../failure.ts';

/** The rotations of a department (without reports). */
export async function rotationsOf(deps: Deps, actor: Actor, departmentId: string) {
  if (!(await departmentById(deps.db, departmentId)))
    return err(notFound(`No department ${departmentId}.`));
  const denied = departmentScopeDenied(actor, departmentId);
  if (denied) return err(denied);
  return ok(
    (await listRotations(deps.db, departmentId)).map((r) => ({
      id: r.id,
      name: r.name,
      startDate: r.startDate,
      endDate: r.endDate,
      teamCount: r.teamCount,
      status: r.status,
      version: r.version,
    })),
  );
}
