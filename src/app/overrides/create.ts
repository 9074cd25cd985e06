import { problem } from '../../domain/problems/index.ts';
import { insertOverrideQuery } from '../../db/repos/overrides.ts';
import { cancelShiftQuery } from '../../db/repos/quarantines.ts';
import { insertShiftRecordsQueries } from '../../db/repos/shifts.ts';
import {
  planOverride,
  type OverrideRecord,
  type OverrideRequest,
} from '../../domain/override/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { invalid, notDates, type Failure } from '../failure.ts';
import { bridgingWrites, coverShifts } from '../quarantines/index.ts';
import { staleVersion } from '../rotations/index.ts';
import { commitDayChange, decideDayChange, shiftsAfter } from './change.ts';
import { loadOverrideSnapshot } from './snapshot.ts';
import { refused, type OverrideOutcome } from './view.ts';

/** The longest reason a close may give (it is shown to everyone in their calendar and messages). */
export const MAX_REASON = 200;

/**
 * A chief's single-day override of a published rotation (swap two days, give a day to another
 * team, close the office): refused with 422 naming the invariant and the day when it would break
 * one; with `preview` the effect (who is affected, remote capacity those days) without writing;
 * otherwise written in one batch with the rotation's and the department's versions, the bridging
 * rule, the notices and the audit entry.
 */
export async function createOverride(
  deps: Deps,
  actor: Actor,
  rotationId: string,
  ifMatch: number | undefined,
  req: OverrideRequest,
  opts: { preview: boolean },
): Promise<Result<OverrideOutcome, Failure>> {
  const problem = requestProblem(req);
  if (problem) return err(problem);
  const loaded = await loadOverrideSnapshot(deps, actor, rotationId, ifMatch);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const decided = planOverride(snap.ctx, normalised(req));
  if (!decided.ok) return err(refused(decided.refusals));
  const plan = decided.plan;
  const added = coverShifts(deps, plan.add);
  const record: OverrideRecord = {
    id: deps.newId(),
    rotationId,
    departmentId: snap.department.id,
    kind: plan.kind,
    dates: plan.dates,
    teamId: req.kind === 'assign' ? req.teamId : null,
    slot: req.kind === 'assign' ? (req.slot ?? null) : null,
    reason: req.kind === 'close' ? req.reason?.trim() || null : null,
    cancelledShiftIds: plan.cancel,
    addedShiftIds: added.map((s) => s.id),
    version: snap.rotation.version + 1,
    createdBy: actor.tokenId,
    createdAt: snap.at,
    undoneAt: null,
    undoneBy: null,
  };
  const decidedChange = await decideDayChange(deps, snap, {
    kind: 'created',
    shown: record,
    moved: plan.moved,
    after: shiftsAfter(snap.shifts, plan.cancel, added),
    closedDates: plan.closedDates,
    preview: opts.preview,
  });
  if (opts.preview) return ok(decidedChange.outcome);
  if (ifMatch === undefined) return err(staleVersion());
  const { version } = decidedChange;
  return commitDayChange(
    deps,
    snap,
    ifMatch,
    decidedChange,
    plan.kind === 'close' ? plan.closedDates : undefined,
    [
      ...plan.cancel.map((id) =>
        cancelShiftQuery(deps.db, id, plan.kind === 'close' ? 'closed' : 'override', snap.at),
      ),
      ...insertShiftRecordsQueries(deps.db, rotationId, added, snap.at, 'override'),
      insertOverrideQuery(deps.db, record),
      ...bridgingWrites(deps, snap.memberships, plan.add, snap.exposureWindowDays),
    ],
    auditEntry(
      deps,
      actor,
      snap.at,
      'rotation.override',
      { type: 'rotation', id: rotationId },
      {
        overrideId: record.id,
        kind: record.kind,
        dates: record.dates,
        teamId: record.teamId,
        slot: record.slot,
        reason: record.reason,
        moved: plan.moved,
        version,
      },
    ),
  );
}

/** The request's own shape (the pages call this without the API's schema check). */
function requestProblem(req: OverrideRequest): Failure | null {
  const kinds = ['swap', 'assign', 'close'];
  if (!req || !kinds.includes(req.kind))
    return invalid('The override is not valid.', [
      { path: '/kind', message: 'must be swap, assign or close', ...problem('kind') },
    ]);
  if (req.kind === 'swap') {
    if (!Array.isArray(req.dates) || req.dates.length !== 2)
      return invalid('The override is not valid.', [
        { path: '/dates', message: 'must be two dates', ...problem('dates') },
      ]);
    const bad = notDates({ '/dates/0': req.dates[0], '/dates/1': req.dates[1] });
    return bad.length ? invalid('The override is not valid.', bad) : null;
  }
  const bad = notDates({ '/date': req.date ?? '' });
  if (bad.length) return invalid('The override is not valid.', bad);
  if (req.kind === 'assign' && !req.teamId)
    return invalid('The override is not valid.', [
      { path: '/teamId', message: 'is required', ...problem('required') },
    ]);
  if (req.kind === 'close' && (req.reason?.length ?? 0) > MAX_REASON)
    return invalid('The override is not valid.', [
      {
        path: '/reason',
        message: `at most ${MAX_REASON} characters`,
        ...problem('too-long', { max: MAX_REASON }),
      },
    ]);
  return null;
}

const normalised = (req: OverrideRequest): OverrideRequest =>
  req.kind === 'swap' ? { kind: 'swap', dates: [req.dates[0], req.dates[1]] } : req;
