import { err, ok } from '../../domain/result.ts';
import { listLiveFeeds } from '../../db/repos/feeds.ts';
import { otherDepartment, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { forbidden } from '../failure.ts';

/**
 * The live feeds this actor may see and revoke (no secrets: a lost link is revoked and made anew):
 * admin all, a chief their department's, staff those of their own schedule or made with their token.
 */
export async function listFeeds(deps: Deps, actor: Actor, filter: { departmentId?: string }) {
  if (actor.role === 'hr') return err(forbidden('Feeds are managed by admin, chiefs and staff.'));
  if (actor.role !== 'admin' && filter.departmentId && filter.departmentId !== actor.departmentId)
    return err(otherDepartment());
  const feeds = await listLiveFeeds(
    deps.db,
    actor.role === 'admin'
      ? { ...(filter.departmentId ? { departmentId: filter.departmentId } : {}) }
      : actor.role === 'chief'
        ? { departmentId: actor.departmentId ?? '' }
        : { memberId: actor.memberId ?? '', createdBy: actor.tokenId },
  );
  return ok(
    feeds.map((f) => ({
      id: f.id,
      scope: f.scope,
      subjectId: f.subjectId,
      departmentId: f.departmentId,
      createdAt: f.createdAt,
    })),
  );
}
