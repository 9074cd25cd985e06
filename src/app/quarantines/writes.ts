import type { CompiledQuery } from 'kysely';
import { bumpDataVersionQuery, isDataVersionConflict } from '../../db/repos/departments.ts';
import {
  cancelShiftQuery,
  insertIdempotencyKeyQuery,
  insertQuarantineQuery,
  liftQuarantineQuery,
  restoreShiftQuery,
} from '../../db/repos/quarantines.ts';
import { coverSwapQuery, handBackSwapsQueries } from '../../db/repos/swaps.ts';
import type { CapacityEffect } from '../../domain/capacity/index.ts';
import type { LiftPlan } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Department } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { planChanged, type Failure } from '../failure.ts';
import { quarantineNotices } from './notices.ts';
import type { MarkDecision } from './decide.ts';
import type { LiftSnapshot } from './snapshot.ts';
import { bridgingWrites, coverQueries, coverShifts, swapWrites } from './swaps.ts';

/**
 * Writes `writes` in one atomic batch, then answers with `answer`. The batch carries the bump of the
 * department's data version read with the plan: when another change came first, nothing is written
 * and the answer is a 409 to send the request again.
 */
export async function commitUnlessPlanChanged<T>(
  deps: Deps,
  writes: CompiledQuery[],
  answer: () => T | Promise<T>,
  onError: (e: unknown) => Promise<Result<T, Failure>> | null = () => null,
): Promise<Result<T, Failure>> {
  try {
    await deps.atomic(writes);
  } catch (e) {
    const handled = onError(e);
    if (handled) return handled;
    if (isDataVersionConflict(e)) return err(planChanged());
    throw e;
  }
  return ok(await answer());
}

/** The guard of a decision: the department's data version as read, bumped by the write. */
export const planVersionGuard = (deps: Deps, department: Department): CompiledQuery =>
  bumpDataVersionQuery(deps.db, department.id, department.dataVersion);

/**
 * Everything a lift writes, for one atomic batch: the lift itself, the days handed back and the
 * covers they end, the once-uncovered slots covered now, the bridging rule after the office days
 * teams gained, the notices, the plan-version guard and the audit entry.
 */
export function liftWrites(
  deps: Deps,
  snap: LiftSnapshot,
  plan: LiftPlan,
  capacity: CapacityEffect,
  actor: Actor,
): CompiledQuery[] {
  const { at } = snap;
  const q = snap.quarantine;
  const fills = snap.rotation
    ? coverShifts(
        deps,
        plan.fills.map((f) => f.shift),
      )
    : [];
  return [
    liftQuarantineQuery(deps.db, q.id, plan.liftedFrom, actor.tokenId, at),
    ...plan.handBack.flatMap((hb) => [
      ...(hb.cancelShiftId ? [cancelShiftQuery(deps.db, hb.cancelShiftId, 'handed back', at)] : []),
      restoreShiftQuery(deps.db, hb.restoreShiftId, at),
    ]),
    ...handBackSwapsQueries(deps.db, plan.endedSwapIds, at),
    ...(snap.rotation ? coverQueries(deps, snap.rotation.id, fills, at) : []),
    ...plan.fills.map((f, i) => coverSwapQuery(deps.db, f.swapId, f.shift.teamId, fills[i]!.id)),
    ...bridgingWrites(deps, snap.rotation?.memberships ?? [], plan.gained, snap.exposureWindowDays),
    ...quarantineNotices(
      deps,
      snap.department,
      { ...q, liftedAt: at, liftedFrom: plan.liftedFrom },
      'lifted',
      plan.handBack.map((h) => ({
        date: h.date,
        fromTeamId: h.fromTeamId ?? '',
        toTeamId: h.teamId,
      })),
      at,
      snap.directory,
      capacity.capacitySet ? { newShortageDates: capacity.newShortageDates } : undefined,
    ),
    planVersionGuard(deps, snap.department),
    auditEntry(
      deps,
      actor,
      at,
      'quarantine.lift',
      { type: 'quarantine', id: q.id },
      {
        liftedFrom: plan.liftedFrom,
        handedBack: plan.handBack.map((h) => h.date),
        kept: plan.kept.map((k) => k.date),
      },
    ),
  ];
}

/**
 * Everything a mark writes, for one atomic batch: the Idempotency-Key claim, the quarantines,
 * each rotation's cancelled and covering shifts and swaps, the notices (the chief hears of the
 * capacity effect once, with the first; none for a quarantine already over), the plan-version
 * guard and the audit entry.
 */
export function markWrites(
  deps: Deps,
  decided: MarkDecision,
  actor: Actor,
  idempotency: { key: string; requestHash: string } | null,
): CompiledQuery[] {
  const { department, fresh, at, effect } = decided;
  const requestId = fresh[0]!.id;
  const made = [...decided.planned].map(([rotationId, p]) =>
    swapWrites(
      deps,
      decided.states.get(rotationId)!,
      p.plans,
      at,
      decided.policy.exposureWindowDays,
    ),
  );
  const swaps = made.flatMap((m) => m.swaps);
  return [
    ...(idempotency
      ? [
          insertIdempotencyKeyQuery(
            deps.db,
            idempotency.key,
            idempotency.requestHash,
            requestId,
            at,
          ),
        ]
      : []),
    // The request's capacity effect is kept with its first quarantine, so that a replay answers the same.
    ...fresh.map((q, i) => insertQuarantineQuery(deps.db, q, i === 0 ? effect : null)),
    ...made.flatMap((m) => m.writes),
    // One that ended before today (recorded late, for the history) asks nobody to do anything.
    ...fresh.flatMap((q, i) =>
      q.effectiveFrom > q.endDate
        ? []
        : quarantineNotices(
            deps,
            department,
            q,
            'marked',
            swaps.filter((s) => s.quarantineId === q.id),
            at,
            decided.directory,
            i === 0 && effect.capacitySet
              ? { newShortageDates: effect.newShortageDates }
              : undefined,
          ),
    ),
    planVersionGuard(deps, department),
    auditEntry(
      deps,
      actor,
      at,
      'quarantine.mark',
      { type: 'quarantine', id: requestId },
      {
        quarantines: fresh.map((q) => ({
          id: q.id,
          subject: q.subject,
          teamId: q.teamId,
          memberId: q.memberId,
          startDate: q.startDate,
          endDate: q.endDate,
        })),
        reason: fresh[0]!.reason,
        idempotencyKey: idempotency?.key ?? null,
        newShortageDates: effect.newShortageDates,
      },
    ),
  ];
}
