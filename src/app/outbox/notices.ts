import type { CompiledQuery } from 'kysely';
import { insertOutboxQueries } from '../../db/repos/outbox.ts';
import {
  composeQuarantineMessages,
  type QuarantineNotice,
} from '../../notify/quarantine-notice.ts';
import { composeMoveMessages, type MoveNotice } from '../../notify/move-notice.ts';
import type { Department } from '../../domain/types.ts';
import type { Deps } from '../deps.ts';

/** Where a department's notifications go: its own Slack and Teams webhooks or the organisation's, and e-mail if this runtime can send it. */
export function notificationTargets(
  deps: Deps,
  department: Pick<Department, 'slackWebhookUrl' | 'teamsWebhookUrl' | 'organisationWebhooks'>,
): { slackWebhookUrl: string | null; teamsWebhookUrl: string | null; emailEnabled: boolean } {
  const org = department.organisationWebhooks;
  return {
    slackWebhookUrl: department.slackWebhookUrl ?? org?.slack ?? deps.slackWebhookUrl ?? null,
    teamsWebhookUrl: department.teamsWebhookUrl ?? org?.teams ?? deps.teamsWebhookUrl ?? null,
    emailEnabled: Boolean(deps.channels?.sendEmail),
  };
}

/**
 * The outbox inserts telling everyone concerned about a quarantine being marked or lifted, for
 * the caller's own atomic batch (so the messages exist exactly when the change does).
 */
export function quarantineNoticeQueries(
  deps: Deps,
  department: Pick<Department, 'slackWebhookUrl' | 'teamsWebhookUrl'>,
  notice: QuarantineNotice,
  at: string,
): CompiledQuery[] {
  const rows = composeQuarantineMessages(notice, {
    ...notificationTargets(deps, department),
    at,
    newId: deps.newId,
  });
  return insertOutboxQueries(deps.db, rows);
}

/**
 * The outbox inserts telling a moved member their new team and office days, for the move's own
 * atomic batch.
 */
export function moveNoticeQueries(
  deps: Deps,
  department: Pick<Department, 'slackWebhookUrl' | 'teamsWebhookUrl'>,
  notice: MoveNotice,
  at: string,
): CompiledQuery[] {
  const rows = composeMoveMessages(notice, {
    ...notificationTargets(deps, department),
    at,
    newId: deps.newId,
  });
  return insertOutboxQueries(deps.db, rows);
}
