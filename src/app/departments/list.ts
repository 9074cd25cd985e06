import { departmentsByName } from '../../db/repos/departments.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { departmentView, type DepartmentView } from './view.ts';

/** The departments the actor may see: all for admin and HR, a chief's own. */
export async function visibleDepartments(deps: Deps, actor: Actor): Promise<DepartmentView[]> {
  const scoped =
    actor.role === 'admin' || actor.role === 'hr'
      ? undefined
      : actor.departmentId
        ? [actor.departmentId]
        : [];
  return (await departmentsByName(deps.db, scoped)).map(departmentView);
}
