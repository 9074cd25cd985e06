import { listOutbox } from '../../db/repos/outbox.ts';
import type { Deps } from '../deps.ts';
import { outboxView, type OutboxStatus, type OutboxView } from './view.ts';

/** Outbox messages, oldest first (admin). */
export async function outboxMessages(
  deps: Deps,
  filter: { status?: OutboxStatus; limit: number },
): Promise<OutboxView[]> {
  return (await listOutbox(deps.db, filter)).map(outboxView);
}
