import { canonicalZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Department } from '../../domain/types.ts';
import { DEFAULT_REMINDER_HOUR, insertDepartmentQuery } from '../../db/repos/departments.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { sortedUnique } from '../../domain/collections.ts';
import { settingsFailure, webhookFailure, type DepartmentInput } from './input.ts';
import { departmentView, type DepartmentView } from './view.ts';

const DEFAULTS = {
  timezone: 'Asia/Tokyo',
  officeHours: { start: '08:30', end: '17:15' },
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: [] as string[],
  language: 'ja',
} as const;

/** Creates a department with the defaults of DESIGN.md for whatever is not given. */
export async function createDepartment(
  deps: Deps,
  actor: Actor,
  input: DepartmentInput,
): Promise<Result<DepartmentView, Failure>> {
  const bad = webhookFailure(actor, input, deps.webhookAllowHosts) ?? settingsFailure(input);
  if (bad) return err(bad);
  const at = deps.now().toISOString();
  const hours = input.officeHours ?? DEFAULTS.officeHours;
  const department: Department = {
    id: deps.newId(),
    name: input.name.trim(),
    timezone: canonicalZone(input.timezone ?? DEFAULTS.timezone),
    officeHours: { start: hours.start, end: hours.end },
    workdays: sortedUnique(input.workdays ?? DEFAULTS.workdays),
    holidays: input.holidays ?? DEFAULTS.holidays,
    closedDates: sortedUnique(input.closedDates ?? DEFAULTS.closedDates),
    language: input.language ?? DEFAULTS.language,
    dataVersion: 0,
    rosterVersion: 0,
    feedAllDay: Boolean(input.feedAllDay),
    slackWebhookUrl: input.slackWebhookUrl ?? null,
    reminders: input.reminders ?? false,
    reminderHour: input.reminderHour ?? DEFAULT_REMINDER_HOUR,
    createdAt: at,
    updatedAt: at,
  };
  await deps.atomic([
    insertDepartmentQuery(deps.db, department),
    auditEntry(
      deps,
      actor,
      at,
      'department.create',
      { type: 'department', id: department.id },
      { name: department.name },
    ),
  ]);
  return ok(departmentView(department));
}
