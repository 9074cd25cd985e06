import { err, ok, type Result } from '../../domain/result.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import { departmentView, type DepartmentView } from './view.ts';

/** One department, if the actor's scope reaches it. */
export async function readDepartment(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<DepartmentView, Failure>> {
  const department = await departmentById(deps.db, id);
  if (!department) return err(notFound(`No department ${id}.`));
  const denied = departmentScopeDenied(actor, id);
  if (denied) return err(denied);
  return ok(departmentView(department));
}
