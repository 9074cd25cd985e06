import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (API, feeds, pages): nothing may frame or sniff it, no referrer
 * leaves (feed URLs carry secrets), and a CSP that allows nothing unless a page set its own.
 * HSTS only over https, where it means something (behind a proxy: `X-Forwarded-Proto`).
 */
export function securityHeaders(): MiddlewareHandler {
  const headers = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
    overwrite: false,
  });
  return async function securityHeaders(c, next) {
    await headers(c, next);
    const https =
      new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
    if (https) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
