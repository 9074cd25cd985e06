import { effectiveEnd } from '../../domain/quarantine/index.ts';
import {
  quarantineOf,
  quarantinesOfRequest,
  storedCapacityEffect,
  swapsOf,
} from '../../db/repos/quarantines.ts';
import type { QuarantineRow } from '../../db/schema.ts';
import type { CapacityEffect } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';

/** A quarantine as HR and admin see it (with its reason: never shown to staff). */
export function quarantineView(q: QuarantineRow, today: string) {
  return {
    id: q.id,
    departmentId: q.department_id,
    subject: q.subject as 'team' | 'member',
    teamId: q.team_id,
    memberId: q.member_id,
    rotationId: q.rotation_id,
    startDate: q.start_date,
    endDate: q.end_date,
    effectiveFrom: q.effective_from,
    reason: q.reason,
    positiveMemberId: q.positive_member_id,
    onsetDate: q.onset_date,
    markedBy: q.marked_by,
    markedAt: q.marked_at,
    liftedAt: q.lifted_at,
    liftedFrom: q.lifted_from,
    active: effectiveEnd(quarantineOf(q)) >= today,
  };
}

/** The answer to a quarantine request, rebuilt from what is stored: a replay answers the same. */
export async function requestResponse(deps: Deps, requestId: string, today: string) {
  const rows = await quarantinesOfRequest(deps.db, requestId);
  const swaps = await swapsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const primary = rows.find((r) => r.id === requestId) ?? rows[0]!;
  const swapView = swaps.map((s) => ({
    date: s.date,
    slot: s.slot,
    fromTeamId: s.from_team_id,
    toTeamId: s.to_team_id,
    quarantineId: s.quarantine_id,
  }));
  return {
    ...quarantineView(primary, today),
    quarantines: rows.map((r) => quarantineView(r, today)),
    swaps: swapView,
    uncovered: [...new Set(swapView.filter((s) => s.toTeamId === null).map((s) => s.date))].sort(),
    // Requests marked before remote capacity was tracked have none.
    capacityEffect: storedCapacityEffect(primary) as CapacityEffect | null,
  };
}
