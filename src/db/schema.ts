import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Json } from './json.ts';
import type {
  FeedScope,
  Holidays,
  IsoDate,
  Language,
  Position,
  RemoteAccess,
  Role,
} from '../domain/types.ts';
import type {
  Pattern,
  OverrideKind,
  RotationConstraints,
  RotationStatus,
  ShiftStatus,
} from '../domain/rotation/index.ts';
import type { CapacityEffect } from '../domain/capacity/index.ts';
import type { PolicyOverrides } from '../domain/quarantine/index.ts';
import type { OutboxChannel, OutboxStatus } from '../domain/outbox/index.ts';
import type { PeopleTables } from './schema-people.ts';

/** A boolean column: an integer 0 or 1 on SQLite, D1 and PostgreSQL alike (one schema for all three). */
export type SqlBool = 0 | 1;

/** Instants are ISO-8601 UTC text; booleans are 0 | 1; ids are text; lists are JSON text. */
export interface DepartmentTable {
  id: string;
  name: string;
  timezone: string;
  office_start: string;
  office_end: string;
  workdays: Json<number[]>;
  holidays: Holidays;
  closed_dates: Json<IsoDate[]>;
  language: Language;
  data_version: Generated<number>;
  roster_version: Generated<number>;
  feed_all_day: Generated<SqlBool>;
  /** The department's own Slack incoming webhook; null: the organisation's (SLACK_WEBHOOK_URL). */
  slack_webhook_url: string | null;
  /** The department's own Teams Workflows webhook; null: the organisation's (TEAMS_WEBHOOK_URL). */
  teams_webhook_url: string | null;
  /** Evening reminders before office days (0: off), sent from this hour of the department's zone. */
  reminders: Generated<SqlBool>;
  reminder_hour: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MemberTable {
  id: string;
  department_id: string;
  name: string;
  /** The reading (フリガナ), or null. */
  kana: string | null;
  email: string;
  email_key: string;
  skills: Json<string[]>;
  position: Position;
  remote_access: RemoteAccess;
  /** The member's Slack user id (U…), who the slash command answers; null when not linked. */
  slack_user_id: Generated<string | null>;
  active: SqlBool;
  created_at: string;
  updated_at: string;
}

export interface TokenTable {
  id: string;
  token_hash: string;
  role: Role;
  department_id: string | null;
  member_id: string | null;
  label: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

export interface AuditTable {
  id: string;
  at: string;
  actor_id: string;
  actor_role: Role;
  action: string;
  subject_type: string;
  subject_id: string;
  summary: Json<Record<string, unknown>>;
}

export interface RotationTable {
  id: string;
  department_id: string;
  name: string;
  start_date: string;
  end_date: string;
  team_count: number;
  pattern: Json<Pattern>;
  constraints: Json<RotationConstraints>;
  seed: number;
  buffer_dates: Json<IsoDate[]>;
  /** Working days its overrides closed (nobody in the office on purpose); default []. */
  closed_dates: Generated<Json<IsoDate[]>>;
  status: RotationStatus;
  version: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface TeamTable {
  id: string;
  rotation_id: string;
  label: string;
  ordinal: number;
}

export interface MembershipTable {
  id: string;
  rotation_id: string;
  team_id: string;
  member_id: string;
  from_date: string;
  to_date: string | null;
  office_from: string;
  created_at: string;
  /** The day a move closed it (department zone), or null while open or closed otherwise. */
  closed_on: string | null;
}

export interface ShiftTable {
  id: string;
  rotation_id: string;
  team_id: string;
  date: string;
  slot: number;
  start_time: string;
  end_time: string;
  status: ShiftStatus;
  sequence: number;
  reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedTable {
  id: string;
  token_hash: string;
  scope: FeedScope;
  subject_id: string;
  department_id: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface FeedDayTable {
  subject_key: string;
  date: string;
  signature: string;
  present: SqlBool;
  sequence: number;
  updated_at: string;
}

export interface FeedStateTable {
  subject_key: string;
  content_hash: string;
  changed_at: string;
}

export interface QuarantineTable {
  id: string;
  department_id: string;
  subject: 'team' | 'member';
  team_id: string | null;
  member_id: string | null;
  rotation_id: string | null;
  start_date: string;
  end_date: string;
  effective_from: string;
  reason: string | null;
  positive_member_id: string | null;
  onset_date: string | null;
  request_id: string | null;
  marked_by: string;
  marked_at: string;
  lifted_at: string | null;
  lifted_from: string | null;
  lifted_by: string | null;
  /** The capacity effect when it was marked (JSON), on the request's first row; null before 0006. */
  capacity_effect: Json<CapacityEffect> | null;
}

export interface SwapTable {
  id: string;
  quarantine_id: string;
  rotation_id: string;
  date: string;
  slot: number;
  from_team_id: string;
  to_team_id: string | null;
  cancelled_shift_id: string;
  covering_shift_id: string | null;
  created_at: string;
  handed_back_at: string | null;
}

/** A chief's single-day override of a published rotation (OverrideKind: swap, assign, close). */
export interface OverrideTable {
  id: string;
  rotation_id: string;
  department_id: string;
  kind: OverrideKind;
  /** The day (assign, close) or the two days (swap), as given. */
  dates: Json<IsoDate[]>;
  team_id: string | null;
  /** For an assign of one slot of a day split into several; null: the whole day. */
  slot: number | null;
  reason: string | null;
  cancelled_shift_ids: Json<string[]>;
  added_shift_ids: Json<string[]>;
  /** The earliest of `dates` (undo is allowed before it). */
  first_date: string;
  /** The rotation's version the override made (orders a rotation's overrides). */
  rotation_version: number;
  created_by: string;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  request_hash: string;
  request_id: string;
  created_at: string;
}

export type { OutboxChannel, OutboxStatus };

/** A message to deliver: written with the change it tells about, moved on by the delivery worker. */
export interface OutboxTable {
  id: string;
  created_at: string;
  department_id: string;
  /** What it is about, e.g. `quarantine.marked`, and the id of that thing. */
  topic: string;
  ref_id: string | null;
  channel: OutboxChannel;
  /** An e-mail address (email, log) or the webhook URL (slack). */
  recipient: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  /** The instance holding the row's lease while it sends it, else null. */
  lease_owner: string | null;
}

/** The organisation's remote capacity: one row (id 1); null = not set. */
export interface OrgSettingsTable {
  id: number;
  thin_client_seats: number | null;
  loan_pcs: number | null;
  /** JSON: the policy fields an admin has set (null: the design's defaults throughout). */
  policy: Json<PolicyOverrides> | null;
  /** The organisation's own Slack and Teams webhooks (secrets), or null. */
  slack_webhook_url: string | null;
  teams_webhook_url: string | null;
  updated_at: string;
  updated_by: string;
}

/** Seats and PCs set aside for one department out of the organisation's (null = none of that kind). */
export interface DepartmentReservationTable {
  department_id: string;
  thin_client_seats: number | null;
  loan_pcs: number | null;
  updated_at: string;
}

export interface DB extends PeopleTables {
  departments: DepartmentTable;
  members: MemberTable;
  tokens: TokenTable;
  audit_log: AuditTable;
  rotations: RotationTable;
  teams: TeamTable;
  memberships: MembershipTable;
  shifts: ShiftTable;
  feeds: FeedTable;
  feed_days: FeedDayTable;
  feed_state: FeedStateTable;
  quarantines: QuarantineTable;
  swaps: SwapTable;
  overrides: OverrideTable;
  idempotency_keys: IdempotencyKeyTable;
  outbox: OutboxTable;
  org_settings: OrgSettingsTable;
  department_reservations: DepartmentReservationTable;
  reminder_runs: ReminderRunTable;
}

/** A reminder written: one row per (department, office day reminded of), the key that makes it once. */
export interface ReminderRunTable {
  department_id: string;
  date: IsoDate;
  created_at: string;
  recipients: number;
}

export type DepartmentRow = Selectable<DepartmentTable>;
export type NewDepartmentRow = Insertable<DepartmentTable>;
export type DepartmentPatch = Updateable<DepartmentTable>;
export type MemberRow = Selectable<MemberTable>;
export type NewMemberRow = Insertable<MemberTable>;
export type MemberPatch = Updateable<MemberTable>;
export type TokenRow = Selectable<TokenTable>;
export type NewTokenRow = Insertable<TokenTable>;
export type AuditRow = Selectable<AuditTable>;
export type NewAuditRow = Insertable<AuditTable>;
export type RotationRow = Selectable<RotationTable>;
export type TeamRow = Selectable<TeamTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type ShiftRow = Selectable<ShiftTable>;
export type FeedRow = Selectable<FeedTable>;
export type FeedDayRow = Selectable<FeedDayTable>;
export type QuarantineRow = Selectable<QuarantineTable>;
export type SwapRow = Selectable<SwapTable>;
export type OverrideRow = Selectable<OverrideTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type OrgSettingsRow = Selectable<OrgSettingsTable>;
export type DepartmentReservationRow = Selectable<DepartmentReservationTable>;
