import { orgSettings } from '../../db/repos/settings.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import {
  type CapacitySettings,
  addDemand,
  demandGrid,
  resourceOf,
  scheduledDemand,
  type Demand,
  type DemandRotation,
  type RemoteResource,
} from '../../domain/capacity/index.ts';
import { groupBy } from '../../domain/collections.ts';
import { calendarDates, calendarOf } from '../../domain/calendar/index.ts';
import {
  standbyLookup,
  type Quarantine,
  type StandbyWindow,
} from '../../domain/quarantine/index.ts';
import type { IsoDate, RemoteAccess } from '../../domain/types.ts';
import {
  demandWindows,
  membersNeedingRemote,
  publishedMemberships,
  publishedRotations,
  publishedTeams,
  type DemandScope,
} from '../../db/repos/capacity.ts';
import type { Deps } from '../deps.ts';
import { windowsOf } from '../../db/repos/quarantines.ts';

/** The organisation's capacity settings (nothing set yet: nulls, no reservations). */
export async function loadCapacitySettings(
  deps: Deps,
): Promise<CapacitySettings & { updatedAt: string | null }> {
  return (await orgSettings(deps.db)).capacity;
}

/** Who needs which remote resource: active members with a thin client or a loan PC (a company PC needs nothing). */
export function needsOf(
  members: readonly { id: string; remoteAccess: RemoteAccess; active?: boolean }[],
): Map<string, RemoteResource> {
  const needs = new Map<string, RemoteResource>();
  for (const m of members) {
    const r = m.active === false ? null : resourceOf(m.remoteAccess);
    if (r) needs.set(m.id, r);
  }
  return needs;
}

/** Everything remote demand over a window is computed from: published rotations, who needs what, who is in standby. */
export interface DemandSnapshot {
  from: IsoDate;
  to: IsoDate;
  rotations: (DemandRotation & { id: string; departmentId: string })[];
  needs: ReadonlyMap<string, RemoteResource>;
  windows: StandbyWindow[];
}

/** Loads the published rotations of one department (or all) overlapping [from, to]: six queries, however many departments. */
export async function loadDemand(
  deps: Deps,
  scope: DemandScope,
  // The department's quarantines, when the caller has read them: for it alone, not read again.
  known?: { departmentId: string; quarantines: readonly Quarantine[] },
): Promise<DemandSnapshot> {
  const [departments, rotations, teams, memberships, members, windows] = await Promise.all([
    departmentsByName(deps.db, scope.departmentId ? [scope.departmentId] : undefined),
    publishedRotations(deps.db, scope),
    publishedTeams(deps.db, scope),
    publishedMemberships(deps.db, scope),
    membersNeedingRemote(deps.db, scope.departmentId),
    known && scope.departmentId === known.departmentId
      ? windowsOf(
          deps.db,
          known.quarantines.filter((q) => q.effectiveFrom <= scope.to && q.endDate >= scope.from),
        )
      : demandWindows(deps.db, scope),
  ]);
  const calendars = new Map(departments.map((d) => [d.id, calendarOf(d)]));
  const teamsOf = groupBy(teams, (t) => t.rotationId);
  const membershipsOf = groupBy(memberships, (m) => m.rotationId);
  const needs = needsOf(members);
  return {
    from: scope.from,
    to: scope.to,
    rotations: rotations.map((r) => ({
      id: r.id,
      departmentId: r.departmentId,
      calendar: calendars.get(r.departmentId)!,
      startDate: r.startDate,
      endDate: r.endDate,
      teamIds: (teamsOf.get(r.id) ?? []).map((t) => t.id),
      // The records as read (with their rotation id besides): no copy of thousands of rows.
      memberships: membershipsOf.get(r.id) ?? [],
      office: r.office,
    })),
    needs,
    windows,
  };
}

/**
 * Remote demand on every calendar date of the snapshot's window, per department (0 on a department's
 * non-working days and outside its published rotations).
 */
export function demandByDepartment(snap: DemandSnapshot): {
  dates: IsoDate[];
  byDepartment: Map<string, Demand[]>;
} {
  const dates = calendarDates(snap.from, snap.to);
  const offset = new Map(dates.map((d, i) => [d, i]));
  const standby = standbyLookup(snap.windows);
  const needOf = (id: string) => snap.needs.get(id) ?? null;
  const byDepartment = new Map<string, Demand[]>();
  for (const r of snap.rotations) {
    const days =
      byDepartment.get(r.departmentId) ??
      byDepartment
        .set(
          r.departmentId,
          dates.map(() => ({ thinClient: 0, loanPc: 0 })),
        )
        .get(r.departmentId)!;
    const grid = demandGrid(r, snap, needOf, standby);
    scheduledDemand(grid).forEach((d, i) => addDemand(days[offset.get(grid.dates[i]!)!]!, d));
  }
  return { dates, byDepartment };
}

/** The sum of several departments' daily demand (dates aligned). */
export function sumDemand(dates: readonly IsoDate[], lists: Iterable<Demand[]>): Demand[] {
  const out = dates.map(() => ({ thinClient: 0, loanPc: 0 }));
  for (const list of lists) {
    list.forEach((d, i) => addDemand(out[i]!, d));
  }
  return out;
}
