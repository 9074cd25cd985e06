import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { forbidden, type Failure } from '../failure.ts';
import { auditEntry } from './entry.ts';
import { listAuditEntries, type AuditFilter } from './list.ts';
import type { AuditView } from './view.ts';

const HEADER = ['at', 'role', 'tokenId', 'action', 'subjectType', 'subjectId', 'summary'];

/** One CSV cell: quoted when it must be, and never read by a spreadsheet as a formula. */
function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Audit entries as CSV, UTF-8 with BOM (as Excel in Japan opens it), CRLF line ends. */
export function auditCsv(entries: AuditView[]): string {
  const rows = entries.map((e) => [
    e.at,
    e.actor.role,
    e.actor.tokenId,
    e.action,
    e.subject.type,
    e.subject.id,
    JSON.stringify(e.summary),
  ]);
  return `\uFEFF${[HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The audit log as CSV (admin, HR). Taking a copy of who did what is itself recorded: the export
 * is audited with its filter and how many entries it held.
 */
export async function exportAuditCsv(
  deps: Deps,
  actor: Actor,
  filter: AuditFilter,
): Promise<Result<string, Failure>> {
  if (actor.role !== 'admin' && actor.role !== 'hr')
    return err(forbidden('Only admin and HR read the audit log.'));
  const entries = await listAuditEntries(deps, filter);
  const at = deps.now().toISOString();
  const { limit, ...given } = filter;
  const summary: Record<string, unknown> = { entries: entries.length, limit };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) summary[k] = v;
  await deps.atomic([
    auditEntry(deps, actor, at, 'audit.export', { type: 'audit', id: 'log' }, summary),
  ]);
  return ok(auditCsv(entries));
}
