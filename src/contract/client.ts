import type { Context } from 'hono';
import type { Deps } from '../app/deps.ts';

/**
 * The address a request came from, or null when there is none to trust: the socket's peer on Node
 * (@hono/node-server puts the request in `env.incoming`) — or, when that peer is a reverse proxy
 * the operator trusts (TRUSTED_PROXIES, e.g. nginx in front of several instances), the
 * `X-Real-IP` it set — and Cloudflare's `CF-Connecting-IP` on Workers (set by Cloudflare, not by
 * the client). In-process requests (tests) have none.
 */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  if (env?.incoming) {
    const peer = env.incoming.socket?.remoteAddress ?? null;
    const proxies = (c.var as { deps?: Deps }).deps?.trustedProxies;
    if (peer && proxies?.includes(peer)) return c.req.header('x-real-ip')?.trim() || peer;
    return peer;
  }
  return c.req.header('cf-connecting-ip') ?? null;
}
