import type { CompiledQuery } from 'kysely';
import { bumpVersionQuery, isVersionConflict } from '../../db/repos/rotations.ts';
import type { MovedSlot, OverrideRecord } from '../../domain/override/index.ts';
import { err, type Result } from '../../domain/result.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import { capacityEffectOf, loadCapacityBasis } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { commitUnlessPlanChanged, planVersionGuard } from '../quarantines/index.ts';
import { staleVersion } from '../rotations/index.ts';
import { affectedPeople, overrideNoticeQueries, type OverrideChange } from './notices.ts';
import type { OverrideSnapshot } from './snapshot.ts';
import { overrideOutcome, type OverrideOutcome } from './view.ts';

/** The rotation's shifts after a change: `cancel` cancelled, `added` scheduled. */
export function shiftsAfter(
  shifts: readonly ShiftRecord[],
  cancel: readonly string[],
  added: readonly ShiftRecord[],
): ShiftRecord[] {
  const gone = new Set(cancel);
  return [
    ...shifts.map((s) => (gone.has(s.id) ? { ...s, status: 'cancelled' as const } : s)),
    ...added,
  ];
}

/** A change of single days (an override or its undo), as its answer and notices tell it. */
export interface DayChange {
  kind: OverrideChange['kind'];
  /** The override as the answer shows it. */
  shown: OverrideRecord;
  moved: readonly MovedSlot[];
  after: readonly ShiftRecord[];
  closedDates: readonly string[];
  preview: boolean;
}

/**
 * What a change of single days does, decided before anything is written: remote capacity over its
 * days before and after, the people whose own days change, the rotation's version after it, and
 * the answer.
 */
export async function decideDayChange(deps: Deps, snap: OverrideSnapshot, c: DayChange) {
  const dates = [...c.shown.dates].sort();
  const basis = await loadCapacityBasis(
    deps,
    snap.department.id,
    { from: dates[0]!, to: dates[dates.length - 1]! },
    { settings: snap.capacity, quarantines: snap.quarantines },
  );
  const effect = capacityEffectOf(basis, {
    shifts: new Map([[snap.rotation.id, [...c.after]]]),
    windows: [],
  });
  const change: OverrideChange = {
    kind: c.kind,
    overrideId: c.shown.id,
    close: c.shown.kind === 'close',
    reason: c.shown.reason,
    moved: c.moved,
    after: c.after,
    closedDates: c.closedDates,
    ...(effect.capacitySet ? { capacity: { newShortageDates: effect.newShortageDates } } : {}),
  };
  const affected = await affectedPeople(deps, snap, change);
  const version = snap.rotation.version + (c.preview ? 0 : 1);
  const outcome = overrideOutcome(c.shown, c.moved, affected.people, effect, version, !c.preview);
  return { change, affected, version, outcome };
}

/**
 * Writes a change of single days in one batch: the rotation's version (from `ifMatch`, with the
 * closed days when they change) and the department's plan version as read, the change's own
 * `writes`, its notices and `audit`. A stale version is a 412, a plan changed meanwhile a 409.
 */
export function commitDayChange(
  deps: Deps,
  snap: OverrideSnapshot,
  ifMatch: number,
  decided: Awaited<ReturnType<typeof decideDayChange>>,
  closedDates: readonly string[] | undefined,
  writes: CompiledQuery[],
  audit: CompiledQuery,
): Promise<Result<OverrideOutcome, Failure>> {
  return commitUnlessPlanChanged(
    deps,
    [
      bumpVersionQuery(deps.db, snap.rotation.id, ifMatch, {
        updatedAt: snap.at,
        ...(closedDates ? { closedDates: [...closedDates] } : {}),
      }),
      planVersionGuard(deps, snap.department),
      ...writes,
      ...overrideNoticeQueries(deps, snap, decided.change, decided.affected),
      audit,
    ],
    () => decided.outcome,
    (e) => (isVersionConflict(e) ? Promise.resolve(err(staleVersion())) : null),
  );
}
