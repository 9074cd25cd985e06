import type { QuarantineRow, SwapRow } from '../../db/schema.ts';
import { quarantineOf } from '../../db/repos/quarantines.ts';
import { dateRangeIssue, maxDate, minDate } from '../../domain/calendar/index.ts';
import {
  type Policy,
  planQuarantineMark,
  standbyWindowsOf,
  type OutageSwaps,
} from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import {
  capacityEffectOf,
  loadCapacityBasis,
  type CapacityBasis,
  type CapacityEffect,
} from '../capacity/index.ts';
import type { Deps } from '../deps.ts';
import { hrOnly, invalid, notDates, type Failure } from '../failure.ts';
import { loadOrgSettings } from '../settings/index.ts';
import { newQuarantineRow } from './context.ts';
import { loadNoticeDirectory, type NoticeDirectory } from './notify.ts';
import { loadRotationStates, type RotationState } from './rotation-state.ts';
import { badRequest, loadTargets, type QuarantineRequest, type Targets } from './targets.ts';

/** The longest quarantine a request may mark (a year; the policy's default is 14 days). */
export const MAX_QUARANTINE_DAYS = 366;

/** Everything a quarantine request is decided on, read once; the new rows carry their new ids. */
export interface MarkSnapshot extends Targets {
  at: string;
  policy: Policy;
  /** The new quarantines, the one named first; the capacity effect is kept with it. */
  rows: QuarantineRow[];
  states: Map<string, RotationState>;
  directory: NoticeDirectory;
  capacity: CapacityBasis;
}

/** A quarantine request decided: what a preview shows and a mark writes. */
export interface MarkDecision extends MarkSnapshot {
  /** Per rotation: each new outage's swaps, and the shifts after them. */
  planned: Map<string, { plans: OutageSwaps[]; shifts: ShiftRecord[] }>;
  /** The swaps, as the answer lists them. */
  swaps: Pick<SwapRow, 'date' | 'slot' | 'from_team_id' | 'to_team_id' | 'quarantine_id'>[];
  effect: CapacityEffect;
}

/**
 * Decides a quarantine request without writing: who stays home, the quarantine rows, each
 * rotation's swaps, and what it does to remote capacity over its window.
 */
export async function decideQuarantine(
  deps: Deps,
  actor: Actor,
  req: QuarantineRequest,
): Promise<Result<MarkDecision, Failure>> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const problem = requestProblem(req);
  if (problem) return err(problem);
  const snap = await loadMarkSnapshot(deps, actor, req);
  if (!snap.ok) return snap;
  const planned = planQuarantineMark({
    today: snap.value.today,
    existing: snap.value.existing.map(quarantineOf),
    fresh: snap.value.rows.map(quarantineOf),
    rotations: snap.value.states,
    returnSeparationDays: snap.value.policy.returnSeparationDays,
  });
  const effect = markCapacityEffect(snap.value, planned);
  // Kept with the request, so that a replay answers the same.
  snap.value.rows[0]!.capacity_effect = JSON.stringify(effect);
  return ok({ ...snap.value, planned, swaps: swapsOf(planned), effect });
}

/** Reads who the request keeps home, then their rotations, the notice directory and remote demand. */
async function loadMarkSnapshot(
  deps: Deps,
  actor: Actor,
  req: QuarantineRequest,
): Promise<Result<MarkSnapshot, Failure>> {
  const settings = await loadOrgSettings(deps);
  const found = await loadTargets(deps, req, settings.policy);
  if (!found.ok) return found;
  const { department, existing } = found.value;
  const at = deps.now().toISOString();
  const rows = quarantineRows(deps, found.value, req, actor, at);
  const window = {
    from: rows.map((r) => r.effective_from).reduce(minDate),
    to: rows.map((r) => r.end_date).reduce(maxDate),
  };
  const [states, capacity] = await Promise.all([
    loadRotationStates(
      deps,
      rows.flatMap((r) => (r.rotation_id ? [r.rotation_id] : [])),
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
    rows,
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
    windows: standbyWindowsOf(snap.rows.map(quarantineOf), memberships),
  });
}

const swapsOf = (planned: MarkDecision['planned']): MarkDecision['swaps'] =>
  [...planned.values()].flatMap((p) =>
    p.plans.flatMap((plan) =>
      plan.swaps.map((s) => ({
        date: s.date,
        slot: s.slot,
        from_team_id: s.fromTeamId,
        to_team_id: s.toTeamId,
        quarantine_id: plan.quarantineId,
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
      return badRequest('/endDate', 'is before startDate');
    case 'too-long':
      return badRequest('/endDate', `is more than ${MAX_QUARANTINE_DAYS} days from startDate`);
    default:
      return null;
  }
}

/** The new quarantine rows of a request, each of its request (the first one's id). */
function quarantineRows(
  deps: Deps,
  found: Targets,
  req: QuarantineRequest,
  actor: Actor,
  at: string,
): QuarantineRow[] {
  const rows = found.targets.map((t) =>
    newQuarantineRow(
      {
        id: deps.newId(),
        department_id: found.department.id,
        subject: t.subject,
        team_id: t.teamId,
        member_id: t.memberId,
        rotation_id: t.rotationId,
        start_date: t.start,
        end_date: t.end,
        reason: req.reason?.trim() || null,
        positive_member_id: req.positiveMemberId ?? null,
        onset_date: req.onsetDate ?? null,
        request_id: null,
      },
      found.today,
      actor.tokenId,
      at,
    ),
  );
  for (const r of rows) r.request_id = rows[0]!.id;
  return rows;
}
