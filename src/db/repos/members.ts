import type { CompiledQuery, Kysely } from 'kysely';
import { insertChunks, parameterGroups, parameterLimit } from '../chunks.ts';
import { fromJson, toJson } from '../json.ts';
import type { DB, MemberPatch, MemberRow } from '../schema.ts';
import { byString, inReadingOrder } from '../../domain/collections.ts';
import type { Member } from '../../domain/types.ts';

// A member as stored, their skills read.
const memberFromRow = (r: MemberRow): Member => ({
  id: r.id,
  departmentId: r.department_id,
  name: r.name,
  kana: r.kana,
  email: r.email,
  emailKey: r.email_key,
  skills: fromJson(r.skills),
  position: r.position,
  remoteAccess: r.remote_access,
  slackUserId: r.slack_user_id,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One member by id, or undefined. */
export async function memberById(db: Kysely<DB>, id: string): Promise<Member | undefined> {
  const row = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  return row && memberFromRow(row);
}

/** A department's members by name; `active` filters when given. */
export async function departmentMembers(
  db: Kysely<DB>,
  departmentId: string,
  active?: boolean,
): Promise<Member[]> {
  let q = db.selectFrom('members').selectAll().where('department_id', '=', departmentId);
  if (active !== undefined) q = q.where('active', '=', active ? 1 : 0);
  return inReadingOrder((await q.execute()).map(memberFromRow));
}

/**
 * A department's members in no particular order (`active` filters when given), for a caller that
 * looks them up by id: sorting a thousand names as Japanese takes milliseconds.
 */
export async function departmentMembersAnyOrder(
  db: Kysely<DB>,
  departmentId: string,
  active?: boolean,
): Promise<Member[]> {
  let q = db.selectFrom('members').selectAll().where('department_id', '=', departmentId);
  if (active !== undefined) q = q.where('active', '=', active ? 1 : 0);
  return (await q.execute()).map(memberFromRow);
}

/** A member as a split and a rotation's report read them. */
export type RosterMember = Pick<
  Member,
  'id' | 'name' | 'skills' | 'position' | 'remoteAccess' | 'active'
>;

/**
 * A department's members (active or not) as a split and a rotation's report read them, in no
 * particular order: only those columns (a rotation's create reads a thousand of them).
 */
export async function departmentRoster(
  db: Kysely<DB>,
  departmentId: string,
): Promise<RosterMember[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'name', 'skills', 'position', 'remote_access', 'active'])
    .where('department_id', '=', departmentId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    skills: fromJson(r.skills),
    position: r.position,
    remoteAccess: r.remote_access,
    active: r.active === 1,
  }));
}

/** How notices name and reach a member. */
export type MemberContact = Pick<Member, 'id' | 'name' | 'kana' | 'email' | 'position'>;

/**
 * A department's active members as notices name and reach them, in no particular order: only the
 * columns a notice reads (a quarantine's notices read a thousand of them).
 */
export async function activeMemberContacts(
  db: Kysely<DB>,
  departmentId: string,
): Promise<MemberContact[]> {
  return db
    .selectFrom('members')
    .select(['id', 'name', 'kana', 'email', 'position'])
    .where('department_id', '=', departmentId)
    .where('active', '=', 1)
    .execute();
}

/** Every member, by department, then name. */
export async function allMembers(db: Kysely<DB>): Promise<Member[]> {
  const rows = await db.selectFrom('members').selectAll().execute();
  // A stable sort: by department, each in reading order.
  return inReadingOrder(rows.map(memberFromRow)).sort((a, b) =>
    byString(a.departmentId, b.departmentId),
  );
}

/** The members of a department whose normalised e-mail is among `keys`. */
export async function findMembersByEmailKeys(
  db: Kysely<DB>,
  departmentId: string,
  keys: readonly string[],
): Promise<Member[]> {
  const out: Member[] = [];
  // D1 binds at most 100 parameters a statement: the keys go in groups (one parameter is the department).
  for (const group of parameterGroups(keys, 1)) {
    const rows = await db
      .selectFrom('members')
      .selectAll()
      .where('department_id', '=', departmentId)
      .where('email_key', 'in', group)
      .execute();
    out.push(...rows.map(memberFromRow));
  }
  return out;
}

const memberRow = (m: Member): MemberRow => ({
  id: m.id,
  department_id: m.departmentId,
  name: m.name,
  kana: m.kana,
  email: m.email,
  email_key: m.emailKey,
  skills: toJson(m.skills),
  position: m.position,
  remote_access: m.remoteAccess,
  slack_user_id: m.slackUserId ?? null,
  active: m.active ? 1 : 0,
  created_at: m.createdAt,
  updated_at: m.updatedAt,
});

/** Stores new members, in as many statements as the engine's parameter limit needs. */
export function insertMembersQueries(db: Kysely<DB>, members: readonly Member[]): CompiledQuery[] {
  return insertChunks(members.map(memberRow), parameterLimit(db)).map((c) =>
    db.insertInto('members').values(c).compile(),
  );
}

/** The fields of a member a change may set. */
export type MemberChange = Partial<
  Pick<
    Member,
    | 'name'
    | 'kana'
    | 'email'
    | 'emailKey'
    | 'skills'
    | 'position'
    | 'remoteAccess'
    | 'active'
    | 'slackUserId'
  >
> & { updatedAt: string };

/** Changes the given fields of a member. */
export function updateMemberQuery(db: Kysely<DB>, id: string, change: MemberChange): CompiledQuery {
  const patch: MemberPatch = { updated_at: change.updatedAt };
  if (change.name !== undefined) patch.name = change.name;
  if (change.kana !== undefined) patch.kana = change.kana;
  if (change.email !== undefined) patch.email = change.email;
  if (change.emailKey !== undefined) patch.email_key = change.emailKey;
  if (change.skills !== undefined) patch.skills = toJson(change.skills);
  if (change.position !== undefined) patch.position = change.position;
  if (change.remoteAccess !== undefined) patch.remote_access = change.remoteAccess;
  if (change.active !== undefined) patch.active = change.active ? 1 : 0;
  if (change.slackUserId !== undefined) patch.slack_user_id = change.slackUserId;
  return db.updateTable('members').set(patch).where('id', '=', id).compile();
}

/** The active member whose Slack user id this is (the slash command's caller), or undefined. */
export async function activeMemberBySlackUserId(
  db: Kysely<DB>,
  slackUserId: string,
): Promise<Member | undefined> {
  const row = await db
    .selectFrom('members')
    .selectAll()
    .where('slack_user_id', '=', slackUserId)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row && memberFromRow(row);
}
