import { auditActions, listAudit, type AuditFilter } from '../../db/repos/audit.ts';
import type { Deps } from '../deps.ts';
import { auditView, type AuditView } from './view.ts';

export type { AuditFilter };

/** Audit entries with from ≤ at < to (ISO instants), oldest first, at most `limit`, optionally of one action or role (admin; HR reads). */
export async function listAuditEntries(deps: Deps, range: AuditFilter): Promise<AuditView[]> {
  return (await listAudit(deps.db, range)).map(auditView);
}

/** The actions the audit log holds (a filter's choices). */
export const knownAuditActions = (deps: Deps): Promise<string[]> => auditActions(deps.db);
