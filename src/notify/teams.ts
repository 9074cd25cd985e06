import { retryAfterMs, RetryLater } from './slack.ts';

/** The Adaptive Card version Teams renders through Workflows (1.5 cards show as an error there). */
export const TEAMS_CARD_VERSION = '1.4';

/** An Adaptive Card text block (the only element the cards use). */
interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  spacing?: 'Medium';
}

/**
 * A Workflows webhook's message: one Adaptive Card 1.4 holding the subject as a heading and one
 * text block per line of the text (Teams joins single line breaks inside a block), a blank line
 * becoming spacing; Slack's `*bold*` becomes the card's `**bold**`.
 */
export function teamsPayload(subject: string, text: string) {
  const body: TextBlock[] = [
    { type: 'TextBlock', text: subject, wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  let gap = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      gap = true;
      continue;
    }
    body.push({
      type: 'TextBlock',
      text: line.replace(/\*([^*\n]+)\*/g, '**$1**'),
      wrap: true,
      ...(gap ? { spacing: 'Medium' as const } : {}),
    });
    gap = false;
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: TEAMS_CARD_VERSION,
          body,
        },
      },
    ],
  };
}

/**
 * Posts to a Teams Workflows webhook with the standard fetch: the card of teamsPayload; anything
 * but a 2xx (Workflows answers 202) — redirects included, never followed — is an error for the
 * outbox to retry, after the Retry-After it gives. The error never names the URL (a credential).
 */
export function teamsPoster(
  opts: { timeoutMs?: number; fetch?: typeof fetch; now?: () => number } = {},
): (url: string, subject: string, text: string) => Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  return async (url, subject, text) => {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(teamsPayload(subject, text)),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const why =
        e instanceof Error
          ? e.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : e.message
          : String(e);
      throw new Error(`Teams webhook unreachable: ${why}`);
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return;
    const said = `Teams webhook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    const wait = retryAfterMs(res.headers.get('retry-after'), now());
    throw wait === null
      ? new Error(said)
      : new RetryLater(`${said}, retry after ${wait / 1000} s`, wait);
  };
}
