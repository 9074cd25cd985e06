import { problem } from '../../domain/problems/index.ts';
import { overrideById, undoOverrideQuery } from '../../db/repos/overrides.ts';
import { cancelShiftQuery, restoreShiftQuery } from '../../db/repos/quarantines.ts';
import { planUndo, type UndoPlan } from '../../domain/override/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound, type Failure } from '../failure.ts';
import { bridgingWrites, coverQueries, coverShifts } from '../quarantines/index.ts';
import { coverSwapQuery, rotationSwapsOf } from '../../db/repos/swaps.ts';
import { openSlots, planFill, type Fill } from '../../domain/quarantine/index.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import { staleVersion } from '../rotations/index.ts';
import { commitDayChange, decideDayChange, shiftsAfter } from './change.ts';
import { loadOverrideSnapshot, type OverrideSnapshot } from './snapshot.ts';
import { refused, type OverrideOutcome } from './view.ts';

/**
 * Undoes an override before its day: the shifts it added are cancelled and those it cancelled are
 * scheduled again — refused (409) when the days changed since (a later override, a quarantine
 * swap), and (422) when putting them back would break an invariant (a team on standby since).
 */
export async function undoOverride(
  deps: Deps,
  actor: Actor,
  rotationId: string,
  overrideId: string,
  ifMatch: number | undefined,
  opts: { preview: boolean },
): Promise<Result<OverrideOutcome, Failure>> {
  const loaded = await loadOverrideSnapshot(deps, actor, rotationId, ifMatch);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const o = await overrideById(deps.db, overrideId);
  if (!o || o.rotationId !== rotationId)
    return err(notFound(`No override ${overrideId} of rotation ${rotationId}.`));
  const decided = planUndo(snap.ctx, o, snap.inForce);
  if (!decided.ok) {
    const f = refused(decided.refusals);
    return err(
      decided.changed && f.kind === 'invalid'
        ? conflict(
            'The days changed since the override; it stays as it is.',
            f.errors,
            problem('days-changed'),
          )
        : f,
    );
  }
  const plan = decided.plan;
  const restoredShifts = snap.shifts
    .filter((s) => plan.restore.includes(s.id))
    .map((s) => ({ ...s, status: 'scheduled' as const }));
  const back = shiftsAfter(
    snap.shifts.filter((s) => !plan.restore.includes(s.id)),
    plan.cancel,
    restoredShifts,
  );
  // A slot left without a team by a quarantine (and taken or closed by the override) goes, by the
  // swap rule, to a team that can take it now (a lift may have come meanwhile).
  const fills = await reopenedFills(deps, snap, o.dates, back, plan);
  const filled = coverShifts(
    deps,
    fills.map((f) => f.shift),
  );
  const after = [...back, ...filled];
  const restored = [...restoredShifts, ...filled];
  plan.moved.push(
    ...fills.map((f) => ({
      date: f.shift.date,
      slot: f.shift.slot,
      fromTeamId: null,
      toTeamId: f.shift.teamId,
    })),
  );
  const undone = { ...o, undoneAt: snap.at, undoneBy: actor.tokenId };
  const decidedChange = await decideDayChange(deps, snap, {
    kind: 'undone',
    shown: opts.preview ? o : undone,
    moved: plan.moved,
    after,
    closedDates: plan.closedDates,
    preview: opts.preview,
  });
  if (opts.preview) return ok(decidedChange.outcome);
  if (ifMatch === undefined) return err(staleVersion());
  return commitDayChange(
    deps,
    snap,
    ifMatch,
    decidedChange,
    o.kind === 'close' ? plan.closedDates : undefined,
    [
      ...plan.cancel.map((id) => cancelShiftQuery(deps.db, id, 'override undone', snap.at)),
      ...plan.restore.map((id) => restoreShiftQuery(deps.db, id, snap.at)),
      ...coverQueries(deps, rotationId, filled, snap.at),
      ...fills.map((f, i) => coverSwapQuery(deps.db, f.swapId, f.shift.teamId, filled[i]!.id)),
      undoOverrideQuery(deps.db, o.id, actor.tokenId, snap.at),
      ...bridgingWrites(deps, snap.memberships, restored, snap.exposureWindowDays),
    ],
    auditEntry(
      deps,
      actor,
      snap.at,
      'rotation.override-undo',
      { type: 'rotation', id: rotationId },
      {
        overrideId: o.id,
        kind: o.kind,
        dates: o.dates,
        moved: plan.moved,
        version: decidedChange.version,
      },
    ),
  );
}

async function reopenedFills(
  deps: Deps,
  snap: OverrideSnapshot,
  dates: readonly string[],
  shifts: ShiftRecord[],
  plan: UndoPlan,
): Promise<Fill[]> {
  const open = openSlots(await rotationSwapsOf(deps.db, snap.rotation.id), new Set()).filter((s) =>
    dates.includes(s.date),
  );
  if (!open.length) return [];
  const ctx = { ...snap.ctx, teams: [...snap.ctx.teams], outages: [...snap.ctx.outages] };
  return planFill({ ...ctx, shifts, closedDates: new Set(plan.closedDates) }, open);
}
