import type { CompiledQuery, Kysely } from 'kysely';
import { parameterGroups } from '../chunks.ts';
import type { DB, TokenRow } from '../schema.ts';
import type { Role } from '../../domain/types.ts';

/** A bearer token as stored: its hash, never its secret. */
export interface Token {
  id: string;
  tokenHash: string;
  role: Role;
  /** A chief's department, or a staff member's department. */
  departmentId: string | null;
  /** A staff member's own member id. */
  memberId: string | null;
  label: string;
  createdAt: string;
  /** The token that issued it; null when the operator did (start-up, CLI). */
  createdBy: string | null;
  revokedAt: string | null;
}

const tokenFromRow = (r: TokenRow): Token => ({
  id: r.id,
  tokenHash: r.token_hash,
  role: r.role,
  departmentId: r.department_id,
  memberId: r.member_id,
  label: r.label,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
});

/** An unrevoked token by its hash, with whether its member (for a staff token) is still active. */
export async function findLiveTokenByHash(
  db: Kysely<DB>,
  hash: string,
): Promise<(Token & { memberActive: boolean | null }) | undefined> {
  const row = await db
    .selectFrom('tokens')
    .leftJoin('members', 'members.id', 'tokens.member_id')
    .selectAll('tokens')
    .select('members.active as member_active')
    .where('tokens.token_hash', '=', hash)
    .where('tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      ...tokenFromRow(row),
      memberActive: row.member_active === null ? null : row.member_active === 1,
    }
  );
}

/** One token by id, or undefined. */
export async function findToken(db: Kysely<DB>, id: string): Promise<Token | undefined> {
  const row = await db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row && tokenFromRow(row);
}

/** Every token, oldest first. */
export async function listTokens(db: Kysely<DB>): Promise<Token[]> {
  const rows = await db
    .selectFrom('tokens')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(tokenFromRow);
}

/** How many tokens were ever issued (revoked ones count). */
export async function countTokens(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Stores a new token. */
export function insertTokenQuery(db: Kysely<DB>, t: Token): CompiledQuery {
  return db
    .insertInto('tokens')
    .values({
      id: t.id,
      token_hash: t.tokenHash,
      role: t.role,
      department_id: t.departmentId,
      member_id: t.memberId,
      label: t.label,
      created_at: t.createdAt,
      created_by: t.createdBy,
      revoked_at: t.revokedAt,
    })
    .compile();
}

/** Revokes a live token (a revoked one keeps its first revocation time). */
export function revokeTokenQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .compile();
}

/** Revokes every live token of the given members (a leaver's staff tokens). */
export function revokeMemberTokensQueries(
  db: Kysely<DB>,
  memberIds: readonly string[],
  at: string,
): CompiledQuery[] {
  return parameterGroups(memberIds, 1).map((ids) =>
    db
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('member_id', 'in', ids)
      .where('revoked_at', 'is', null)
      .compile(),
  );
}
