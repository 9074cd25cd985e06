export type IsoDate = string; // 'YYYY-MM-DD', a calendar date in the department's zone
/** A department's language: its pages, feeds and messages speak it. */
export type Language = 'ja' | 'en';
export type Position = 'chief' | 'deputy' | 'staff';
export type RemoteAccess = 'company-pc' | 'loan-pc' | 'thin-client';

/** What decides a department's working days and office hours. */
export interface DepartmentCalendar {
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workdays: number[];
  holidays: 'jp' | 'none';
  closedDates: IsoDate[];
  officeHours: { start: string; end: string };
}

/** A member as the team split sees them. */
export interface SplitMember {
  id: string;
  name: string;
  skills: string[];
  position: Position;
  remoteAccess: RemoteAccess;
}
