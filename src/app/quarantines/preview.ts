import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { decideQuarantine } from './decide.ts';
import type { QuarantineRequest } from './targets.ts';
import { quarantineView, uncoveredDates, uncoveredSlots } from './view.ts';
import { ok } from '../../domain/result.ts';

/** What marking this quarantine would do (swaps, uncovered days, capacity effect), computed without writing. */
export async function previewQuarantine(deps: Deps, actor: Actor, req: QuarantineRequest) {
  const decided = await decideQuarantine(deps, actor, req);
  if (!decided.ok) return decided;
  if ('nothingNew' in decided.value)
    return ok({
      alreadyMarked: quarantineView(decided.value.nothingNew, decided.value.today),
      quarantines: [],
      swaps: [],
      uncovered: [],
      uncoveredSlots: [],
      capacityEffect: null,
    });
  const { fresh, swaps, today, effect } = decided.value;
  return ok({
    alreadyMarked: null,
    quarantines: fresh.map((q) => quarantineView(q, today)),
    swaps,
    uncovered: uncoveredDates(swaps),
    uncoveredSlots: uncoveredSlots(swaps),
    capacityEffect: effect,
  });
}
