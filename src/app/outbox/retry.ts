import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { findOutbox, requeueFailedQuery } from '../../db/repos/outbox.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound, type Failure } from '../failure.ts';
import { outboxView, type OutboxView } from './view.ts';

/** Puts a failed message back in the queue, due now, with a fresh set of attempts (admin). */
export async function retryOutboxMessage(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<OutboxView, Failure>> {
  const message = await findOutbox(deps.db, id);
  if (!message) return err(notFound(`No outbox message ${id}.`));
  if (message.status !== 'failed')
    return err(
      conflict(
        `The message is ${message.status}; only a failed message is retried.`,
        undefined,
        problem('outbox-not-failed'),
      ),
    );
  const at = deps.now().toISOString();
  await deps.atomic([
    requeueFailedQuery(deps.db, id, at),
    auditEntry(
      deps,
      actor,
      at,
      'outbox.retry',
      { type: 'outbox', id },
      { channel: message.channel, attempts: message.attempts },
    ),
  ]);
  const after = await findOutbox(deps.db, id);
  return ok(outboxView(after!));
}
