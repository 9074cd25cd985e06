import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { isNotNullViolation } from '../errors.ts';
import { parameterGroups } from '../chunks.ts';
import { fromJson, toJson } from '../json.ts';
import type { DB, DepartmentPatch, DepartmentRow } from '../schema.ts';
import type { Department } from '../../domain/types.ts';

/** The hour (in the department's zone) evening reminders go out when none is set: 17:00. */
export const DEFAULT_REMINDER_HOUR = 17;

/** A department's row with the organisation's stored webhooks beside it (its notifications' fallback). */
type DepartmentWithOrg = DepartmentRow & {
  org_slack_webhook_url: string | null;
  org_teams_webhook_url: string | null;
};

/**
 * The departments, each joined to the organisation's settings row for its stored webhooks. The
 * row's id is written as a literal, not bound: D1 binds at most 100 parameters, which lists of ids
 * fill.
 */
const selectDepartments = (db: Kysely<DB>) =>
  db
    .selectFrom('departments')
    .leftJoin('org_settings', (j) => j.on('org_settings.id', '=', sql<number>`1`))
    .selectAll('departments')
    .select([
      'org_settings.slack_webhook_url as org_slack_webhook_url',
      'org_settings.teams_webhook_url as org_teams_webhook_url',
    ]);

// A department as stored, its lists read.
const departmentFromRow = (r: DepartmentWithOrg): Department => ({
  id: r.id,
  name: r.name,
  timezone: r.timezone,
  officeHours: { start: r.office_start, end: r.office_end },
  workdays: fromJson(r.workdays),
  holidays: r.holidays,
  closedDates: fromJson(r.closed_dates),
  language: r.language,
  dataVersion: r.data_version,
  rosterVersion: r.roster_version,
  feedAllDay: r.feed_all_day === 1,
  slackWebhookUrl: r.slack_webhook_url,
  teamsWebhookUrl: r.teams_webhook_url,
  organisationWebhooks: {
    slack: r.org_slack_webhook_url ?? null,
    teams: r.org_teams_webhook_url ?? null,
  },
  reminders: r.reminders === 1,
  reminderHour: r.reminder_hour,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One department by id, or undefined. */
export async function departmentById(db: Kysely<DB>, id: string): Promise<Department | undefined> {
  const row = await selectDepartments(db).where('departments.id', '=', id).executeTakeFirst();
  return row && departmentFromRow(row);
}

/** All departments, or only the given ones, by name. */
export async function departmentsByName(
  db: Kysely<DB>,
  onlyIds?: readonly string[],
): Promise<Department[]> {
  const q = selectDepartments(db).orderBy('departments.name').orderBy('departments.id');
  if (!onlyIds) return (await q.execute()).map(departmentFromRow);
  // Within D1's parameter limit, however many ids are asked for; merged back into name order.
  const groups = await Promise.all(
    parameterGroups([...new Set(onlyIds)]).map((ids) =>
      q.where('departments.id', 'in', ids).execute(),
    ),
  );
  return groups
    .flat()
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    )
    .map(departmentFromRow);
}

/** The departments whose members get evening reminders before office days. */
export async function departmentsWithReminders(db: Kysely<DB>): Promise<Department[]> {
  const rows = await selectDepartments(db)
    .where('departments.reminders', '=', 1)
    .orderBy('departments.id')
    .execute();
  return rows.map(departmentFromRow);
}

/** Stores a new department. */
export function insertDepartmentQuery(db: Kysely<DB>, d: Department): CompiledQuery {
  return db
    .insertInto('departments')
    .values({
      id: d.id,
      name: d.name,
      timezone: d.timezone,
      office_start: d.officeHours.start,
      office_end: d.officeHours.end,
      workdays: toJson(d.workdays),
      holidays: d.holidays,
      closed_dates: toJson(d.closedDates),
      language: d.language,
      data_version: d.dataVersion,
      feed_all_day: d.feedAllDay ? 1 : 0,
      slack_webhook_url: d.slackWebhookUrl,
      teams_webhook_url: d.teamsWebhookUrl ?? null,
      reminders: d.reminders ? 1 : 0,
      reminder_hour: d.reminderHour ?? DEFAULT_REMINDER_HOUR,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
    })
    .compile();
}

/** The settings of a department a change may set. */
export type DepartmentChange = Partial<
  Pick<
    Department,
    | 'name'
    | 'timezone'
    | 'officeHours'
    | 'workdays'
    | 'holidays'
    | 'closedDates'
    | 'language'
    | 'feedAllDay'
    | 'slackWebhookUrl'
    | 'teamsWebhookUrl'
    | 'reminders'
    | 'reminderHour'
  >
> & { updatedAt: string };

/** Changes a department; any change may alter what its feeds show, so its data version moves too. */
export function updateDepartmentQuery(
  db: Kysely<DB>,
  id: string,
  change: DepartmentChange,
): CompiledQuery {
  const patch: DepartmentPatch = { updated_at: change.updatedAt };
  if (change.name !== undefined) patch.name = change.name;
  if (change.timezone !== undefined) patch.timezone = change.timezone;
  if (change.officeHours) {
    patch.office_start = change.officeHours.start;
    patch.office_end = change.officeHours.end;
  }
  if (change.workdays) patch.workdays = toJson(change.workdays);
  if (change.holidays) patch.holidays = change.holidays;
  if (change.closedDates) patch.closed_dates = toJson(change.closedDates);
  if (change.language) patch.language = change.language;
  if (change.feedAllDay !== undefined) patch.feed_all_day = change.feedAllDay ? 1 : 0;
  if (change.slackWebhookUrl !== undefined) patch.slack_webhook_url = change.slackWebhookUrl;
  if (change.teamsWebhookUrl !== undefined) patch.teams_webhook_url = change.teamsWebhookUrl;
  if (change.reminders !== undefined) patch.reminders = change.reminders ? 1 : 0;
  if (change.reminderHour !== undefined) patch.reminder_hour = change.reminderHour;
  return db
    .updateTable('departments')
    .set({ ...patch, data_version: sql<number>`data_version + 1` })
    .where('id', '=', id)
    .compile();
}

/**
 * Marks a change of the department's plan. With `expected` (the version the change was decided on),
 * the whole atomic write fails when another change came first: see isDataVersionConflict.
 */
export function bumpDataVersionQuery(db: Kysely<DB>, id: string, expected?: number): CompiledQuery {
  const next =
    expected === undefined
      ? sql<number>`data_version + 1`
      : sql<number>`case when data_version = ${expected} then data_version + 1 else null end`;
  return db.updateTable('departments').set({ data_version: next }).where('id', '=', id).compile();
}

/** Did an atomic write fail because the department's plan changed after the write was decided? */
export const isDataVersionConflict = (e: unknown): boolean =>
  isNotNullViolation(e, 'departments', 'data_version');

/**
 * Marks a change of the department's members. With `expected` (the roster version a sync was
 * decided on), the whole atomic write fails when another change came first: see isRosterConflict.
 */
export function bumpRosterVersionQuery(
  db: Kysely<DB>,
  id: string,
  expected?: number,
): CompiledQuery {
  const next =
    expected === undefined
      ? sql<number>`roster_version + 1`
      : sql<number>`case when roster_version = ${expected} then roster_version + 1 else null end`;
  return db.updateTable('departments').set({ roster_version: next }).where('id', '=', id).compile();
}

/** Did an atomic write fail because the department's members changed after it was decided? */
export const isRosterConflict = (e: unknown): boolean =>
  isNotNullViolation(e, 'departments', 'roster_version');
