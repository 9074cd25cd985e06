import type { Context } from 'hono';

/**
 * The address a request came from, or null when there is none to trust: the socket's peer on Node
 * (@hono/node-server puts the request in `env.incoming`), Cloudflare's `CF-Connecting-IP` on
 * Workers (set by Cloudflare, not by the client). In-process requests (tests) have none.
 */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  if (env?.incoming) return env.incoming.socket?.remoteAddress ?? null;
  return c.req.header('cf-connecting-ip') ?? null;
}
