import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { insertFeedQuery, type Feed } from '../../db/repos/feeds.ts';
import { memberById } from '../../db/repos/members.ts';
import { rotationById, teamById } from '../../db/repos/rotations.ts';
import { otherDepartment, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, type Failure } from '../failure.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { feedLinks, type FeedLinks, type FeedScope } from './links.ts';

async function subjectDepartment(deps: Deps, scope: FeedScope, id: string): Promise<string | null> {
  if (scope === 'member') return (await memberById(deps.db, id))?.departmentId ?? null;
  if (scope === 'department') return (await departmentById(deps.db, id))?.id ?? null;
  const team = await teamById(deps.db, id);
  return team ? ((await rotationById(deps.db, team.rotationId))?.departmentId ?? null) : null;
}

/** Issues a feed token: staff for themselves, a chief within their department, admin for any. */
export async function createFeed(
  deps: Deps,
  actor: Actor,
  input: { scope: FeedScope; id: string },
): Promise<Result<FeedLinks, Failure>> {
  const departmentId = await subjectDepartment(deps, input.scope, input.id);
  if (!departmentId)
    return err(
      invalid(`No ${input.scope} ${input.id}.`, [
        { path: '/id', message: `no ${input.scope} with this id`, ...problem('no-such-id') },
      ]),
    );
  if (actor.role === 'staff' && !(input.scope === 'member' && input.id === actor.memberId))
    return err(forbidden('A staff token may create a feed of its own schedule only.'));
  if (actor.role === 'chief' && actor.departmentId !== departmentId) return err(otherDepartment());
  const token = newSecret('bsf');
  const at = deps.now().toISOString();
  const feed: Feed = {
    id: deps.newId(),
    tokenHash: await hashSecret(token),
    scope: input.scope,
    subjectId: input.id,
    departmentId,
    createdBy: actor.tokenId,
    createdAt: at,
    revokedAt: null,
  };
  await deps.atomic([
    insertFeedQuery(deps.db, feed),
    auditEntry(
      deps,
      actor,
      at,
      'feed.create',
      { type: 'feed', id: feed.id },
      { scope: input.scope, subjectId: input.id },
    ),
  ]);
  return ok({
    id: feed.id,
    scope: input.scope,
    subjectId: input.id,
    departmentId,
    token,
    ...feedLinks(deps.publicUrl, token),
  });
}
