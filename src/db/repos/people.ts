import type { CompiledQuery, Kysely } from 'kysely';
import type { Role } from '../../domain/types.ts';
import type { DB } from '../schema.ts';
import type { PersonRow } from '../schema-people.ts';

/** A person who signs in, with their role and scope. */
export interface Person {
  id: string;
  name: string;
  email: string;
  emailKey: string;
  role: Role;
  departmentId: string | null;
  memberId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

const personFromRow = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  emailKey: r.email_key,
  role: r.role,
  departmentId: r.department_id,
  memberId: r.member_id,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One person by id, or undefined. */
export async function personById(db: Kysely<DB>, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && personFromRow(row);
}

/** The person with this normalised e-mail, or undefined. */
export async function personByEmailKey(
  db: Kysely<DB>,
  emailKey: string,
): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('email_key', '=', emailKey)
    .executeTakeFirst();
  return row && personFromRow(row);
}

/** The person a member is, or undefined. */
export async function personOfMember(
  db: Kysely<DB>,
  memberId: string,
): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row && personFromRow(row);
}

/** Everyone, or a department's people, by name. */
export async function listPeople(db: Kysely<DB>, departmentId?: string): Promise<Person[]> {
  let q = db.selectFrom('people').selectAll();
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return (await q.orderBy('name').orderBy('id').execute()).map(personFromRow);
}

/** How many people there are (an empty organisation gets its first admin's invitation). */
export async function countPeople(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertPersonQuery(db: Kysely<DB>, p: Person): CompiledQuery {
  return db
    .insertInto('people')
    .values({
      id: p.id,
      name: p.name,
      email: p.email,
      email_key: p.emailKey,
      role: p.role,
      department_id: p.departmentId,
      member_id: p.memberId,
      active: p.active ? 1 : 0,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    })
    .compile();
}

/** Changes a person's role and scope, or whether they are active. */
export function updatePersonQuery(
  db: Kysely<DB>,
  id: string,
  change: Partial<Pick<Person, 'role' | 'departmentId' | 'memberId' | 'active' | 'name'>> & {
    updatedAt: string;
  },
): CompiledQuery {
  return db
    .updateTable('people')
    .set({
      updated_at: change.updatedAt,
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.departmentId !== undefined ? { department_id: change.departmentId } : {}),
      ...(change.memberId !== undefined ? { member_id: change.memberId } : {}),
      ...(change.active !== undefined ? { active: change.active ? 1 : 0 } : {}),
      ...(change.name !== undefined ? { name: change.name } : {}),
    })
    .where('id', '=', id)
    .compile();
}
