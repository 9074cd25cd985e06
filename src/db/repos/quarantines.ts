import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { insertChunks, parameterGroups } from '../chunks.ts';
import type { DB, QuarantineRow, SwapRow } from '../schema.ts';
import {
  standbyWindowsOf,
  type Quarantine,
  type StandbyWindow,
  type SwapRecord,
} from '../../domain/quarantine/index.ts';
import { membershipOf, membershipsOfTeams } from './rotations.ts';

/** Inserts a quarantine. */
export function insertQuarantineQuery(db: Kysely<DB>, row: QuarantineRow): CompiledQuery {
  return db.insertInto('quarantines').values(row).compile();
}

/** Inserts swaps, in as many statements as D1's parameter limit needs. */
export function insertSwapsQueries(db: Kysely<DB>, rows: SwapRow[]): CompiledQuery[] {
  return insertChunks(rows).map((c) => db.insertInto('swaps').values(c).compile());
}

/** Claims an Idempotency-Key; a second claim of the same key fails the whole atomic write. */
export function insertIdempotencyKeyQuery(
  db: Kysely<DB>,
  key: string,
  requestHash: string,
  requestId: string,
  at: string,
): CompiledQuery {
  return db
    .insertInto('idempotency_keys')
    .values({ key, request_hash: requestHash, request_id: requestId, created_at: at })
    .compile();
}

/** The request an Idempotency-Key was claimed for, if any. */
export function findIdempotencyKey(db: Kysely<DB>, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Did a write fail because another request claimed the same Idempotency-Key first? */
export const isIdempotencyClash = (e: unknown): boolean =>
  e instanceof Error && /UNIQUE constraint failed: idempotency_keys\.key/i.test(e.message);

/** One quarantine by id. */
export function findQuarantine(db: Kysely<DB>, id: string): Promise<QuarantineRow | undefined> {
  return db.selectFrom('quarantines').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The quarantines one request marked, the first marked first. */
export function quarantinesOfRequest(db: Kysely<DB>, requestId: string): Promise<QuarantineRow[]> {
  return db
    .selectFrom('quarantines')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('marked_at')
    .orderBy('id')
    .execute();
}

/** Quarantines of one department (or all), newest first. */
export function listQuarantines(
  db: Kysely<DB>,
  departmentId?: string,
  range?: { from: string; to: string },
): Promise<QuarantineRow[]> {
  let q = db.selectFrom('quarantines').selectAll();
  if (departmentId) q = q.where('department_id', '=', departmentId);
  // Only those in force at some point of [from, to] (a lift ends a quarantine only earlier, never later).
  if (range) q = q.where('effective_from', '<=', range.to).where('end_date', '>=', range.from);
  return q.orderBy('marked_at', 'desc').orderBy('id').execute();
}

/** The swaps of the given quarantines, by date and slot (the ids go in groups: D1 binds at most 100 parameters). */
export async function swapsOf(
  db: Kysely<DB>,
  quarantineIds: readonly string[],
): Promise<SwapRow[]> {
  const groups = await Promise.all(
    parameterGroups(quarantineIds).map((ids) =>
      db
        .selectFrom('swaps')
        .selectAll()
        .where('quarantine_id', 'in', ids)
        .orderBy('date')
        .orderBy('slot')
        .execute(),
    ),
  );
  if (groups.length <= 1) return groups[0] ?? [];
  return groups
    .flat()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slot - b.slot));
}

/** Cancels a scheduled shift (its sequence grows: the day changed). */
export function cancelShiftQuery(
  db: Kysely<DB>,
  id: string,
  reason: string,
  at: string,
): CompiledQuery {
  return db
    .updateTable('shifts')
    .set({ status: 'cancelled', reason, updated_at: at, sequence: sql<number>`sequence + 1` })
    .where('id', '=', id)
    .compile();
}

/** Schedules a cancelled shift again (a day handed back). */
export function restoreShiftQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('shifts')
    .set({ status: 'scheduled', reason: null, updated_at: at, sequence: sql<number>`sequence + 1` })
    .where('id', '=', id)
    .compile();
}

/** Lifts a quarantine from a date, unless it was lifted already. */
export function liftQuarantineQuery(
  db: Kysely<DB>,
  id: string,
  from: string,
  by: string,
  at: string,
): CompiledQuery {
  return db
    .updateTable('quarantines')
    .set({ lifted_at: at, lifted_from: from, lifted_by: by })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .compile();
}

/** Marks swaps handed back, in as many statements as D1's 100 parameters need (none for no ids). */
export function handBackSwapsQueries(
  db: Kysely<DB>,
  ids: readonly string[],
  at: string,
): CompiledQuery[] {
  return parameterGroups(ids, 1).map((group) =>
    db.updateTable('swaps').set({ handed_back_at: at }).where('id', 'in', group).compile(),
  );
}

/** Swaps of a rotation whose slot no team could take (and that were not handed back). */
export function openSwapsOf(db: Kysely<DB>, rotationId: string): Promise<SwapRow[]> {
  return db
    .selectFrom('swaps')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .where('to_team_id', 'is', null)
    .where('handed_back_at', 'is', null)
    .execute();
}

/** A once-uncovered slot now taken by a team. */
export function coverSwapQuery(
  db: Kysely<DB>,
  swapId: string,
  toTeamId: string,
  coveringShiftId: string,
): CompiledQuery {
  return db
    .updateTable('swaps')
    .set({ to_team_id: toTeamId, covering_shift_id: coveringShiftId })
    .where('id', '=', swapId)
    .compile();
}

/** Every swap of a rotation, by date and slot. */
export function rotationSwapsOf(db: Kysely<DB>, rotationId: string): Promise<SwapRow[]> {
  return db
    .selectFrom('swaps')
    .selectAll()
    .where('rotation_id', '=', rotationId)
    .orderBy('date')
    .orderBy('slot')
    .orderBy('created_at')
    .execute();
}

/** A quarantine row as the rules see it. */
export const quarantineOf = (q: QuarantineRow): Quarantine => ({
  id: q.id,
  departmentId: q.department_id,
  subject: q.subject as Quarantine['subject'],
  teamId: q.team_id,
  memberId: q.member_id,
  rotationId: q.rotation_id,
  startDate: q.start_date,
  endDate: q.end_date,
  effectiveFrom: q.effective_from,
  liftedAt: q.lifted_at,
  liftedFrom: q.lifted_from,
});

/** The capacity effect stored with a request's first quarantine (null before capacity was tracked). */
export const storedCapacityEffect = (q: QuarantineRow): unknown =>
  q.capacity_effect ? (JSON.parse(q.capacity_effect) as unknown) : null;

/** A swap row as the rules see it. */
export const swapOf = (s: SwapRow): SwapRecord => ({
  id: s.id,
  quarantineId: s.quarantine_id,
  date: s.date,
  slot: s.slot,
  fromTeamId: s.from_team_id,
  toTeamId: s.to_team_id,
  cancelledShiftId: s.cancelled_shift_id,
  coveringShiftId: s.covering_shift_id,
  handedBackAt: s.handed_back_at,
});

/**
 * The standby windows of quarantines: each one's own, and for a team, one per person who was in the
 * team during its window (see standbyWindowsOf).
 */
export async function windowsOf(
  db: Kysely<DB>,
  rows: readonly QuarantineRow[],
): Promise<StandbyWindow[]> {
  const quarantines = rows.map(quarantineOf);
  const teamIds = quarantines.flatMap((q) => (q.subject === 'team' && q.teamId ? [q.teamId] : []));
  const memberships = teamIds.length ? await membershipsOfTeams(db, teamIds) : [];
  return standbyWindowsOf(quarantines, memberships.map(membershipOf));
}

/** Every standby window of a department over [from, to] (or ever: history shows them). */
export async function standbyWindows(
  db: Kysely<DB>,
  departmentId: string,
  range?: { from: string; to: string },
): Promise<StandbyWindow[]> {
  return windowsOf(db, await listQuarantines(db, departmentId, range));
}
