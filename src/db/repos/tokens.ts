import type { CompiledQuery, Kysely } from 'kysely';
import type { DB, NewTokenRow, TokenRow } from '../schema.ts';

/** The live (unrevoked) token with this hash, or undefined. */
/** An unrevoked token by its hash, with whether its member (for a staff token) is still active. */
export function findLiveTokenByHash(
  db: Kysely<DB>,
  hash: string,
): Promise<(TokenRow & { member_active: number | null }) | undefined> {
  return db
    .selectFrom('tokens')
    .leftJoin('members', 'members.id', 'tokens.member_id')
    .selectAll('tokens')
    .select('members.active as member_active')
    .where('tokens.token_hash', '=', hash)
    .where('tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function findToken(db: Kysely<DB>, id: string): Promise<TokenRow | undefined> {
  return db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTokens(db: Kysely<DB>): Promise<TokenRow[]> {
  return db.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function countTokens(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertTokenQuery(db: Kysely<DB>, row: NewTokenRow): CompiledQuery {
  return db.insertInto('tokens').values(row).compile();
}

export function revokeTokenQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .compile();
}
