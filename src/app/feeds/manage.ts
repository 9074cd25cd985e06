import { err, ok, type Result } from '../../domain/result.ts';
import { findDepartment } from '../../db/repos/departments.ts';
import { findFeed, insertFeedQuery, listLiveFeeds, revokeFeedQuery } from '../../db/repos/feeds.ts';
import { findMember } from '../../db/repos/members.ts';
import { findRotation, findTeam } from '../../db/repos/rotations.ts';
import { otherDepartment, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, notFound, type Failure } from '../failure.ts';
import { hashSecret, newSecret } from '../secrets.ts';

export type FeedScope = 'member' | 'team' | 'department';

export interface FeedLinks {
  id: string;
  scope: FeedScope;
  subjectId: string;
  departmentId: string;
  /** The secret, shown once: it is the credential, since calendar apps cannot send headers. */
  token: string;
  /** https (Outlook "subscribe from web"). */
  url: string;
  /** webcal:// (Apple Calendar, and most desktop apps). */
  webcalUrl: string;
  /** Google Calendar's add-by-URL form, with the webcal URL. */
  googleUrl: string;
}

/** The three subscription links of a feed token. */
export function feedLinks(publicUrl: string, token: string) {
  const url = `${publicUrl}/feeds/${token}.ics`;
  const webcalUrl = url.replace(/^https?:\/\//, 'webcal://');
  return {
    url,
    webcalUrl,
    googleUrl: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl)}`,
  };
}

async function subjectDepartment(deps: Deps, scope: FeedScope, id: string): Promise<string | null> {
  if (scope === 'member') return (await findMember(deps.db, id))?.department_id ?? null;
  if (scope === 'department') return (await findDepartment(deps.db, id))?.id ?? null;
  const team = await findTeam(deps.db, id);
  return team ? ((await findRotation(deps.db, team.rotation_id))?.department_id ?? null) : null;
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
        { path: '/id', message: `no ${input.scope} with this id` },
      ]),
    );
  if (actor.role === 'staff' && !(input.scope === 'member' && input.id === actor.memberId))
    return err(forbidden('A staff token may create a feed of its own schedule only.'));
  if (actor.role === 'chief' && actor.departmentId !== departmentId) return err(otherDepartment());
  const token = newSecret('bsf');
  const at = deps.now().toISOString();
  const row = {
    id: deps.newId(),
    token_hash: await hashSecret(token),
    scope: input.scope,
    subject_id: input.id,
    department_id: departmentId,
    created_by: actor.tokenId,
    created_at: at,
    revoked_at: null,
  };
  await deps.atomic([
    insertFeedQuery(deps.db, row),
    auditEntry(
      deps,
      actor,
      at,
      'feed.create',
      { type: 'feed', id: row.id },
      { scope: input.scope, subjectId: input.id },
    ),
  ]);
  return ok({
    id: row.id,
    scope: input.scope,
    subjectId: input.id,
    departmentId,
    token,
    ...feedLinks(deps.publicUrl, token),
  });
}

/**
 * The live feeds this actor may see and revoke (no secrets: a lost link is revoked and made anew):
 * admin all, a chief their department's, staff those of their own schedule or made with their token.
 */
export async function listFeeds(deps: Deps, actor: Actor, filter: { departmentId?: string }) {
  if (actor.role === 'hr') return err(forbidden('Feeds are managed by admin, chiefs and staff.'));
  if (actor.role !== 'admin' && filter.departmentId && filter.departmentId !== actor.departmentId)
    return err(otherDepartment());
  const rows = await listLiveFeeds(
    deps.db,
    actor.role === 'admin'
      ? { ...(filter.departmentId ? { departmentId: filter.departmentId } : {}) }
      : actor.role === 'chief'
        ? { departmentId: actor.departmentId ?? '' }
        : { memberId: actor.memberId ?? '', createdBy: actor.tokenId },
  );
  return ok(
    rows.map((f) => ({
      id: f.id,
      scope: f.scope as FeedScope,
      subjectId: f.subject_id,
      departmentId: f.department_id,
      createdAt: f.created_at,
    })),
  );
}

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
    (actor.role === 'chief' && actor.departmentId === feed.department_id) ||
    (actor.role === 'staff' &&
      (feed.created_by === actor.tokenId ||
        (feed.scope === 'member' && feed.subject_id === actor.memberId)));
  if (!mayRevoke) return err(forbidden('This token cannot revoke this feed.'));
  const at = feed.revoked_at ?? deps.now().toISOString();
  if (!feed.revoked_at)
    await deps.atomic([
      revokeFeedQuery(deps.db, id, at),
      auditEntry(deps, actor, at, 'feed.revoke', { type: 'feed', id }, { scope: feed.scope }),
    ]);
  return ok({ id, revokedAt: at });
}
