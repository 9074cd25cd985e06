import type { CompiledQuery } from 'kysely';
import { err, ok, type Result } from '../../domain/result.ts';
import {
  findOutbox,
  insertOutboxQueries,
  listOutbox,
  requeueFailedQuery,
} from '../../db/repos/outbox.ts';
import type { OutboxRow, OutboxStatus } from '../../db/schema.ts';
import {
  composeQuarantineMessages,
  type QuarantineNotice,
} from '../../notify/quarantine-notice.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound, type Failure } from '../failure.ts';

export const OUTBOX_STATUSES = [
  'pending',
  'sent',
  'failed',
  'logged',
] as const satisfies readonly OutboxStatus[];

/** Where a department's notifications go: its own Slack webhook or the organisation's, and e-mail if this runtime can send it. */
export function notificationTargets(
  deps: Deps,
  department: { slack_webhook_url: string | null },
): { slackWebhookUrl: string | null; emailEnabled: boolean } {
  return {
    slackWebhookUrl: department.slack_webhook_url ?? deps.slackWebhookUrl ?? null,
    emailEnabled: Boolean(deps.channels?.sendEmail),
  };
}

/**
 * The outbox inserts telling everyone concerned about a quarantine being marked or lifted, for
 * the caller's own atomic batch (so the messages exist exactly when the change does).
 */
export function quarantineNoticeQueries(
  deps: Deps,
  department: { slack_webhook_url: string | null },
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

/** The API's view of an outbox row; a Slack recipient (a webhook URL, a credential) shows only its origin. */
export function outboxView(r: OutboxRow) {
  return {
    id: r.id,
    createdAt: r.created_at,
    departmentId: r.department_id,
    topic: r.topic,
    refId: r.ref_id,
    channel: r.channel,
    recipient: r.channel === 'slack' ? redactUrl(r.recipient) : r.recipient,
    subject: r.subject,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
    lastError: r.last_error,
    sentAt: r.sent_at,
  };
}
export type OutboxView = ReturnType<typeof outboxView>;

function redactUrl(u: string): string {
  try {
    return `${new URL(u).origin}/…`;
  } catch {
    return '…';
  }
}

/** Outbox messages, oldest first (admin). */
export async function outboxMessages(
  deps: Deps,
  filter: { status?: OutboxStatus; limit: number },
): Promise<OutboxView[]> {
  return (await listOutbox(deps.db, filter)).map(outboxView);
}

/** Puts a failed message back in the queue, due now, with a fresh set of attempts (admin). */
export async function retryOutboxMessage(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<OutboxView, Failure>> {
  const row = await findOutbox(deps.db, id);
  if (!row) return err(notFound(`No outbox message ${id}.`));
  if (row.status !== 'failed')
    return err(conflict(`The message is ${row.status}; only a failed message is retried.`));
  const at = deps.now().toISOString();
  await deps.atomic([
    requeueFailedQuery(deps.db, id, at),
    auditEntry(
      deps,
      actor,
      at,
      'outbox.retry',
      { type: 'outbox', id },
      { channel: row.channel, attempts: row.attempts },
    ),
  ]);
  const after = await findOutbox(deps.db, id);
  return ok(outboxView(after!));
}
