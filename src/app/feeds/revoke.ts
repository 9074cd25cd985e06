import { err, ok, type Result } from '../../domain/result.ts';
import { findFeed, revokeFeedQuery } from '../../db/repos/feeds.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, notFound, type Failure } from '../failure.ts';

/** Revokes a feed: its URL answers 404 from now on. */
export async function revokeFeed(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<{ id: string; revokedAt: string }, Failure>> {
  const feed = await findFeed(deps.db, id);
  if (!feed) return err(notFound(`No feed ${id}.`));
  const mayRevoke =
    actor.role === 'admin' ||
    (actor.role === 'chief' && actor.departmentId === feed.departmentId) ||
    (actor.role === 'staff' &&
      (feed.createdBy === actor.tokenId ||
        (feed.scope === 'member' && feed.subjectId === actor.memberId)));
  if (!mayRevoke) return err(forbidden('This token cannot revoke this feed.'));
  const at = feed.revokedAt ?? deps.now().toISOString();
  if (!feed.revokedAt)
    await deps.atomic([
      revokeFeedQuery(deps.db, id, at),
      auditEntry(deps, actor, at, 'feed.revoke', { type: 'feed', id }, { scope: feed.scope }),
    ]);
  return ok({ id, revokedAt: at });
}
