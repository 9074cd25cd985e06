import type { CompiledQuery, Kysely } from 'kysely';
import type { AuditRow, DB, NewAuditRow } from '../schema.ts';

export function insertAuditQuery(db: Kysely<DB>, row: NewAuditRow): CompiledQuery {
  return db.insertInto('audit_log').values(row).compile();
}

/** Audit entries with from ≤ at < to (ISO instants), oldest first, at most `limit`. */
export function listAudit(
  db: Kysely<DB>,
  range: { from?: string; to?: string; limit: number },
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (range.from) q = q.where('at', '>=', range.from);
  if (range.to) q = q.where('at', '<', range.to);
  return q.orderBy('at').orderBy('id').limit(range.limit).execute();
}
