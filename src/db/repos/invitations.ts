import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { InvitationRow } from '../schema-people.ts';
import { isNotNullViolation } from '../errors.ts';

/** An invitation: a one-time link for a person, stored by the hash of its secret. */
export interface Invitation {
  id: string;
  secretHash: string;
  personId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

const invitationFromRow = (r: InvitationRow): Invitation => ({
  id: r.id,
  secretHash: r.secret_hash,
  personId: r.person_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  revokedAt: r.revoked_at,
});

export async function invitationByHash(
  db: Kysely<DB>,
  hash: string,
): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('secret_hash', '=', hash)
    .executeTakeFirst();
  return row && invitationFromRow(row);
}

export async function invitationById(db: Kysely<DB>, id: string): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && invitationFromRow(row);
}

/** Invitations, newest first: all, or those of the given people. */
export async function listInvitations(
  db: Kysely<DB>,
  personIds?: readonly string[],
): Promise<Invitation[]> {
  let q = db.selectFrom('invitations').selectAll();
  if (personIds) {
    if (!personIds.length) return [];
    q = q.where('person_id', 'in', personIds);
  }
  return (await q.orderBy('created_at', 'desc').orderBy('id').execute()).map(invitationFromRow);
}

export function insertInvitationQuery(db: Kysely<DB>, i: Invitation): CompiledQuery {
  return db
    .insertInto('invitations')
    .values({
      id: i.id,
      secret_hash: i.secretHash,
      person_id: i.personId,
      created_by: i.createdBy,
      created_at: i.createdAt,
      expires_at: i.expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .compile();
}

/**
 * Uses an invitation: only once, only while neither used nor revoked. Otherwise (a race) the
 * whole atomic write fails (its person would become NULL): see isInvitationSpent.
 */
export function useInvitationQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('invitations')
    .set({
      used_at: at,
      person_id: sql<string>`case when used_at is null and revoked_at is null then person_id else null end`,
    })
    .where('id', '=', id)
    .compile();
}

/** Did an atomic write fail because its invitation was used or revoked meanwhile? */
export const isInvitationSpent = (e: unknown): boolean =>
  isNotNullViolation(e, 'invitations', 'person_id');

export function revokeInvitationQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .compile();
}

/** Revokes every open invitation of a person. */
export function revokeInvitationsOfQuery(
  db: Kysely<DB>,
  personId: string,
  at: string,
): CompiledQuery {
  return db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .compile();
}
