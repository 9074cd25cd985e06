import { problem } from '../../domain/problems/index.ts';
import { Hono } from 'hono';
import {
  OUTBOX_STATUSES,
  outboxMessages,
  retryOutboxMessage,
  type OutboxStatus,
} from '../../app/outbox/index.ts';
import type { AppContext, AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { ProblemError } from '../problem.ts';
import { queryLimit } from '../query.ts';
import { unwrap } from '../unwrap.ts';

function queryStatus(c: AppContext): OutboxStatus | undefined {
  const v = c.req.query('status');
  if (v === undefined || v === '') return undefined;
  if (!(OUTBOX_STATUSES as readonly string[]).includes(v)) {
    throw new ProblemError(400, 'invalid-query', 'The query parameter status is not valid.', [
      {
        path: '?status',
        message: `must be one of ${OUTBOX_STATUSES.join(', ')}`,
        ...problem('enum'),
      },
    ]);
  }
  return v as OutboxStatus;
}

/** /v1/outbox: the notification outbox — what was sent, what waits, what failed (admin). */
export function outboxRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', allow('admin'), async (c) => {
    const filter = { limit: queryLimit(c, 'limit', 1000, 10000) };
    const status = queryStatus(c);
    return c.json({
      messages: await outboxMessages(c.var.deps, status ? { ...filter, status } : filter),
    });
  });
  r.post('/:id/retry', allow('admin'), async (c) =>
    c.json(unwrap(await retryOutboxMessage(c.var.deps, c.var.actor, c.req.param('id')))),
  );
  return r;
}
