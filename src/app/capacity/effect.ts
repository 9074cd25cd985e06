import {
  capacityDays,
  capacityFor,
  newShortages,
  type Capacity,
  demandRange,
  type Demand,
} from '../../domain/capacity/index.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import type { StandbyWindow } from '../../domain/quarantine/index.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Deps } from '../deps.ts';
import {
  demandByDepartment,
  loadCapacitySettings,
  loadDemand,
  sumDemand,
  type DemandSnapshot,
} from './demand.ts';

/** What a quarantine did to remote capacity over its window: the dates it made short. */
export interface CapacityEffect {
  from: IsoDate;
  to: IsoDate;
  /** Dates short (for the department or the organisation) after the change and not before it. */
  newShortageDates: IsoDate[];
  /** Is any capacity set at all? Without one nothing can be short. */
  capacitySet: boolean;
  department: {
    departmentId: string;
    capacity: Capacity;
    peakBefore: Demand;
    peakAfter: Demand;
    newShortageDates: IsoDate[];
  };
  organisation: { capacity: Capacity; newShortageDates: IsoDate[] };
}

const isSet = (c: Capacity): boolean => c.thinClient !== null || c.loanPc !== null;

/** A change about to be written: the rotations' shifts as they will be, and the standby windows it adds or (by quarantine) replaces. */
export interface DemandChange {
  shifts: ReadonlyMap<string, readonly ShiftRecord[]>;
  windows: readonly StandbyWindow[];
}

function applied(snap: DemandSnapshot, departmentId: string, change: DemandChange): DemandSnapshot {
  const inWindow = (d: IsoDate) => snap.from <= d && d <= snap.to;
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
      ...snap.windows.filter(
        (w) =>
          !change.windows.some(
            (c) => c.quarantineId !== undefined && c.quarantineId === w.quarantineId,
          ),
      ),
      ...change.windows,
    ],
  };
}

/**
 * Compares remote demand over [from, to] before and after a change to one department (read before
 * the change is written): for the department against its capacity, and for the organisation —
 * whose other departments stay as they are — against the organisation's.
 */
export async function capacityEffect(
  deps: Deps,
  departmentId: string,
  window: { from: IsoDate; to: IsoDate },
  change: DemandChange,
): Promise<CapacityEffect> {
  const settings = await loadCapacitySettings(deps);
  const orgCapacity = capacityFor(settings, null);
  // The other departments matter only against an organisation capacity; without one, read this department alone.
  const snap = await loadDemand(deps, isSet(orgCapacity) ? window : { ...window, departmentId });
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
