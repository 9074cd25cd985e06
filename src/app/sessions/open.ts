import { findToken } from '../../db/repos/tokens.ts';
import { memberById } from '../../db/repos/members.ts';
import { personById, type Person } from '../../db/repos/people.ts';
import {
  endSessionQuery,
  insertSessionQuery,
  openSessionByHash,
  touchSessionQuery,
  type Session,
  type SignInMethod,
} from '../../db/repos/sessions.ts';
import type { Actor, Role } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { ENV_ADMIN_ACTOR } from '../tokens/index.ts';

/** A session lasts at most this long, however busy. */
export const ABSOLUTE_SECONDS = 12 * 3600;
/** A session unused this long ends: HR and admin see health matters, so theirs end sooner. */
export const idleSecondsOf = (role: Role): number =>
  role === 'hr' || role === 'admin' ? 30 * 60 : 8 * 3600;
/** Using a session moves its idle expiry; within this many seconds it is not written again. */
const TOUCH_SECONDS = 60;

/** The actor a person signs in as. */
export const personActor = (p: Person): Actor => ({
  tokenId: `person:${p.id}`,
  role: p.role,
  departmentId: p.departmentId,
  memberId: p.memberId,
});

/**
 * Starts a session for a person (or, the operator's way in, for an API token's actor): a random
 * secret for the cookie, stored hashed, with idle and absolute expiry; audited.
 */
export async function openSession(
  deps: Deps,
  who: { person: Person } | { token: Actor },
  method: SignInMethod,
  userAgent: string,
): Promise<string> {
  const actor = 'person' in who ? personActor(who.person) : who.token;
  const secret = newSecret('ses');
  const now = deps.now();
  const session: Session = {
    id: deps.newId(),
    secretHash: await hashSecret(secret),
    personId: 'person' in who ? who.person.id : null,
    tokenId: 'person' in who ? null : who.token.tokenId,
    method,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    idleSeconds: idleSecondsOf(actor.role),
    expiresAt: new Date(now.getTime() + ABSOLUTE_SECONDS * 1000).toISOString(),
    userAgent: userAgent.slice(0, 200),
    endedAt: null,
  };
  await deps.atomic([
    insertSessionQuery(deps.db, session),
    auditEntry(
      deps,
      actor,
      session.createdAt,
      'session.start',
      { type: 'session', id: session.id },
      { method },
    ),
  ]);
  return secret;
}

/** May this person sign in: active, and (a member) not deactivated? */
export async function maySignIn(deps: Deps, p: Person | undefined): Promise<boolean> {
  if (!p?.active) return false;
  return !p.memberId || Boolean((await memberById(deps.db, p.memberId))?.active);
}

/** Who a session's holder is now: null when the person left or the token was revoked. */
async function actorOf(deps: Deps, s: Session): Promise<Actor | null> {
  if (s.personId) {
    const p = await personById(deps.db, s.personId);
    return p && (await maySignIn(deps, p)) ? personActor(p) : null;
  }
  if (s.tokenId === ENV_ADMIN_ACTOR.tokenId) return deps.adminToken ? ENV_ADMIN_ACTOR : null;
  const t = s.tokenId ? await findToken(deps.db, s.tokenId) : undefined;
  if (!t || t.revokedAt) return null;
  if (t.role === 'staff' && t.memberId && !(await memberById(deps.db, t.memberId))?.active)
    return null;
  return { tokenId: t.id, role: t.role, departmentId: t.departmentId, memberId: t.memberId };
}

/**
 * The actor of a session cookie's secret, or null: unknown, ended, past its absolute or idle
 * expiry (then ended now), or its holder gone. A use moves the idle expiry.
 */
export async function sessionActor(
  deps: Deps,
  secret: string,
): Promise<{ actor: Actor; sessionId: string } | null> {
  const s = await openSessionByHash(deps.db, await hashSecret(secret));
  if (!s) return null;
  const now = deps.now();
  const idle = now.getTime() - Date.parse(s.lastSeenAt) > s.idleSeconds * 1000;
  const actor = idle || now.toISOString() >= s.expiresAt ? null : await actorOf(deps, s);
  if (!actor) {
    await deps.atomic([endSessionQuery(deps.db, s.id, now.toISOString())]);
    return null;
  }
  if (now.getTime() - Date.parse(s.lastSeenAt) > TOUCH_SECONDS * 1000)
    await deps.atomic([touchSessionQuery(deps.db, s.id, now.toISOString())]);
  return { actor, sessionId: s.id };
}

/**
 * Ends the session of this secret (sign-out): the cookie is worth nothing afterwards. Says how
 * the session was started (null: there was none).
 */
export async function closeSession(deps: Deps, secret: string): Promise<SignInMethod | null> {
  const s = await openSessionByHash(deps.db, await hashSecret(secret));
  if (!s) return null;
  const at = deps.now().toISOString();
  const actor = await actorOf(deps, s);
  await deps.atomic([
    endSessionQuery(deps.db, s.id, at),
    ...(actor
      ? [auditEntry(deps, actor, at, 'session.end', { type: 'session', id: s.id }, {})]
      : []),
  ]);
  return s.method;
}
