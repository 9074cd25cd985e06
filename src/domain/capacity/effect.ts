import type { Demand } from './demand.ts';
import type { Capacity } from './limits.ts';
import type { IsoDate } from '../types.ts';

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
