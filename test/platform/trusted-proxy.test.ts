import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { proxyList } from '../../src/platform/config.ts';
import { nodeDeps, openSqlite } from '../../src/platform/node-deps.ts';
import { createServer } from '../../src/server.ts';

/** A server on loopback, trusting `proxies`; `fail(ip)` makes one failed sign-in "from" ip. */
async function server(proxies: string[]) {
  const db = await openSqlite(':memory:');
  const app = createServer(nodeDeps(db, { trustedProxies: proxyList(proxies.join(',')) }));
  const s = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const srv = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(srv));
  });
  const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
  return {
    fail: async (ip: string) =>
      (
        await fetch(`${base}/v1/departments`, {
          headers: { authorization: 'Bearer bsn_wrong', 'x-real-ip': ip },
        })
      ).status,
    close: async () => {
      await new Promise((r) => s.close(r));
      await db.destroy();
    },
  };
}

describe('behind a reverse proxy (TRUSTED_PROXIES), failed sign-ins count per client', () => {
  it('counts the client nginx names in X-Real-IP when the peer is a trusted proxy', async () => {
    const srv = await server(['127.0.0.1']);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push(await srv.fail('10.0.0.1'));
      assert.deepEqual(statuses, [...Array(20).fill(401), 429]);
      assert.equal(await srv.fail('10.0.0.2'), 401, 'another client behind nginx is not blocked');
    } finally {
      await srv.close();
    }
  });

  it('ignores X-Real-IP from a peer it does not trust (a client cannot pick its own address)', async () => {
    const srv = await server([]);
    try {
      for (let i = 0; i < 20; i++) assert.equal(await srv.fail(`10.0.1.${i}`), 401);
      assert.equal(await srv.fail('10.0.2.1'), 429);
    } finally {
      await srv.close();
    }
  });

  it('lists an IPv4 proxy also as Node shows it on a dual-stack socket', () =>
    assert.deepEqual(proxyList(' 127.0.0.1, ::1 ,'), ['127.0.0.1', '::ffff:127.0.0.1', '::1']));
});
