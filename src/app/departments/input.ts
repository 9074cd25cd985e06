import type { Holidays } from '../../domain/types.ts';
import { checkDepartmentSettings } from '../../domain/calendar/index.ts';
import { teamsWebhookUrlProblem, webhookUrlProblem } from '../../notify/webhook-url.ts';
import type { Actor } from '../actor.ts';
import { forbidden, invalid, type Failure } from '../failure.ts';

export interface DepartmentInput {
  name: string;
  timezone?: string;
  officeHours?: { start: string; end: string };
  workdays?: number[];
  holidays?: Holidays;
  closedDates?: string[];
  language?: 'ja' | 'en';
  feedAllDay?: boolean;
  /** The department's own Slack incoming webhook; null clears it (then SLACK_WEBHOOK_URL applies). */
  slackWebhookUrl?: string | null;
  /** The department's own Teams Workflows webhook; null clears it (then TEAMS_WEBHOOK_URL applies). */
  teamsWebhookUrl?: string | null;
  /** Evening reminders before office days, and the hour they go out in the department's zone. */
  reminders?: boolean;
  reminderHour?: number;
}

/** Lists are kept sorted and without repeats, whatever order they were given in. */

/**
 * A webhook URL is a credential and a place the server will POST to: only an admin sets it, and
 * only to a public https host (or one the operator allows).
 */
export function webhookFailure(
  actor: Actor,
  input: Partial<DepartmentInput>,
  allowHosts: readonly string[] = [],
): Failure | null {
  if (input.teamsWebhookUrl !== undefined) {
    if (actor.role !== 'admin')
      return forbidden('Only an admin sets the Teams webhook of a department.');
    const issue =
      input.teamsWebhookUrl === null
        ? null
        : teamsWebhookUrlProblem(input.teamsWebhookUrl, allowHosts);
    if (issue)
      return invalid('The Teams webhook URL may not be used.', [
        { path: '/teamsWebhookUrl', ...issue },
      ]);
  }
  if (input.slackWebhookUrl === undefined) return null;
  if (actor.role !== 'admin')
    return forbidden('Only an admin sets the Slack webhook of a department.');
  const issue =
    input.slackWebhookUrl === null ? null : webhookUrlProblem(input.slackWebhookUrl, allowHosts);
  return issue
    ? invalid('The Slack webhook URL may not be used.', [{ path: '/slackWebhookUrl', ...issue }])
    : null;
}

/** Every invalid setting of the input, or null when they are all valid. */
export function settingsFailure(input: Partial<DepartmentInput>): Failure | null {
  const v = checkDepartmentSettings(input);
  return v.length ? invalid('The department settings are not valid.', v) : null;
}
