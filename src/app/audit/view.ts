import type { AuditEntry } from '../../db/repos/audit.ts';

/** The API's view of an audit entry. */
export function auditView(e: AuditEntry) {
  return {
    id: e.id,
    at: e.at,
    actor: { tokenId: e.actor.tokenId, role: e.actor.role },
    action: e.action,
    subject: { type: e.subject.type, id: e.subject.id },
    summary: e.summary,
  };
}
export type AuditView = ReturnType<typeof auditView>;
