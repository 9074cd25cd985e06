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

/** How long a webhook may take, which fetch to use and the clock (for Retry-After dates). */
export interface PosterOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Posts a JSON body to a chat webhook with the standard fetch (every runtime has it); anything but
 * a 2xx — redirects included, never followed — is an error for the outbox to retry, after the
 * Retry-After the service gives when it sends one. The error names the service, the status and
 * its reason phrase, never the URL (a credential) nor what the other side answered.
 */
export function jsonWebhookPoster<A extends unknown[]>(
  service: string,
  payload: (...args: A) => unknown,
  opts: PosterOptions = {},
): (url: string, ...args: A) => Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  return async (url, ...args) => {
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(payload(...args)),
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
      throw new Error(`${service} webhook unreachable: ${why}`);
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return;
    const said = `${service} webhook answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    const wait = retryAfterMs(res.headers.get('retry-after'), now());
    throw wait === null
      ? new Error(said)
      : new RetryLater(`${said}, retry after ${wait / 1000} s`, wait);
  };
}

/** Posts to a Slack incoming webhook: a JSON body `{text}` (see jsonWebhookPoster). */
export function slackPoster(
  opts: PosterOptions = {},
): (url: string, text: string) => Promise<void> {
  return jsonWebhookPoster('Slack', (text: string) => ({ text }), opts);
}
