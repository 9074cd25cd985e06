import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { checkSlackSignature, slashCommandAnswer } from '../../app/chat/index.ts';
import type { AppEnv } from '../../contract/env.ts';
import { ProblemError } from '../problem.ts';

/** Slack's slash command forms are small; anything larger is not Slack's. */
export const SLACK_MAX_BODY_BYTES = 16 * 1024;

const WHY = {
  missing: 'The request carries no Slack signature (X-Slack-Signature, X-Slack-Request-Timestamp).',
  stale: 'The Slack request timestamp is more than 5 minutes from now.',
  mismatch: 'The Slack signature does not match the request.',
} as const;

/**
 * `POST /slack/commands`: Slack's slash command. No token — the request is authenticated by
 * Slack's signature over the raw body (read as bytes first, before anything parses it), then
 * answered at once as an ephemeral message (Slack waits 3 seconds).
 */
export function slackRoutes() {
  const r = new Hono<AppEnv>();
  r.use(
    '/commands',
    bodyLimit({
      maxSize: SLACK_MAX_BODY_BYTES,
      onError: () => {
        throw new ProblemError(
          413,
          'body-too-large',
          'A Slack command is never this large.',
          undefined,
          {
            connection: 'close',
          },
        );
      },
    }),
  );
  r.post('/commands', async (c) => {
    const deps = c.var.deps;
    const rawBody = new TextDecoder().decode(await c.req.arrayBuffer());
    if (!deps.slackSigningSecret)
      throw new ProblemError(
        401,
        'unauthenticated',
        'Slack commands are not set up (SLACK_SIGNING_SECRET).',
      );
    const check = await checkSlackSignature({
      secret: deps.slackSigningSecret,
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      rawBody,
      now: deps.now(),
    });
    if (check !== 'ok') throw new ProblemError(401, 'unauthenticated', WHY[check]);
    const form = new URLSearchParams(rawBody);
    const text = await slashCommandAnswer(deps, {
      userId: form.get('user_id') ?? '',
      text: form.get('text') ?? '',
    });
    return c.json({ response_type: 'ephemeral' as const, text });
  });
  return r;
}
