import { canonicalZone, checkDepartmentSettings } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import {
  findDepartment,
  insertDepartmentQuery,
  listDepartments,
  updateDepartmentQuery,
} from '../../db/repos/departments.ts';
import type { DepartmentPatch } from '../../db/schema.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, notFound, type Failure } from '../failure.ts';
import { departmentView, type DepartmentView } from '../views.ts';

export interface DepartmentInput {
  name: string;
  timezone?: string;
  officeHours?: { start: string; end: string };
  workdays?: number[];
  holidays?: 'jp' | 'none';
  closedDates?: string[];
  language?: 'ja' | 'en';
  feedAllDay?: boolean;
  /** The department's own Slack incoming webhook; null clears it (then SLACK_WEBHOOK_URL applies). */
  slackWebhookUrl?: string | null;
}

const DEFAULTS = {
  timezone: 'Asia/Tokyo',
  officeHours: { start: '08:30', end: '17:15' },
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: [] as string[],
  language: 'ja',
} as const;

const sortedUnique = <T>(xs: readonly T[]): T[] => [...new Set(xs)].sort();

/** A webhook URL is a credential and a place the server will POST to: only an admin sets it. */
function webhookFailure(actor: Actor, input: Partial<DepartmentInput>): Failure | null {
  return input.slackWebhookUrl !== undefined && actor.role !== 'admin'
    ? forbidden('Only an admin sets the Slack webhook of a department.')
    : null;
}

function settingsFailure(input: Partial<DepartmentInput>): Failure | null {
  const v = checkDepartmentSettings(input);
  return v.length ? invalid('The department settings are not valid.', v) : null;
}

/** Creates a department with the defaults of DESIGN.md for whatever is not given. */
export async function createDepartment(
  deps: Deps,
  actor: Actor,
  input: DepartmentInput,
): Promise<Result<DepartmentView, Failure>> {
  const bad = settingsFailure(input);
  if (bad) return err(bad);
  const at = deps.now().toISOString();
  const hours = input.officeHours ?? DEFAULTS.officeHours;
  const row = {
    id: deps.newId(),
    name: input.name.trim(),
    timezone: canonicalZone(input.timezone ?? DEFAULTS.timezone),
    office_start: hours.start,
    office_end: hours.end,
    workdays: JSON.stringify(sortedUnique(input.workdays ?? DEFAULTS.workdays)),
    holidays: input.holidays ?? DEFAULTS.holidays,
    closed_dates: JSON.stringify(sortedUnique(input.closedDates ?? DEFAULTS.closedDates)),
    language: input.language ?? DEFAULTS.language,
    data_version: 0,
    feed_all_day: input.feedAllDay ? 1 : 0,
    slack_webhook_url: input.slackWebhookUrl ?? null,
    created_at: at,
    updated_at: at,
  };
  await deps.atomic([
    insertDepartmentQuery(deps.db, row),
    auditEntry(
      deps,
      actor,
      at,
      'department.create',
      { type: 'department', id: row.id },
      { name: row.name },
    ),
  ]);
  return ok(departmentView(row));
}

/** Changes the given settings of a department. */
export async function updateDepartment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Partial<DepartmentInput>,
): Promise<Result<DepartmentView, Failure>> {
  const found = await readDepartment(deps, actor, id);
  if (!found.ok) return found;
  const bad = webhookFailure(actor, input) ?? settingsFailure(input);
  if (bad) return err(bad);
  const at = deps.now().toISOString();
  const patch: DepartmentPatch = { updated_at: at };
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.timezone !== undefined) patch.timezone = canonicalZone(input.timezone);
  if (input.officeHours) {
    patch.office_start = input.officeHours.start;
    patch.office_end = input.officeHours.end;
  }
  if (input.workdays) patch.workdays = JSON.stringify(sortedUnique(input.workdays));
  if (input.holidays) patch.holidays = input.holidays;
  if (input.closedDates) patch.closed_dates = JSON.stringify(sortedUnique(input.closedDates));
  if (input.language) patch.language = input.language;
  if (input.feedAllDay !== undefined) patch.feed_all_day = input.feedAllDay ? 1 : 0;
  if (input.slackWebhookUrl !== undefined) patch.slack_webhook_url = input.slackWebhookUrl;

  await deps.atomic([
    updateDepartmentQuery(deps.db, id, patch),
    auditEntry(
      deps,
      actor,
      at,
      'department.update',
      { type: 'department', id },
      { changed: Object.keys(input).sort() },
    ),
  ]);
  return readDepartment(deps, actor, id);
}

/** One department, if the actor's scope reaches it. */
export async function readDepartment(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<DepartmentView, Failure>> {
  const row = await findDepartment(deps.db, id);
  if (!row) return err(notFound(`No department ${id}.`));
  const denied = departmentScopeDenied(actor, id);
  if (denied) return err(denied);
  return ok(departmentView(row));
}

/** The departments the actor may see: all for admin and HR, a chief's own. */
export async function visibleDepartments(deps: Deps, actor: Actor): Promise<DepartmentView[]> {
  const scoped =
    actor.role === 'admin' || actor.role === 'hr'
      ? undefined
      : actor.departmentId
        ? [actor.departmentId]
        : [];
  return (await listDepartments(deps.db, scoped)).map(departmentView);
}
