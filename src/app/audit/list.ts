import { listAudit } from '../../db/repos/audit.ts';
import type { Deps } from '../deps.ts';
import { auditView, type AuditView } from './view.ts';

/** Audit entries with from ≤ at < to (ISO instants), oldest first, at most `limit` (admin; HR reads). */
export async function listAuditEntries(
  deps: Deps,
  range: { from?: string | undefined; to?: string | undefined; limit: number },
): Promise<AuditView[]> {
  return (await listAudit(deps.db, range)).map(auditView);
}
