import { problem } from '../../domain/problems/index.ts';
import { rotationOverrides } from '../../db/repos/overrides.ts';
import { quarantinesIn } from '../../db/repos/quarantines.ts';
import type { OverrideContext, OverrideRecord } from '../../domain/override/index.ts';
import { teamOutages } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, type Failure } from '../failure.ts';
import { loadRotation, type RotationSnapshot } from '../rotations/index.ts';
import { versionMatches } from '../rotations/index.ts';
import { loadOrgSettings } from '../settings/index.ts';
import type { CapacitySettings } from '../../domain/capacity/index.ts';
import type { Quarantine } from '../../domain/quarantine/index.ts';

/** Everything an override (or its undo) is decided and written on, read once. */
export interface OverrideSnapshot extends RotationSnapshot {
  at: string;
  ctx: OverrideContext;
  /** The rotation's overrides in force, oldest first. */
  inForce: OverrideRecord[];
  exposureWindowDays: number;
  /** Read once here, and given to the capacity effect rather than read again. */
  quarantines: Quarantine[];
  capacity: CapacitySettings;
  /** Who is changing the days, as the notices name them. */
  actorRole: 'chief' | 'admin';
}

/**
 * Reads a published rotation for an override by its department's chief (or an admin): refused to
 * everyone else, on a draft (a draft is planned again instead), and — when `ifMatch` is given —
 * when the rotation changed since that version.
 */
export async function loadOverrideSnapshot(
  deps: Deps,
  actor: Actor,
  rotationId: string,
  ifMatch: number | undefined,
): Promise<Result<OverrideSnapshot, Failure>> {
  if (actor.role !== 'chief' && actor.role !== 'admin')
    return err(forbidden("Only the department's chief (or an admin) changes single days."));
  const loaded = await loadRotation(deps, actor, rotationId);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  if (ifMatch !== undefined) {
    const v = versionMatches(snap, ifMatch);
    if (!v.ok) return v;
  }
  if (snap.rotation.status !== 'published')
    return err(
      conflict(
        'Single-day overrides change a published rotation; a draft is regenerated instead.',
        undefined,
        problem('override-on-draft'),
      ),
    );
  const [quarantines, { policy, capacity }, inForce] = await Promise.all([
    quarantinesIn(deps.db, snap.department.id),
    loadOrgSettings(deps),
    rotationOverrides(deps.db, rotationId, { inForce: true }),
  ]);
  const r = snap.rotation;
  return ok({
    ...snap,
    at: deps.now().toISOString(),
    inForce,
    exposureWindowDays: policy.exposureWindowDays,
    quarantines,
    capacity,
    actorRole: actor.role,
    ctx: {
      today: snap.today,
      calendar: snap.calendar,
      startDate: r.startDate,
      endDate: r.endDate,
      bufferDates: new Set(r.bufferDates),
      closedDates: new Set(r.closedDates),
      teams: snap.teams,
      shifts: snap.shifts,
      slots: snap.pattern.slots?.length ? snap.pattern.slots : [snap.calendar.officeHours],
      outages: teamOutages(quarantines, rotationId),
      returnSeparationDays: policy.returnSeparationDays,
      handoverMinutes: snap.pattern.handoverMinutes ?? 0,
    },
  });
}
