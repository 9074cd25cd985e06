import type { OutboxMessage, OutboxStatus } from '../../db/repos/outbox.ts';

export type { OutboxStatus };

/** Every status an outbox message can have, for filters. */
export const OUTBOX_STATUSES = [
  'pending',
  'sent',
  'failed',
  'logged',
] as const satisfies readonly OutboxStatus[];

/** The API's view of an outbox message; a Slack or Teams recipient (a webhook URL, a credential) shows only its origin. */
export function outboxView(m: OutboxMessage) {
  return {
    id: m.id,
    createdAt: m.createdAt,
    departmentId: m.departmentId,
    topic: m.topic,
    refId: m.refId,
    channel: m.channel,
    recipient:
      m.channel === 'slack' || m.channel === 'teams' ? redactUrl(m.recipient) : m.recipient,
    subject: m.subject,
    body: m.body,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt : null,
    lastError: m.lastError,
    sentAt: m.sentAt,
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
