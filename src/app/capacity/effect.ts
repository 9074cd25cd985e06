import {
  type CapacityEffect,
  type CapacitySettings,
  capacityDays,
  capacityFor,
  newShortages,
  type Capacity,
  demandRange,
  type Demand,
} from '../../domain/capacity/index.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import type { Quarantine, StandbyWindow } from '../../domain/quarantine/index.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Deps } from '../deps.ts';
import {
  demandByDepartment,
  loadCapacitySettings,
  loadDemand,
  sumDemand,
  type DemandSnapshot,
} from './demand.ts';

export type { CapacityEffect };

const isSet = (c: Capacity): boolean => c.thinClient !== null || c.loanPc !== null;

/** A change about to be written: the rotations' shifts as they will be, and the standby windows it adds or (by quarantine) replaces. */
export interface DemandChange {
  shifts: ReadonlyMap<string, readonly ShiftRecord[]>;
  windows: readonly StandbyWindow[];
}

function applied(snap: DemandSnapshot, departmentId: string, change: DemandChange): DemandSnapshot {
  const inWindow = (d: IsoDate) => snap.from <= d && d <= snap.to;
  // A set, not a scan of the change's windows for each window read (a team's quarantine has one
  // per person: hundreds against hundreds).
  const replaced = new Set(
    change.windows.flatMap((c) => (c.quarantineId !== undefined ? [c.quarantineId] : [])),
  );
  return {
    ...snap,
    rotations: snap.rotations
      .filter((r) => r.departmentId === departmentId)
      .map((r) => {
        const shifts = change.shifts.get(r.id);
        return shifts
          ? {
              ...r,
              office: shifts
                .filter((s) => s.status === 'scheduled' && inWindow(s.date))
                .map((s) => ({ teamId: s.teamId, date: s.date })),
            }
          : r;
      }),
    windows: [
      ...snap.windows.filter((w) => w.quarantineId === undefined || !replaced.has(w.quarantineId)),
      ...change.windows,
    ],
  };
}

/** What the effect of a change is measured against: capacity and remote demand, read before the change. */
export interface CapacityBasis {
  departmentId: string;
  window: { from: IsoDate; to: IsoDate };
  settings: CapacitySettings;
  demand: DemandSnapshot;
}

/**
 * Reads the basis for a change to one department over `window`. The other departments matter only
 * against an organisation capacity; without one, this department alone is read. A caller that has
 * read the capacity settings (with the policy) or the department's quarantines passes them.
 */
export async function loadCapacityBasis(
  deps: Deps,
  departmentId: string,
  window: { from: IsoDate; to: IsoDate },
  known: { settings?: CapacitySettings; quarantines?: readonly Quarantine[] } = {},
): Promise<CapacityBasis> {
  const settings = known.settings ?? (await loadCapacitySettings(deps));
  const scope = isSet(capacityFor(settings, null)) ? window : { ...window, departmentId };
  const demand = await loadDemand(
    deps,
    scope,
    known.quarantines ? { departmentId, quarantines: known.quarantines } : undefined,
  );
  return { departmentId, window, settings, demand };
}

/**
 * Compares remote demand over the basis' window before and after a change to its department: for
 * the department against its capacity, and for the organisation — whose other departments stay as
 * they are — against the organisation's.
 */
export function capacityEffectOf(basis: CapacityBasis, change: DemandChange): CapacityEffect {
  const { departmentId, window, settings, demand: snap } = basis;
  const orgCapacity = capacityFor(settings, null);
  const { dates, byDepartment } = demandByDepartment(snap);
  const zero = dates.map(() => ({ thinClient: 0, loanPc: 0 }));
  const deptBefore = byDepartment.get(departmentId) ?? zero;
  const deptAfter =
    demandByDepartment(applied(snap, departmentId, change)).byDepartment.get(departmentId) ?? zero;
  const orgBefore = sumDemand(dates, byDepartment.values());
  const orgAfter = sumDemand(dates, [
    ...[...byDepartment].filter(([id]) => id !== departmentId).map(([, d]) => d),
    deptAfter,
  ]);
  const shortages = (capacity: Capacity, before: Demand[], after: Demand[]) =>
    newShortages(
      capacityDays(dates, (i) => before[i]!, capacity).days,
      capacityDays(dates, (i) => after[i]!, capacity).days,
    );

  const deptCapacity = capacityFor(settings, departmentId);
  const department = {
    departmentId,
    capacity: deptCapacity,
    peakBefore: demandRange(deptBefore).peak,
    peakAfter: demandRange(deptAfter).peak,
    newShortageDates: shortages(deptCapacity, deptBefore, deptAfter),
  };
  const organisation = {
    capacity: orgCapacity,
    newShortageDates: shortages(orgCapacity, orgBefore, orgAfter),
  };
  return {
    ...window,
    newShortageDates: [
      ...new Set([...department.newShortageDates, ...organisation.newShortageDates]),
    ].sort(),
    capacitySet: isSet(deptCapacity) || isSet(orgCapacity),
    department,
    organisation,
  };
}

/** The effect of a change to one department over `window`, reading its basis first. */
export async function capacityEffect(
  deps: Deps,
  departmentId: string,
  window: { from: IsoDate; to: IsoDate },
  change: DemandChange,
): Promise<CapacityEffect> {
  return capacityEffectOf(await loadCapacityBasis(deps, departmentId, window), change);
}
