import type { CompiledQuery } from 'kysely';
import { insertAuditQuery } from '../../db/repos/audit.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';

/** The audit entry for one write, to run in the same atomic batch as the write itself. */
export function auditEntry(
  deps: Deps,
  actor: Actor,
  at: string,
  action: string,
  subject: { type: string; id: string },
  summary: Record<string, unknown>,
): CompiledQuery {
  return insertAuditQuery(deps.db, {
    id: deps.newId(),
    at,
    actor: { tokenId: actor.tokenId, role: actor.role },
    action,
    subject: { type: subject.type, id: subject.id },
    summary,
  });
}
