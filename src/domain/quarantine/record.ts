import { maxDate } from '../calendar/index.ts';
import type { IsoDate } from '../types.ts';

/** A quarantine as the rules see it: who stays home, over which days, and whether it was lifted. */
export interface Quarantine {
  id: string;
  departmentId: string;
  subject: 'team' | 'member';
  teamId: string | null;
  memberId: string | null;
  rotationId: string | null;
  startDate: IsoDate;
  /** Inclusive. */
  endDate: IsoDate;
  /** The first day it changed anything: its start, or the day it was entered when entered late. */
  effectiveFrom: IsoDate;
  liftedAt: string | null;
  liftedFrom: IsoDate | null;
}

/** A quarantine as stored: the rules' view, with why, who marked (and lifted) it, and its request. */
export interface QuarantineRecord extends Quarantine {
  /** Confidential: shown to HR and admin only. */
  reason: string | null;
  positiveMemberId: string | null;
  onsetDate: IsoDate | null;
  /** The first quarantine of the request that marked it (a replay answers with the whole request). */
  requestId: string | null;
  markedBy: string;
  markedAt: string;
  liftedBy: string | null;
}

/** A new quarantine as marked by `markedBy` at `at`: in force from its start, or from today when entered late. */
export function newQuarantine(
  fields: Omit<
    QuarantineRecord,
    'effectiveFrom' | 'markedBy' | 'markedAt' | 'liftedAt' | 'liftedFrom' | 'liftedBy'
  >,
  today: IsoDate,
  markedBy: string,
  at: string,
): QuarantineRecord {
  return {
    ...fields,
    effectiveFrom: maxDate(fields.startDate, today),
    markedBy,
    markedAt: at,
    liftedAt: null,
    liftedFrom: null,
    liftedBy: null,
  };
}

/** The record that a slot moved from one team to another because of a quarantine. */
export interface SwapRecord {
  id: string;
  quarantineId: string;
  date: IsoDate;
  slot: number;
  fromTeamId: string;
  /** Null while no team could take the slot. */
  toTeamId: string | null;
  /** The quarantined team's shift, cancelled. */
  cancelledShiftId: string;
  /** The covering team's shift, when one took the slot. */
  coveringShiftId: string | null;
  /** When the slot went back to the quarantined team (a lift); the swap is then over. */
  handedBackAt: string | null;
}
