import { problem } from '../../domain/problems/index.ts';
import { dateRangeIssue, maxDate, minDate } from '../../domain/calendar/index.ts';
import {
  newQuarantine,
  type Policy,
  planQuarantineMark,
  type QuarantineRecord,
  standbyWindowsOf,
  type OutageSwaps,
} from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { CapacityEffect } from '../../domain/capacity/index.ts';
import { capacityEffectOf, loadCapacityBasis, type CapacityBasis } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';
import { hrOnly, invalid, notDates, type Failure } from '../failure.ts';
import { loadOrgSettings } from '../settings/index.ts';
import { loadNoticeDirectory, type NoticeDirectory } from './notices.ts';
import { loadRotationStates, type RotationState } from './rotation-state.ts';
import { badRequest, loadTargets, type QuarantineRequest, type Targets } from './targets.ts';
import type { SwapView } from './view.ts';

/** The longest quarantine a request may mark (a year; the policy's default is 14 days). */
export const MAX_QUARANTINE_DAYS = 366;

/** Everything a quarantine request is decided on, read once; the new quarantines carry their new ids. */
export interface MarkSnapshot extends Targets {
  at: string;
  policy: Policy;
  /** The new quarantines, the one named first (its id is the request's). */
  fresh: QuarantineRecord[];
  states: Map<string, RotationState>;
  directory: NoticeDirectory;
  capacity: CapacityBasis;
}

/** A request that adds no day to what is marked: the quarantine that already keeps them home. */
export interface Unchanged {
  nothingNew: QuarantineRecord;
  today: string;
}

/** A quarantine request decided: what a preview shows and a mark writes. */
export interface MarkDecision extends MarkSnapshot {
  /** Per rotation: each new outage's swaps, and the shifts after them. */
  planned: Map<string, { plans: OutageSwaps[]; shifts: ShiftRecord[] }>;
  /** The swaps, as the answer lists them. */
  swaps: SwapView[];
  /** Kept with the request's first quarantine, so that a replay answers the same. */
  effect: CapacityEffect;
}

/**
 * Decides a quarantine request without writing: who stays home, the new quarantines, each
 * rotation's swaps, and what it does to remote capacity over its window.
 */
export async function decideQuarantine(
  deps: Deps,
  actor: Actor,
  req: QuarantineRequest,
): Promise<Result<MarkDecision | Unchanged, Failure>> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const problem = requestProblem(req);
  if (problem) return err(problem);
  const snap = await loadMarkSnapshot(deps, actor, req);
  if (!snap.ok || 'nothingNew' in snap.value) return snap as Result<Unchanged, Failure>;
  const s = snap.value;
  const planned = planQuarantineMark({
    today: s.today,
    existing: s.existing,
    fresh: s.fresh,
    rotations: s.states,
    returnSeparationDays: s.policy.returnSeparationDays,
  });
  const effect = markCapacityEffect(s, planned);
  return ok({ ...s, planned, swaps: swapsOf(planned), effect });
}

/** Reads who the request keeps home, then their rotations, the notice directory and remote demand. */
async function loadMarkSnapshot(
  deps: Deps,
  actor: Actor,
  req: QuarantineRequest,
): Promise<Result<MarkSnapshot | Unchanged, Failure>> {
  const settings = await loadOrgSettings(deps);
  const found = await loadTargets(deps, req, settings.policy);
  if (!found.ok) return found;
  if (!found.value.targets.length)
    return ok({ nothingNew: found.value.unchanged!, today: found.value.today });
  const { department, existing } = found.value;
  const at = deps.now().toISOString();
  const fresh = newQuarantines(deps, found.value, req, actor, at);
  const window = {
    from: fresh.map((q) => q.effectiveFrom).reduce(minDate),
    to: fresh.map((q) => q.endDate).reduce(maxDate),
  };
  const [states, capacity] = await Promise.all([
    loadRotationStates(
      deps,
      fresh.flatMap((q) => (q.rotationId ? [q.rotationId] : [])),
      found.value.memberships,
    ),
    loadCapacityBasis(deps, department.id, window, {
      settings: settings.capacity,
      quarantines: existing,
    }),
  ]);
  const directory = await loadNoticeDirectory(deps, department, states);
  return ok({
    ...found.value,
    at,
    policy: settings.policy,
    fresh,
    states,
    directory,
    capacity,
  });
}

/** What the new quarantines do to remote capacity over their window. */
function markCapacityEffect(snap: MarkSnapshot, planned: MarkDecision['planned']): CapacityEffect {
  const memberships = [...snap.states.values()].flatMap((s) => s.memberships);
  return capacityEffectOf(snap.capacity, {
    shifts: new Map([...planned].map(([id, p]) => [id, p.shifts])),
    windows: standbyWindowsOf(snap.fresh, memberships),
  });
}

const swapsOf = (planned: MarkDecision['planned']): MarkDecision['swaps'] =>
  [...planned.values()].flatMap((p) =>
    p.plans.flatMap((plan) =>
      plan.swaps.map((s) => ({
        date: s.date,
        slot: s.slot,
        fromTeamId: s.fromTeamId,
        toTeamId: s.toTeamId,
        quarantineId: plan.quarantineId,
      })),
    ),
  );

function requestProblem(req: QuarantineRequest): Failure | null {
  const badDates = notDates({
    '/startDate': req.startDate,
    '/endDate': req.endDate,
    '/onsetDate': req.onsetDate,
  });
  if (badDates.length) return invalid('The quarantine request is not valid.', badDates);
  if (!req.startDate || !req.endDate) return null;
  // The window is at most MAX_QUARANTINE_DAYS days long, both ends counted.
  switch (dateRangeIssue(req.startDate, req.endDate, MAX_QUARANTINE_DAYS - 1)) {
    case 'empty':
      return badRequest(
        '/endDate',
        'is before startDate',
        problem('end-before-start', { start: req.startDate }),
      );
    case 'too-long':
      return badRequest(
        '/endDate',
        `is more than ${MAX_QUARANTINE_DAYS} days from startDate`,
        problem('quarantine-too-long', { days: MAX_QUARANTINE_DAYS }),
      );
    default:
      return null;
  }
}

/** The new quarantines of a request, each of its request (the first one's id). */
function newQuarantines(
  deps: Deps,
  found: Targets,
  req: QuarantineRequest,
  actor: Actor,
  at: string,
): QuarantineRecord[] {
  const ids = found.targets.map(() => deps.newId());
  return found.targets.map((t, i) =>
    newQuarantine(
      {
        id: ids[i]!,
        departmentId: found.department.id,
        subject: t.subject,
        teamId: t.teamId,
        memberId: t.memberId,
        rotationId: t.rotationId,
        startDate: t.start,
        endDate: t.end,
        reason: req.reason?.trim() || null,
        positiveMemberId: req.positiveMemberId ?? null,
        onsetDate: req.onsetDate ?? null,
        requestId: ids[0]!,
      },
      found.today,
      actor.tokenId,
      at,
    ),
  );
}
