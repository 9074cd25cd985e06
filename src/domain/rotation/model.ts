import type { SplitOptions } from '../split/index.ts';
import type { Pattern } from './types.ts';
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
  /**
   * The day a move closed it. A move effective the day it is made (`closedOn` = `toDate` + 1)
   * came after that day's office hours had begun: the member was there with this team that day.
   */
  closedOn?: IsoDate | null;
}

/** One team's office slot on one date. */
export interface ShiftRecord {
  id: string;
  teamId: string;
  date: IsoDate;
  slot: number;
  start: string;
  end: string;
  status: ShiftStatus;
  sequence: number;
}

/** A shift in the office as planned, or cancelled (its team in standby, another covering). */
export type ShiftStatus = 'scheduled' | 'cancelled';
/** A chief's single-day override: two days trade teams, a day goes to another team, or the office closes. */
export type OverrideKind = 'swap' | 'assign' | 'close';
/** A draft is planned and may be regenerated; a published rotation feeds calendars. */
export type RotationStatus = 'draft' | 'published';
/** The constraints a chief gave for the split, as stored (member ids as given). */
export type RotationConstraints = Omit<SplitOptions, 'teamCount' | 'seed'>;

/** A team with the rotation it belongs to and its place in it. */
export interface Team extends TeamRef {
  rotationId: string;
  ordinal: number;
}

/** A membership as stored: which one (its id) and in which rotation. */
export interface MembershipRecord extends Membership {
  id: string;
  rotationId: string;
}

/** A rotation as stored, its pattern, constraints and buffer dates read. */
export interface Rotation {
  id: string;
  departmentId: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  teamCount: number;
  pattern: Pattern;
  constraints: RotationConstraints;
  seed: number;
  bufferDates: IsoDate[];
  /** Working days a chief's override closed: nobody in the office on purpose (not uncovered). */
  closedDates: IsoDate[];
  status: RotationStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** Is the membership in force on this date? */
export const coversDate = (m: Membership, date: IsoDate): boolean =>
  m.fromDate <= date && (m.toDate === null || date <= m.toDate);

/** Does this membership put its member in the office on a day their team is in? */
export const inOfficeOn = (m: Membership, date: IsoDate): boolean =>
  coversDate(m, date) && m.officeFrom <= date;

/** Just the membership of a stored one (the API and the domain's value objects carry no more). */
export const toMembership = (m: Membership): Membership => ({
  memberId: m.memberId,
  teamId: m.teamId,
  fromDate: m.fromDate,
  toDate: m.toDate,
  officeFrom: m.officeFrom,
});

/** Just the reference of a stored team. */
export const toTeamRef = (t: TeamRef): TeamRef => ({ id: t.id, label: t.label });
