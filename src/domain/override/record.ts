import type { OverrideKind } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';

export type { OverrideKind };

/** A chief's single-day override as stored: what was asked, and the shifts it changed. */
export interface OverrideRecord {
  id: string;
  rotationId: string;
  departmentId: string;
  kind: OverrideKind;
  /** The day (assign, close) or the two days (swap), as given. */
  dates: IsoDate[];
  /** The team given the day (assign), else null. */
  teamId: string | null;
  /** An assign of one slot of a day split into several; null: the whole day. */
  slot: number | null;
  /** Why the office is closed (close), as the chief wrote it; shown to everyone. */
  reason: string | null;
  /** The shifts it cancelled: undoing it schedules them again. */
  cancelledShiftIds: string[];
  /** The shifts it added: undoing it cancels them. */
  addedShiftIds: string[];
  /** The rotation's version it made: a later override of the rotation has a higher one. */
  version: number;
  createdBy: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}
