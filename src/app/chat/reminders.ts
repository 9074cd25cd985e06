import { DateTime } from 'luxon';
import { departmentsWithReminders, DEFAULT_REMINDER_HOUR } from '../../db/repos/departments.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { insertOutboxQueries } from '../../db/repos/outbox.ts';
import { insertReminderRunQuery, reminderRunExists } from '../../db/repos/reminders.ts';
import { addDays, calendarOf, clockText, workingDays } from '../../domain/calendar/index.ts';
import type { Department, IsoDate } from '../../domain/types.ts';
import { chatText } from '../../notify/chat-text.ts';
import { outboxMessages, Recipients } from '../../notify/messages.ts';
import { humanDate, quarantineText } from '../../notify/templates.ts';
import type { Deps } from '../deps.ts';
import { notificationTargets } from '../outbox/index.ts';
import { officeDay } from './office.ts';

/** How far ahead the next working day is looked for (a long holiday is at most this long). */
const LOOK_AHEAD_DAYS = 14;

/** What a reminder pass did: per department, the office day reminded of and how many were told. */
export interface ReminderReport {
  written: { departmentId: string; date: IsoDate; recipients: number }[];
  /** Departments whose reminder another instance wrote first (the key refused this one's). */
  raced: number;
}

/**
 * The office day a department's reminder is due for at `now`, or null: from the reminder hour of
 * a day (in the department's zone), the next working day after it — so Friday evening reminds of
 * Monday, and a weekend run finds Monday already done. Pure.
 */
export function reminderDueFor(department: Department, now: Date): IsoDate | null {
  const local = DateTime.fromJSDate(now, { zone: department.timezone });
  if (!local.isValid || local.hour < (department.reminderHour ?? DEFAULT_REMINDER_HOUR))
    return null;
  const today = local.toISODate()!;
  return (
    workingDays(calendarOf(department), addDays(today, 1), addDays(today, LOOK_AHEAD_DAYS))[0] ??
    null
  );
}

/**
 * Writes the due evening reminders: for each department that wants them, once per office day,
 * one message to each member who is in the office that day (its office team(s), bridging and
 * standby applied — nobody on standby, nothing on a closed day or holiday), by e-mail or to the
 * log. The run is recorded in the same atomic batch as the messages, keyed by (department, day):
 * after a restart, or on another instance, the key makes it happen once.
 */
export async function sendDueReminders(deps: Deps): Promise<ReminderReport> {
  const report: ReminderReport = { written: [], raced: 0 };
  const now = deps.now();
  for (const department of await departmentsWithReminders(deps.db)) {
    const date = reminderDueFor(department, now);
    if (!date || (await reminderRunExists(deps.db, department.id, date))) continue;
    try {
      const written = await writeReminders(deps, department, date, now);
      if (written === null) report.raced++;
      else report.written.push({ departmentId: department.id, date, recipients: written });
    } catch (e) {
      // One department's failure must not keep the others' reminders back; the next pass retries it.
      deps.log(
        `reminders of department ${department.id} for ${date} failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return report;
}

/** Writes one department's reminders of an office day: how many, or null when another writer did. */
async function writeReminders(
  deps: Deps,
  department: Department,
  date: IsoDate,
  now: Date,
): Promise<number | null> {
  const day = await officeDay(deps, department, date);
  const lang = department.language;
  const recipients = new Recipients();
  const when = humanDate(lang, date, true);
  for (const team of day.teams)
    recipients.add(team.people, {
      subject: chatText(lang, 'reminderSubject', { department: department.name, date: when }),
      text: chatText(lang, 'reminderText', {
        date: when,
        team: quarantineText(lang, 'team', { label: team.label }),
        start: clockText(team.start),
        end: clockText(team.end),
      }),
    });
  const at = now.toISOString();
  const messages = outboxMessages(
    {
      lang,
      department,
      topic: 'reminder',
      refId: `${department.id}:${date}`,
      recipients,
      slack: null,
      feedsNote: false,
    },
    { ...notificationTargets(deps, department), at, newId: deps.newId },
  );
  try {
    await deps.atomic([
      insertReminderRunQuery(deps.db, {
        departmentId: department.id,
        date,
        createdAt: at,
        recipients: messages.length,
      }),
      ...insertOutboxQueries(deps.db, messages),
    ]);
    return messages.length;
  } catch (e) {
    if (!isUniqueViolation(e, 'reminder_runs')) throw e;
    return null;
  }
}
