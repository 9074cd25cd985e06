import type { CompiledQuery, Kysely } from 'kysely';
import { parameterGroups } from '../chunks.ts';
import type { DB } from '../schema.ts';
import type { SessionRow, SignInMethod } from '../schema-people.ts';

export type { SignInMethod };

/** A server-side session: who, how they signed in, and until when it lasts. */
export interface Session {
  id: string;
  secretHash: string;
  personId: string | null;
  tokenId: string | null;
  method: SignInMethod;
  createdAt: string;
  lastSeenAt: string;
  idleSeconds: number;
  expiresAt: string;
  userAgent: string;
  endedAt: string | null;
}

const sessionFromRow = (r: SessionRow): Session => ({
  id: r.id,
  secretHash: r.secret_hash,
  personId: r.person_id,
  tokenId: r.token_id,
  method: r.method,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  idleSeconds: r.idle_seconds,
  expiresAt: r.expires_at,
  userAgent: r.user_agent,
  endedAt: r.ended_at,
});

/** A session not ended, by the hash of its secret. */
export async function openSessionByHash(
  db: Kysely<DB>,
  hash: string,
): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('secret_hash', '=', hash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row && sessionFromRow(row);
}

/** A person's sessions not ended, newest first. */
export async function openSessionsOf(db: Kysely<DB>, personId: string): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(sessionFromRow);
}

export function insertSessionQuery(db: Kysely<DB>, s: Session): CompiledQuery {
  return db
    .insertInto('sessions')
    .values({
      id: s.id,
      secret_hash: s.secretHash,
      person_id: s.personId,
      token_id: s.tokenId,
      method: s.method,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      idle_seconds: s.idleSeconds,
      expires_at: s.expiresAt,
      user_agent: s.userAgent,
      ended_at: null,
    })
    .compile();
}

/** Notes that the session was used now (its idle expiry starts again). */
export function touchSessionQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .compile();
}

/** Ends one session. */
export function endSessionQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('sessions')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .compile();
}

/** Ends every open session of the given people (a leaver, a role taken away, "sign out everywhere"). */
export function endSessionsOfQueries(
  db: Kysely<DB>,
  personIds: readonly string[],
  at: string,
): CompiledQuery[] {
  return parameterGroups(personIds, 1).map((ids) =>
    db
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('person_id', 'in', ids)
      .where('ended_at', 'is', null)
      .compile(),
  );
}

/** Ends every open session of the people who are the given members. */
export function endMemberSessionsQueries(
  db: Kysely<DB>,
  memberIds: readonly string[],
  at: string,
): CompiledQuery[] {
  return parameterGroups(memberIds, 1).map((ids) =>
    db
      .updateTable('sessions')
      .set({ ended_at: at })
      .where('ended_at', 'is', null)
      .where('person_id', 'in', (eb) =>
        eb.selectFrom('people').select('id').where('member_id', 'in', ids),
      )
      .compile(),
  );
}
