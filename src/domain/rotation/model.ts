import type { IsoDate } from '../types.ts';

/** A team of a rotation. */
export interface TeamRef {
  id: string;
  label: string;
}

/** A member's place in a team: fromDate..toDate inclusive (null = open), office days from officeFrom. */
export interface Membership {
  memberId: string;
  teamId: string;
  fromDate: IsoDate;
  toDate: IsoDate | null;
  officeFrom: IsoDate;
}

/** One team's office slot on one date. */
export interface ShiftRecord {
  id: string;
  teamId: string;
  date: IsoDate;
  slot: number;
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled';
  sequence: number;
}

/** Is the membership in force on this date? */
export const coversDate = (m: Membership, date: IsoDate): boolean =>
  m.fromDate <= date && (m.toDate === null || date <= m.toDate);

/** Does this membership put its member in the office on a day their team is in? */
export const inOfficeOn = (m: Membership, date: IsoDate): boolean =>
  coversDate(m, date) && m.officeFrom <= date;
