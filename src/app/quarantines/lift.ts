import { problem } from '../../domain/problems/index.ts';
import {
  planQuarantineLift,
  standbyWindowsOf,
  type LiftPlan,
  type LiftRefusal,
} from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { CapacityEffect } from '../../domain/capacity/index.ts';
import { capacityEffectOf } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, hrOnly, invalid, notDates, type Failure } from '../failure.ts';
import { loadLiftSnapshot, type LiftSnapshot } from './snapshot.ts';
import { quarantineView } from './view.ts';
import { commitUnlessPlanChanged, liftWrites } from './writes.ts';

/** The answer to a lift: what went back, what stayed, what got covered, and the lifted quarantine. */
export interface LiftOutcome {
  id: string;
  liftedFrom: string;
  /** Office days given back to the quarantined team, and by whom. */
  handedBack: { date: string; slot: number; fromTeamId: string | null; toTeamId: string }[];
  /** Days that stay with their covering team, and why. */
  kept: { date: string; slot: number; why: string }[];
  /** Once-uncovered slots (of any quarantine) that a team can take now. */
  covered: { date: string; slot: number; toTeamId: string }[];
  /** What the lift does to remote capacity from its date to the quarantine's end (the team back in the office, its covers back home). */
  capacityEffect: CapacityEffect;
  quarantine: ReturnType<typeof quarantineView>;
}

/** Ends a quarantine early: from `date` on, its days go back to the original team where every invariant allows. */
export async function liftQuarantine(
  deps: Deps,
  actor: Actor,
  id: string,
  date: string,
): Promise<Result<LiftOutcome, Failure>> {
  const planned = await planLift(deps, actor, id, date);
  if (!planned.ok) return planned;
  const { snap, plan, effect } = planned.value;
  return commitUnlessPlanChanged(deps, liftWrites(deps, snap, plan, effect, actor), () =>
    liftOutcome(snap, plan, effect, actor),
  );
}

/** What lifting from `date` would do (days handed back, kept, covered, capacity), computed without writing. */
export async function previewLift(
  deps: Deps,
  actor: Actor,
  id: string,
  date: string,
): Promise<Result<LiftOutcome, Failure>> {
  const planned = await planLift(deps, actor, id, date);
  if (!planned.ok) return planned;
  const { snap, plan, effect } = planned.value;
  return ok(liftOutcome(snap, plan, effect, actor));
}

/** The lift decided on the department's plan as read now: the same for its preview and its commit. */
async function planLift(
  deps: Deps,
  actor: Actor,
  id: string,
  date: string,
): Promise<Result<{ snap: LiftSnapshot; plan: LiftPlan; effect: CapacityEffect }, Failure>> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const badDate = notDates({ '/date': date });
  if (badDate.length) return err(invalid('A lift needs a date.', badDate));
  const snap = await loadLiftSnapshot(deps, id, date);
  if (!snap.ok) return snap;
  const plan = planQuarantineLift(snap.value, date);
  if (!plan.ok) return err(liftRefused(plan.error));
  return ok({
    snap: snap.value,
    plan: plan.value,
    effect: liftCapacityEffect(snap.value, plan.value),
  });
}

function liftRefused(refusal: LiftRefusal): Failure {
  switch (refusal.kind) {
    case 'already-lifted':
      return conflict(
        `This quarantine was already lifted from ${refusal.liftedFrom}.`,
        undefined,
        problem('already-lifted', { from: refusal.liftedFrom ?? '' }),
      );
    case 'before-today':
      return invalid('A lift cannot start in the past.', [
        {
          path: '/date',
          message: `is before today (${refusal.today}); past days are history`,
          ...problem('past-date', { today: refusal.today }),
        },
      ]);
    case 'after-end':
      return invalid('Nothing to lift.', [
        {
          path: '/date',
          message: `is after the quarantine's end (${refusal.endDate})`,
          ...problem('after-quarantine-end', { end: refusal.endDate }),
        },
      ]);
  }
}

/** What the lift does to remote capacity from its date to the quarantine's end. */
function liftCapacityEffect(snap: LiftSnapshot, plan: LiftPlan): CapacityEffect {
  const lifted = { ...snap.quarantine, liftedAt: snap.at, liftedFrom: plan.liftedFrom };
  // A lift that is not refused starts on or before the quarantine's end: its basis was read.
  return capacityEffectOf(snap.capacity!, {
    shifts: new Map(
      snap.rotation && plan.shiftsAfter ? [[snap.rotation.id, plan.shiftsAfter]] : [],
    ),
    windows: standbyWindowsOf([lifted], snap.rotation?.memberships ?? []),
  });
}

function liftOutcome(
  snap: LiftSnapshot,
  plan: LiftPlan,
  effect: CapacityEffect,
  actor: Actor,
): LiftOutcome {
  const lifted = {
    ...snap.quarantine,
    liftedAt: snap.at,
    liftedFrom: plan.liftedFrom,
    liftedBy: actor.tokenId,
  };
  return {
    id: snap.quarantine.id,
    liftedFrom: plan.liftedFrom,
    handedBack: plan.handBack.map((h) => ({
      date: h.date,
      slot: h.slot,
      fromTeamId: h.fromTeamId,
      toTeamId: h.teamId,
    })),
    kept: plan.kept,
    covered: plan.fills.map((f) => ({
      date: f.shift.date,
      slot: f.shift.slot,
      toTeamId: f.shift.teamId,
    })),
    capacityEffect: effect,
    quarantine: quarantineView(lifted, snap.today),
  };
}
