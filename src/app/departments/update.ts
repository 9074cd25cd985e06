import { canonicalZone } from '../../domain/calendar/index.ts';
import { err, type Result } from '../../domain/result.ts';
import { updateDepartmentQuery, type DepartmentChange } from '../../db/repos/departments.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { sortedUnique } from '../../domain/collections.ts';
import { settingsFailure, webhookFailure, type DepartmentInput } from './input.ts';
import { readDepartment } from './read.ts';
import type { DepartmentView } from './view.ts';

/** Changes the given settings of a department. */
export async function updateDepartment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Partial<DepartmentInput>,
): Promise<Result<DepartmentView, Failure>> {
  const found = await readDepartment(deps, actor, id);
  if (!found.ok) return found;
  const bad = webhookFailure(actor, input, deps.webhookAllowHosts) ?? settingsFailure(input);
  if (bad) return err(bad);
  const at = deps.now().toISOString();
  const change: DepartmentChange = { updatedAt: at };
  if (input.name !== undefined) change.name = input.name.trim();
  if (input.timezone !== undefined) change.timezone = canonicalZone(input.timezone);
  if (input.officeHours)
    change.officeHours = { start: input.officeHours.start, end: input.officeHours.end };
  if (input.workdays) change.workdays = sortedUnique(input.workdays);
  if (input.holidays) change.holidays = input.holidays;
  if (input.closedDates) change.closedDates = sortedUnique(input.closedDates);
  if (input.language) change.language = input.language;
  if (input.feedAllDay !== undefined) change.feedAllDay = input.feedAllDay;
  if (input.slackWebhookUrl !== undefined) change.slackWebhookUrl = input.slackWebhookUrl;
  if (input.teamsWebhookUrl !== undefined) change.teamsWebhookUrl = input.teamsWebhookUrl;
  if (input.reminders !== undefined) change.reminders = input.reminders;
  if (input.reminderHour !== undefined) change.reminderHour = input.reminderHour;

  await deps.atomic([
    updateDepartmentQuery(deps.db, id, change),
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
