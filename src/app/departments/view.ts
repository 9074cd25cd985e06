import { DEFAULT_REMINDER_HOUR } from '../../db/repos/departments.ts';
import type { Department } from '../../domain/types.ts';

/** The API's view of a department; its Slack and Teams webhooks (credentials) shows only as configured or not. */
export function departmentView(d: Department) {
  return {
    id: d.id,
    name: d.name,
    timezone: d.timezone,
    officeHours: { start: d.officeHours.start, end: d.officeHours.end },
    workdays: d.workdays,
    holidays: d.holidays,
    closedDates: d.closedDates,
    language: d.language,
    feedAllDay: d.feedAllDay,
    slackWebhookConfigured: d.slackWebhookUrl !== null,
    teamsWebhookConfigured: (d.teamsWebhookUrl ?? null) !== null,
    reminders: d.reminders ?? false,
    reminderHour: d.reminderHour ?? DEFAULT_REMINDER_HOUR,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
export type DepartmentView = ReturnType<typeof departmentView>;
