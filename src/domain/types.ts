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
  holidays: Holidays;
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

/** Which public holidays close the office. */
/**
 * The holiday calendar: `jp` Japanese public holidays; `jp-gov` those and the year-end closure of
 * government offices, 29 December – 3 January (行政機関の休日に関する法律); `none`.
 */
export type Holidays = 'jp' | 'jp-gov' | 'none';
/** The roles a token may have, most powerful first. */
export const ROLES = ['admin', 'hr', 'chief', 'staff'] as const;
export type Role = (typeof ROLES)[number];
/** What a calendar feed shows: one member's days, one team's or a whole department's. */
export type FeedScope = 'member' | 'team' | 'department';

/** A department with its calendar and settings, as stored. */
export interface Department extends DepartmentCalendar {
  id: string;
  name: string;
  language: Language;
  /** Moves with every change that may alter what the department's feeds show. */
  dataVersion: number;
  /** Moves with every change of the department's members: the members list's ETag. */
  rosterVersion: number;
  feedAllDay: boolean;
  /** The department's own Slack incoming webhook; null: the organisation's. */
  slackWebhookUrl: string | null;
  /** The department's own Teams Workflows webhook; null: the organisation's. Absent on old records. */
  teamsWebhookUrl?: string | null;
  /** The organisation's stored webhooks, read with the department (null: none stored). */
  organisationWebhooks?: { slack: string | null; teams: string | null };
  /** Evening reminders before office days (off by default) and the hour they go, in the zone. */
  reminders?: boolean;
  reminderHour?: number;
  createdAt: string;
  updatedAt: string;
}

/** A member of a department, as stored; a member is also what the team split sees. */
export interface Member extends SplitMember {
  /** The reading of the name (フリガナ), which lists sort by; null when not given. */
  kana: string | null;
  /** The member's Slack user id (U…), linked from the roster or by the member; absent: not linked. */
  slackUserId?: string | null;
  departmentId: string;
  email: string;
  /** The e-mail as compared for uniqueness within the department. */
  emailKey: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
