import { standbyWindows } from '../../db/repos/quarantines.ts';
import { err, ok } from '../../domain/result.ts';
import { scheduleDays, toTeamRef } from '../../domain/rotation/index.ts';
import { standbyLookup } from '../../domain/quarantine/index.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { queryRangeFailure } from '../failure.ts';
import { loadRotation, type RotationSnapshot } from './snapshot.ts';

/** The day-by-day schedule from `from` to `to` (clamped to the rotation). */
export async function rotationSchedule(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from?: string; to?: string },
) {
  const loaded = await loadRotation(deps, actor, id);
  return loaded.ok ? scheduleOf(deps, loaded.value, range) : loaded;
}

/** The schedule of a loaded rotation from `from` to `to` (clamped to the rotation). */
export async function scheduleOf(
  deps: Deps,
  snap: RotationSnapshot,
  range: { from?: string; to?: string },
) {
  const planned = await plannedDays(deps, snap, range);
  if (!planned.ok) return planned;
  return ok({
    rotationId: snap.rotation.id,
    status: snap.rotation.status,
    teams: snap.teams.map(toTeamRef),
    days: planned.value.days,
  });
}

/**
 * The days of a loaded rotation in the range (clamped to it) and the standby lookup they were made
 * with, for a caller that also asks who is in; `everySlot` gives each office day its slots even
 * when the day is one slot (their times).
 */
export async function plannedDays(
  deps: Deps,
  snap: RotationSnapshot,
  range: { from?: string; to?: string },
  opts: { everySlot?: boolean } = {},
) {
  const from =
    range.from && range.from > snap.rotation.startDate ? range.from : snap.rotation.startDate;
  const to = range.to && range.to < snap.rotation.endDate ? range.to : snap.rotation.endDate;
  const badRange = range.from && range.to ? queryRangeFailure(range.from, range.to) : undefined;
  if (badRange) return err(badRange);
  const standby = standbyLookup(
    await standbyWindows(deps.db, snap.rotation.departmentId, { from, to }),
  );
  const teamIds = snap.teams.map((t) => t.id);
  const days =
    from > to
      ? []
      : scheduleDays({
          calendar: snap.calendar,
          teams: snap.teams.map(toTeamRef),
          shifts: snap.shifts,
          bufferDates: new Set(snap.rotation.bufferDates),
          closedDates: new Set(snap.rotation.closedDates),
          from,
          to,
          multiSlot: opts.everySlot || (snap.pattern.slots?.length ?? 1) > 1,
          standbyOn: (date) => new Set(teamIds.filter((id) => standby.team(date, id))),
        });
  return ok({ from, to, days, standby });
}
