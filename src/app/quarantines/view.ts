import { quarantinesOfRequest, requestCapacityEffect } from '../../db/repos/quarantines.ts';
import { swapsOf } from '../../db/repos/swaps.ts';
import { effectiveEnd, type QuarantineRecord } from '../../domain/quarantine/index.ts';
import type { Deps } from '../deps.ts';

/** A quarantine as HR and admin see it (with its reason: never shown to staff). */
export function quarantineView(q: QuarantineRecord, today: string) {
  return {
    id: q.id,
    departmentId: q.departmentId,
    subject: q.subject,
    teamId: q.teamId,
    memberId: q.memberId,
    rotationId: q.rotationId,
    startDate: q.startDate,
    endDate: q.endDate,
    effectiveFrom: q.effectiveFrom,
    reason: q.reason,
    positiveMemberId: q.positiveMemberId,
    onsetDate: q.onsetDate,
    markedBy: q.markedBy,
    markedAt: q.markedAt,
    liftedAt: q.liftedAt,
    liftedFrom: q.liftedFrom,
    active: effectiveEnd(q) >= today,
  };
}

/** What a quarantine is on a day: in force, not yet begun, lifted (from `liftedFrom`), or over. */
export type QuarantineState = 'active' | 'scheduled' | 'lifted' | 'ended';

/** The state of a quarantine on `today` (a lift names the date it took effect, whether or not that has come). */
export function quarantineState(
  q: { startDate: string; endDate: string; liftedFrom: string | null },
  today: string,
): QuarantineState {
  if (q.liftedFrom !== null) return 'lifted';
  if (q.endDate < today) return 'ended';
  return q.startDate > today ? 'scheduled' : 'active';
}

/** A slot a quarantine moved, as the answers list it. */
export interface SwapView {
  date: string;
  slot: number;
  fromTeamId: string;
  toTeamId: string | null;
  quarantineId: string;
}

/** The swaps as the answers list them. */
export const swapViews = (swaps: readonly SwapView[]): SwapView[] =>
  swaps.map((s) => ({
    date: s.date,
    slot: s.slot,
    fromTeamId: s.fromTeamId,
    toTeamId: s.toTeamId,
    quarantineId: s.quarantineId,
  }));

/** The dates some slot of the swaps found no team, in order. */
export const uncoveredDates = (swaps: readonly SwapView[]): string[] =>
  [...new Set(swaps.filter((s) => s.toTeamId === null).map((s) => s.date))].sort();

/** The slots no healthy team could take, by date and slot. */
export const uncoveredSlots = (swaps: readonly SwapView[]): { date: string; slot: number }[] =>
  swaps
    .filter((s) => s.toTeamId === null)
    .map((s) => ({ date: s.date, slot: s.slot }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.slot - b.slot));

/** The answer to a quarantine request, rebuilt from what is stored: a replay answers the same. */
export async function requestResponse(deps: Deps, requestId: string, today: string) {
  const [quarantines, capacityEffect] = await Promise.all([
    quarantinesOfRequest(deps.db, requestId),
    requestCapacityEffect(deps.db, requestId),
  ]);
  const swaps = swapViews(
    await swapsOf(
      deps.db,
      quarantines.map((q) => q.id),
    ),
  );
  const primary = quarantines.find((q) => q.id === requestId) ?? quarantines[0]!;
  return {
    ...quarantineView(primary, today),
    quarantines: quarantines.map((q) => quarantineView(q, today)),
    swaps,
    uncovered: uncoveredDates(swaps),
    uncoveredSlots: uncoveredSlots(swaps),
    // Requests marked before remote capacity was tracked have none.
    capacityEffect,
  };
}
