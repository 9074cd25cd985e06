/** How long a signed Slack request stays good, either side of now (Slack's own advice: 5 minutes). */
export const SLACK_SIGNATURE_WINDOW_SECONDS = 300;

/** Why a Slack request was not accepted, or 'ok'. */
export type SlackSignatureCheck = 'ok' | 'missing' | 'stale' | 'mismatch';

const encoder = new TextEncoder();

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Slack's v0 request signature: `X-Slack-Signature` is `v0=` and the hex HMAC-SHA256 of
 * `v0:{X-Slack-Request-Timestamp}:{raw body}` under the app's signing secret. The timestamp must
 * be within 5 minutes of `now` (a replayed request is refused), and the comparison is Web
 * Crypto's own verify, which does not stop at the first differing byte (and runs on workerd).
 */
export async function checkSlackSignature(input: {
  secret: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  rawBody: string;
  now: Date;
}): Promise<SlackSignatureCheck> {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !input.secret) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'stale';
  const age = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (age > SLACK_SIGNATURE_WINDOW_SECONDS) return 'stale';
  const given = signature.startsWith('v0=') ? hexBytes(signature.slice(3)) : null;
  if (!given) return 'mismatch';
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(input.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const signed = encoder.encode(`v0:${timestamp}:${input.rawBody}`);
  return (await crypto.subtle.verify('HMAC', key, given, signed)) ? 'ok' : 'mismatch';
}
