import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { decideQuarantine } from './decision.ts';
import type { QuarantineRequest } from './targets.ts';
import { quarantineView } from './views.ts';
import { ok } from '../../domain/result.ts';

/** What marking this quarantine would do (swaps, uncovered days, capacity effect), computed without writing. */
export async function previewQuarantine(deps: Deps, actor: Actor, req: QuarantineRequest) {
  const decided = await decideQuarantine(deps, actor, req);
  if (!decided.ok) return decided;
  const { rows, swaps, today, effect } = decided.value;
  const swapView = swaps.map((s) => ({
    date: s.date,
    slot: s.slot,
    fromTeamId: s.from_team_id,
    toTeamId: s.to_team_id,
    quarantineId: s.quarantine_id,
  }));
  return ok({
    quarantines: rows.map((r) => quarantineView(r, today)),
    swaps: swapView,
    uncovered: [...new Set(swapView.filter((s) => s.toTeamId === null).map((s) => s.date))].sort(),
    capacityEffect: effect,
  });
}
