/** How a message leaves: a Slack or Teams webhook, e-mail, or the log when e-mail is not configured. */
export type OutboxChannel = 'slack' | 'teams' | 'email' | 'log';
/** Where a message's delivery stands. */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'logged';

/** A message to deliver, written with the change it tells about and moved on by the delivery worker. */
export interface OutboxMessage {
  id: string;
  createdAt: string;
  departmentId: string;
  /** What it is about, e.g. `quarantine.marked`, and the id of that thing. */
  topic: string;
  refId: string | null;
  channel: OutboxChannel;
  /** An e-mail address (email, log) or the webhook URL (slack, teams). */
  recipient: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}
