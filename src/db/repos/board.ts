import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { parameterGroups } from '../chunks.ts';
import type { Position, RemoteAccess } from '../../domain/types.ts';

/**
 * The members a board reads besides what remote demand reads (`./capacity.ts`: the published
 * rotations, their teams, memberships and office slots, and the quarantines).
 */

/** An active member as the organisation's board counts them: who, where, and what they need out of the office. */
export interface BoardMember {
  id: string;
  departmentId: string;
  remoteAccess: RemoteAccess;
}

/** An active member as a department's board names them. */
export interface NamedBoardMember extends BoardMember {
  name: string;
  kana: string | null;
  position: Position;
}

/** The active members of one department (or all), in no particular order: named, or (all of an organisation's) counted only. */
export async function boardMembers(
  db: Kysely<DB>,
  departmentId: string | undefined,
  named: true,
): Promise<NamedBoardMember[]>;
export async function boardMembers(
  db: Kysely<DB>,
  departmentId?: string,
  named?: false,
): Promise<BoardMember[]>;
export async function boardMembers(
  db: Kysely<DB>,
  departmentId?: string,
  named = false,
): Promise<BoardMember[]> {
  let q = db.selectFrom('members').where('active', '=', 1);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  const counted = ['id', 'department_id as departmentId', 'remote_access as remoteAccess'] as const;
  return named
    ? q.select([...counted, 'name', 'kana', 'position']).execute()
    : q.select(counted).execute();
}

/** The names of some members, by id (in groups that fit D1's parameters). */
export async function memberNames(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, { name: string; kana: string | null }>> {
  const groups = await Promise.all(
    parameterGroups([...new Set(ids)]).map((group) =>
      db.selectFrom('members').select(['id', 'name', 'kana']).where('id', 'in', group).execute(),
    ),
  );
  return new Map(groups.flat().map((m) => [m.id, { name: m.name, kana: m.kana }]));
}
