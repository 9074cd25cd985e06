import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { insertRowsQueries } from '../chunks.ts';
import { engineOf } from '../engine.ts';
import type { DB, OutboxRow } from '../schema.ts';
import type { OutboxChannel, OutboxMessage, OutboxStatus } from '../../domain/outbox/index.ts';

export type { OutboxChannel, OutboxMessage, OutboxStatus };

const messageFromRow = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  createdAt: r.created_at,
  departmentId: r.department_id,
  topic: r.topic,
  refId: r.ref_id,
  channel: r.channel,
  recipient: r.recipient,
  subject: r.subject,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  sentAt: r.sent_at,
});

/** Inserts outbox messages, to run in the same atomic batch as the change they tell about. */
export function insertOutboxQueries(
  db: Kysely<DB>,
  messages: readonly OutboxMessage[],
): CompiledQuery[] {
  const rows = messages.map((m): OutboxRow => ({
    id: m.id,
    created_at: m.createdAt,
    department_id: m.departmentId,
    topic: m.topic,
    ref_id: m.refId,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    status: m.status,
    attempts: m.attempts,
    next_attempt_at: m.nextAttemptAt,
    last_error: m.lastError,
    sent_at: m.sentAt,
    lease_owner: null,
  }));
  return insertRowsQueries(db, 'outbox', rows);
}

/**
 * Claims up to `limit` pending rows due at `now`, oldest first, in one statement: each counts one
 * more attempt and is leased until `leaseUntil`, so another delivery pass does not take it meanwhile
 * — and a pass that dies mid-send leaves it due again when the lease ends (sent at least once).
 * On PostgreSQL, where several instances claim at once, the rows are locked as they are chosen and
 * those another claim holds are skipped (FOR UPDATE SKIP LOCKED), in a CTE: a subquery in the
 * WHERE may be run again for each row, skipping the rows this very statement updated and so
 * taking more than `limit`.
 */
export async function claimDueOutbox(
  db: Kysely<DB>,
  at: { now: string; leaseUntil: string; limit: number; owner: string },
): Promise<OutboxMessage[]> {
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at.now)
    .orderBy('next_attempt_at')
    .orderBy('created_at')
    .orderBy('id')
    .limit(at.limit);
  const claim = {
    attempts: sql<number>`outbox.attempts + 1`,
    next_attempt_at: at.leaseUntil,
    lease_owner: at.owner,
  };
  const rows =
    engineOf(db) === 'postgres'
      ? await db
          .with('due', () => due.forUpdate().skipLocked())
          .updateTable('outbox')
          .from('due')
          .set(claim)
          .whereRef('outbox.id', '=', 'due.id')
          .returningAll('outbox')
          .execute()
      : await db
          .updateTable('outbox')
          .set(claim)
          .where('id', 'in', due)
          .where('status', '=', 'pending')
          .returningAll()
          .execute();
  return rows
    .sort((a, b) =>
      a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1,
    )
    .map(messageFromRow);
}

/** A claimed row was delivered (`sent`) or written to the log (`logged`). */
export function markDeliveredQuery(
  db: Kysely<DB>,
  id: string,
  status: 'sent' | 'logged',
  at: string,
): CompiledQuery {
  return db
    .updateTable('outbox')
    .set({ status, sent_at: at, last_error: null, lease_owner: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .compile();
}

/** A claimed row's attempt failed: due again at `retryAt`, or — with no retry left (null) — `failed`, keeping its error. */
export function markAttemptFailedQuery(
  db: Kysely<DB>,
  id: string,
  error: string,
  retryAt: string | null,
  at: string,
): CompiledQuery {
  return db
    .updateTable('outbox')
    .set({
      status: retryAt === null ? 'failed' : 'pending',
      last_error: error,
      next_attempt_at: retryAt ?? at,
      lease_owner: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .compile();
}

/** Puts a failed row back in the queue with a fresh set of attempts, due at `at`; its last error stays until the next attempt. */
export function requeueFailedQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .compile();
}

/** One outbox message by id, or undefined. */
export async function findOutbox(db: Kysely<DB>, id: string): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && messageFromRow(row);
}

/** Outbox rows, oldest first, of one status when given, at most `limit`. */
export async function listOutbox(
  db: Kysely<DB>,
  filter: { status?: OutboxStatus; departmentId?: string; limit: number },
): Promise<OutboxMessage[]> {
  let q = db.selectFrom('outbox').selectAll();
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  return (await q.orderBy('created_at').orderBy('id').limit(filter.limit).execute()).map(
    messageFromRow,
  );
}

/**
 * Gives back the leases an instance held before it restarted: its claimed rows are due again now
 * (their attempt stays counted), instead of waiting out the lease a crash left behind.
 */
export async function releaseLeasesOf(db: Kysely<DB>, owner: string, now: string): Promise<number> {
  const r = await db
    .updateTable('outbox')
    .set({ next_attempt_at: now, lease_owner: null })
    .where('status', '=', 'pending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
