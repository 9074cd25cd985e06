import type { IsoDate } from '../types.ts';

/** A broken invariant, as data: which invariant, a machine-readable code, and what is wrong where. */
export interface Violation {
  invariant: 'isolation' | 'coverage' | 'calendar' | 'constraints';
  code: string;
  message: string;
  date?: IsoDate;
  teamLabels?: string[];
  memberIds?: string[];
  /** A required skill: which, how many hold it, how many are needed. */
  skill?: string;
  holders?: number;
  min?: number;
}
