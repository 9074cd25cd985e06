import type { TeamOutage } from '../domain/quarantine-swap.ts';
import { effectiveEnd, type StandbyWindow } from '../domain/standby.ts';
import { listQuarantines } from '../db/repos/quarantines.ts';
import type { QuarantineRow } from '../db/schema.ts';
import type { Deps } from './deps.ts';

/** The days a quarantine keeps its subject home, as the schedule, feeds and swaps see them. */
export const windowOf = (q: QuarantineRow): StandbyWindow => ({ quarantineId: q.id, teamId: q.team_id, memberId: q.member_id, from: q.effective_from, to: effectiveEnd(q) });

/** Every quarantine window of a department (past ones too: history shows them). */
export async function standbyWindows(deps: Deps, departmentId: string, range?: { from: string; to: string }): Promise<StandbyWindow[]> {
  return (await listQuarantines(deps.db, departmentId, range)).map(windowOf).filter((w) => w.from <= w.to);
}

/** The team outages in force in a rotation, for the swap rule. */
export function teamOutages(rows: QuarantineRow[], rotationId: string): TeamOutage[] {
  return rows
    .filter((q) => q.subject === 'team' && q.rotation_id === rotationId)
    .map((q) => ({ quarantineId: q.id, teamId: q.team_id!, from: q.effective_from, to: effectiveEnd(q) }))
    .filter((o) => o.from <= o.to);
}
