import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { isUniqueViolation } from '../errors.ts';
import { fromJson, toJson } from '../json.ts';
import type { DB, QuarantineRow } from '../schema.ts';
import type { CapacityEffect } from '../../domain/capacity/index.ts';
import {
  standbyWindowsOf,
  type Quarantine,
  type QuarantineRecord,
  type StandbyWindow,
} from '../../domain/quarantine/index.ts';
import { teamMemberships } from './memberships.ts';

// A quarantine as stored.
const quarantineFromRow = (q: QuarantineRow): QuarantineRecord => ({
  id: q.id,
  departmentId: q.department_id,
  subject: q.subject,
  teamId: q.team_id,
  memberId: q.member_id,
  rotationId: q.rotation_id,
  startDate: q.start_date,
  endDate: q.end_date,
  effectiveFrom: q.effective_from,
  reason: q.reason,
  positiveMemberId: q.positive_member_id,
  onsetDate: q.onset_date,
  requestId: q.request_id,
  markedBy: q.marked_by,
  markedAt: q.marked_at,
  liftedAt: q.lifted_at,
  liftedFrom: q.lifted_from,
  liftedBy: q.lifted_by,
});

/** Inserts a quarantine; the first of a request keeps the request's capacity effect, for its replay. */
export function insertQuarantineQuery(
  db: Kysely<DB>,
  q: QuarantineRecord,
  capacityEffect: CapacityEffect | null = null,
): CompiledQuery {
  return db
    .insertInto('quarantines')
    .values({
      id: q.id,
      department_id: q.departmentId,
      subject: q.subject,
      team_id: q.teamId,
      member_id: q.memberId,
      rotation_id: q.rotationId,
      start_date: q.startDate,
      end_date: q.endDate,
      effective_from: q.effectiveFrom,
      reason: q.reason,
      positive_member_id: q.positiveMemberId,
      onset_date: q.onsetDate,
      request_id: q.requestId,
      marked_by: q.markedBy,
      marked_at: q.markedAt,
      lifted_at: q.liftedAt,
      lifted_from: q.liftedFrom,
      lifted_by: q.liftedBy,
      capacity_effect: capacityEffect && toJson(capacityEffect),
    })
    .compile();
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

/** The request an Idempotency-Key was claimed for (and the hash of its body), if any. */
export async function idempotencyKeyClaim(
  db: Kysely<DB>,
  key: string,
): Promise<{ requestHash: string; requestId: string } | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'request_id'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, requestId: row.request_id };
}

/** Did a write fail because another request claimed the same Idempotency-Key first? */
export const isIdempotencyClash = (e: unknown): boolean =>
  isUniqueViolation(e, 'idempotency_keys', ['key']);

/** One quarantine by id. */
export async function quarantineById(
  db: Kysely<DB>,
  id: string,
): Promise<QuarantineRecord | undefined> {
  const row = await db
    .selectFrom('quarantines')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && quarantineFromRow(row);
}

/** The quarantines one request marked, the first marked first. */
export async function quarantinesOfRequest(
  db: Kysely<DB>,
  requestId: string,
): Promise<QuarantineRecord[]> {
  const rows = await db
    .selectFrom('quarantines')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('marked_at')
    .orderBy('id')
    .execute();
  return rows.map(quarantineFromRow);
}

/**
 * The capacity effect a request was marked with, kept with its first quarantine (the one whose id
 * is the request's, else the first marked); null when it was marked before capacity was tracked.
 */
export async function requestCapacityEffect(
  db: Kysely<DB>,
  requestId: string,
): Promise<CapacityEffect | null> {
  const rows = await db
    .selectFrom('quarantines')
    .select(['id', 'capacity_effect'])
    .where('request_id', '=', requestId)
    .orderBy('marked_at')
    .orderBy('id')
    .execute();
  const primary = rows.find((r) => r.id === requestId) ?? rows[0];
  return primary?.capacity_effect ? fromJson(primary.capacity_effect) : null;
}

/** Quarantines of one department (or all), newest first. */
export async function quarantinesIn(
  db: Kysely<DB>,
  departmentId?: string,
  range?: { from: string; to: string },
): Promise<QuarantineRecord[]> {
  let q = db.selectFrom('quarantines').selectAll();
  if (departmentId) q = q.where('department_id', '=', departmentId);
  // Only those in force at some point of [from, to] (a lift ends a quarantine only earlier, never later).
  if (range) q = q.where('effective_from', '<=', range.to).where('end_date', '>=', range.from);
  return (await q.orderBy('marked_at', 'desc').orderBy('id').execute()).map(quarantineFromRow);
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

/**
 * The standby windows of quarantines: each one's own, and for a team, one per person who was in the
 * team during its window (see standbyWindowsOf).
 */
export async function windowsOf(
  db: Kysely<DB>,
  quarantines: readonly Quarantine[],
): Promise<StandbyWindow[]> {
  const teamIds = quarantines.flatMap((q) => (q.subject === 'team' && q.teamId ? [q.teamId] : []));
  const memberships = teamIds.length ? await teamMemberships(db, teamIds) : [];
  return standbyWindowsOf(quarantines, memberships);
}

/** Every standby window of a department over [from, to] (or ever: history shows them). */
export async function standbyWindows(
  db: Kysely<DB>,
  departmentId: string,
  range?: { from: string; to: string },
): Promise<StandbyWindow[]> {
  return windowsOf(db, await quarantinesIn(db, departmentId, range));
}
