/**
 * Posts to a Slack incoming webhook with the standard fetch (every runtime has it): a JSON body
 * `{text}`; anything but a 2xx — redirects included, never followed — is an error for the outbox
 * to retry. The error names the status, never the URL (the webhook URL is a credential).
 */
export function slackPoster(
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): (url: string, text: string) => Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
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
    const answer = (await res.text().catch(() => '')).slice(0, 200);
    if (res.status < 200 || res.status >= 300)
      throw new Error(`Slack webhook answered ${res.status}${answer ? `: ${answer}` : ''}`);
  };
}
