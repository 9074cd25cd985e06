/** A channel's refusal that says when to try again (Retry-After), in milliseconds from now. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** A refusal that no retry can change (e.g. a webhook URL this server may not call). */
export class Undeliverable extends Error {}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Posts to a Slack incoming webhook with the standard fetch (every runtime has it): a JSON body
 * `{text}`; anything but a 2xx — redirects included, never followed — is an error for the outbox
 * to retry, after the Retry-After Slack gives when it sends one. The error names the status and
 * its reason phrase, never the URL (a credential) nor what the other side answered.
 */
export function slackPoster(
  opts: { timeoutMs?: number; fetch?: typeof fetch; now?: () => number } = {},
): (url: string, text: string) => Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  return async (url, text) => {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ text }),
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
      throw new Error(`Slack webhook unreachable: ${why}`);
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return;
    const said = `Slack webhook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    const wait = retryAfterMs(res.headers.get('retry-after'), now());
    throw wait === null
      ? new Error(said)
      : new RetryLater(`${said}, retry after ${wait / 1000} s`, wait);
  };
}
