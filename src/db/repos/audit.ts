import type { CompiledQuery, Kysely } from 'kysely';
import { fromJson, toJson } from '../json.ts';
import type { AuditRow, DB } from '../schema.ts';
import type { Role } from '../../domain/types.ts';

/** One write as the audit log keeps it: who, when, what, on which subject, with a summary. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { tokenId: string; role: Role };
  action: string;
  subject: { type: string; id: string };
  summary: Record<string, unknown>;
}

/** Which entries to read: a range of instants, at most `limit`, optionally one action and one role. */
export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  role?: Role | undefined;
  limit: number;
}

const auditFromRow = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: { tokenId: r.actor_id, role: r.actor_role },
  action: r.action,
  subject: { type: r.subject_type, id: r.subject_id },
  summary: fromJson(r.summary),
});

/** Writes an audit entry, to run in the same atomic batch as the write it records. */
export function insertAuditQuery(db: Kysely<DB>, e: AuditEntry): CompiledQuery {
  return db
    .insertInto('audit_log')
    .values({
      id: e.id,
      at: e.at,
      actor_id: e.actor.tokenId,
      actor_role: e.actor.role,
      action: e.action,
      subject_type: e.subject.type,
      subject_id: e.subject.id,
      summary: toJson(e.summary),
    })
    .compile();
}

/** Audit entries with from ≤ at < to (ISO instants), oldest first, at most `limit`; optionally one action, one role. */
export async function listAudit(db: Kysely<DB>, range: AuditFilter): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (range.from) q = q.where('at', '>=', range.from);
  if (range.to) q = q.where('at', '<', range.to);
  if (range.action) q = q.where('action', '=', range.action);
  if (range.role) q = q.where('actor_role', '=', range.role);
  return (await q.orderBy('at').orderBy('id').limit(range.limit).execute()).map(auditFromRow);
}

/** Every action the log holds, for a filter's choices. */
export async function auditActions(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute();
  return rows.map((r) => r.action);
}
