import type { DepartmentCalendar, IsoDate } from '../types.ts';

/** One office slot of a day, in the department's wall-clock time ('HH:MM'). */
export interface Slot {
  start: string;
  end: string;
}

/** One team's office slot on one date. `slot` is the zero-based index into the day's slots. */
export interface Shift {
  date: IsoDate;
  start: string;
  end: string;
  teamLabel: string;
  slot: number;
}

export type PatternKind = 'daily' | 'weekly' | 'cycle';

/** How teams take turns in the office. */
export interface Pattern {
  kind: PatternKind;
  /** For kind 'cycle': the sequence of team labels, one per turn (a turn = one slot of one working day). */
  cycle?: readonly string[];
  /**
   * Working days left empty (office closed for cleaning) whenever the office passes to a different
   * team from one office day to the next: after team X's last office day, if the team due next
   * differs from X, the next `bufferDays` working days are buffer dates. The turn order pauses over
   * them (no team loses a turn); the same team on consecutive office days gets no buffer; within a
   * day, slots of different teams are separated by handoverMinutes only. Default 0.
   */
  bufferDays?: number;
  /** The day's office slots, sorted and non-overlapping. Default: one slot spanning the office hours. */
  slots?: readonly Slot[];
  /** Minimum minutes between two different teams' slots on one day. Default 0. */
  handoverMinutes?: number;
}

/** What planShifts needs: the calendar, an inclusive date range, the team labels, and the pattern. */
export interface PlanInput {
  calendar: DepartmentCalendar;
  startDate: IsoDate;
  endDate: IsoDate;
  teamLabels: readonly string[];
  pattern: Pattern;
}

/** A planned rotation: the shifts, the working dates left empty on purpose, and every working date in range. */
export interface ShiftPlan {
  shifts: Shift[];
  bufferDates: IsoDate[];
  workingDates: IsoDate[];
}

export type PatternIssueCode =
  | 'invalid-date'
  | 'invalid-range'
  | 'outside-holiday-data'
  | 'invalid-calendar'
  | 'no-teams'
  | 'duplicate-team'
  | 'invalid-pattern'
  | 'empty-cycle'
  | 'unknown-team'
  | 'invalid-buffer'
  | 'invalid-handover'
  | 'invalid-slot'
  | 'overlapping-slots'
  | 'handover-too-short';

/** One problem with a rotation request: a code, a JSON Pointer into PlanInput, and a human reason. */
export interface PatternIssue {
  code: PatternIssueCode;
  path: string;
  reason: string;
  /** For slot problems: the zero-based indices of the slots involved. */
  slots?: number[];
  /** The values the reason speaks of, for templates (ja, en); `variant` where a code has several wordings. */
  params?: Record<string, string | number>;
}

/** Why no plan was returned: every problem found. */
export interface PatternError {
  issues: PatternIssue[];
}
