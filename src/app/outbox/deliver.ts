import {
  claimDueOutbox,
  markAttemptFailedQuery,
  markDeliveredQuery,
  type OutboxMessage,
} from '../../db/repos/outbox.ts';
import { RetryLater, Undeliverable } from '../../notify/slack.ts';
import { teamsWebhookUrlIssue, webhookUrlIssue } from '../../notify/webhook-url.ts';
import type { Deps } from '../deps.ts';

/** The lease holder's name when the runtime gives none (Workers: every isolate alike). */
export const DEFAULT_INSTANCE = 'bunsan';

export interface DeliveryOptions {
  /** Rows claimed per round (default 50). */
  batchSize?: number;
  /** Rounds per call at most, so one call is bounded (default 20). */
  maxRounds?: number;
  /** Attempts before a row is left `failed` (default 10). */
  maxAttempts?: number;
  /** The delay after the first failed attempt; it doubles with each further one (default 30 s). */
  baseDelayMs?: number;
  /** The longest delay between two attempts (default 1 h). */
  maxDelayMs?: number;
  /** How long a claimed row is reserved for the pass sending it (default 5 min). */
  leaseMs?: number;
  /** Messages in flight at once (default 4). */
  concurrency?: number;
}

export const DELIVERY_DEFAULTS = {
  batchSize: 50,
  maxRounds: 20,
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  leaseMs: 300_000,
  concurrency: 4,
} as const satisfies Required<DeliveryOptions>;

export interface DeliveryReport {
  sent: number;
  logged: number;
  /** Attempts that failed and will be tried again. */
  retrying: number;
  /** Rows that used their last attempt and are now `failed`. */
  failed: number;
}

/** The wait after the n-th failed attempt (n ≥ 1): base × 2^(n−1), at most the cap. */
export function retryDelayMs(
  attempts: number,
  opts: Pick<DeliveryOptions, 'baseDelayMs' | 'maxDelayMs'> = {},
): number {
  const base = opts.baseDelayMs ?? DELIVERY_DEFAULTS.baseDelayMs;
  const cap = opts.maxDelayMs ?? DELIVERY_DEFAULTS.maxDelayMs;
  return Math.min(cap, base * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

/** Hands one row to its channel; throws when it was not accepted. */
async function send(deps: Deps, message: OutboxMessage): Promise<'sent' | 'logged'> {
  if (message.channel === 'log') {
    deps.log(
      `notification (log channel) ${message.id} to ${message.recipient}: ${message.subject}\n${message.body.replace(/^/gm, '  ')}`,
    );
    return 'logged';
  }
  if (message.channel === 'slack') {
    const post = deps.channels?.postSlack;
    if (!post) throw new Error('Slack posting is not available in this runtime');
    const refused = webhookUrlIssue(message.recipient, deps.webhookAllowHosts);
    if (refused) throw new Undeliverable(`the webhook URL ${refused}`);
    await post(message.recipient, message.body);
    return 'sent';
  }
  if (message.channel === 'teams') {
    const post = deps.channels?.postTeams;
    if (!post) throw new Error('Teams posting is not available in this runtime');
    const refused = teamsWebhookUrlIssue(message.recipient, deps.webhookAllowHosts);
    if (refused) throw new Undeliverable(`the webhook URL ${refused}`);
    await post(message.recipient, message.subject, message.body);
    return 'sent';
  }
  if (message.channel === 'email') {
    const mail = deps.channels?.sendEmail;
    if (!mail) throw new Error('e-mail is not configured (SMTP_URL)');
    await mail(message.recipient, message.subject, message.body);
    return 'sent';
  }
  throw new Error(`unknown channel ${String(message.channel)}`);
}

/** An error as the outbox keeps it: its message, at most 1000 characters. */
export const errorText = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).slice(0, 1000);

/**
 * Sends the outbox rows that are due: each is claimed (one more attempt, leased), handed to its
 * channel, and marked sent or logged — or, when the channel refuses, due again after an
 * exponential backoff, and `failed` with its last error after the last attempt. No row is ever
 * deleted. Bounded: at most maxRounds × batchSize rows per call.
 */
export async function deliverDue(deps: Deps, opts: DeliveryOptions = {}): Promise<DeliveryReport> {
  const o = { ...DELIVERY_DEFAULTS, ...opts };
  const report: DeliveryReport = { sent: 0, logged: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < o.maxRounds; round++) {
    const now = deps.now();
    const claimed = await claimDueOutbox(deps.db, {
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + o.leaseMs).toISOString(),
      limit: o.batchSize,
      owner: deps.instance ?? DEFAULT_INSTANCE,
    });
    if (claimed.length === 0) break;
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const message = claimed[next++]!;
        await deliverOne(deps, message, o, report);
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(o.concurrency, claimed.length)) }, worker),
    );
    if (claimed.length < o.batchSize) break;
  }
  return report;
}

async function deliverOne(
  deps: Deps,
  message: OutboxMessage,
  o: Required<DeliveryOptions>,
  report: DeliveryReport,
): Promise<void> {
  // Outbox writes go straight to the database, not through deps.atomic: they change nothing a
  // feed shows, so they must not invalidate the feed cache's change stamp.
  try {
    const outcome = await send(deps, message);
    await deps.db.executeQuery(
      markDeliveredQuery(deps.db, message.id, outcome, deps.now().toISOString()),
    );
    report[outcome]++;
  } catch (e) {
    const at = deps.now();
    const last = message.attempts >= o.maxAttempts || e instanceof Undeliverable;
    // Never sooner than the other side asked (Retry-After), never later than the longest delay.
    const wait = Math.min(
      o.maxDelayMs,
      Math.max(retryDelayMs(message.attempts, o), e instanceof RetryLater ? e.retryAfterMs : 0),
    );
    const retryAt = last ? null : new Date(at.getTime() + wait).toISOString();
    await deps.db.executeQuery(
      markAttemptFailedQuery(deps.db, message.id, errorText(e), retryAt, at.toISOString()),
    );
    if (last) report.failed++;
    else report.retrying++;
    // The recipient is not logged: for Slack and Teams it is the webhook URL, a credential.
    deps.log(
      `outbox ${message.id} (${message.channel}) attempt ${message.attempts} failed${last ? ', no attempts left' : `, next at ${retryAt}`}: ${errorText(e)}`,
    );
  }
}
