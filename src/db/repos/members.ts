import type { CompiledQuery, Kysely } from 'kysely';
import { insertChunks, parameterGroups } from '../chunks.ts';
import type { DB, MemberPatch, MemberRow, NewMemberRow } from '../schema.ts';

/** One member by id, or undefined. */
export function findMember(db: Kysely<DB>, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A department's members by name; `active` filters when given. */
export function listMembers(
  db: Kysely<DB>,
  departmentId: string,
  active?: boolean,
): Promise<MemberRow[]> {
  let q = db.selectFrom('members').selectAll().where('department_id', '=', departmentId);
  if (active !== undefined) q = q.where('active', '=', active ? 1 : 0);
  return q.orderBy('name').orderBy('id').execute();
}

/** Every member of the organisation, by department, then name. */
export function listAllMembers(db: Kysely<DB>): Promise<MemberRow[]> {
  return db
    .selectFrom('members')
    .selectAll()
    .orderBy('department_id')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The members of a department whose normalised e-mail is among `keys`. */
export async function findMembersByEmailKeys(
  db: Kysely<DB>,
  departmentId: string,
  keys: readonly string[],
): Promise<MemberRow[]> {
  const out: MemberRow[] = [];
  // D1 binds at most 100 parameters a statement: the keys go in groups (one parameter is the department).
  for (const group of parameterGroups(keys, 1)) {
    out.push(
      ...(await db
        .selectFrom('members')
        .selectAll()
        .where('department_id', '=', departmentId)
        .where('email_key', 'in', group)
        .execute()),
    );
  }
  return out;
}

export function insertMembersQueries(db: Kysely<DB>, rows: NewMemberRow[]): CompiledQuery[] {
  return insertChunks(rows).map((c) => db.insertInto('members').values(c).compile());
}

export function updateMemberQuery(db: Kysely<DB>, id: string, patch: MemberPatch): CompiledQuery {
  return db.updateTable('members').set(patch).where('id', '=', id).compile();
}
