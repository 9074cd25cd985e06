import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { SignInThrottle } from '../../src/app/tokens/index.ts';
import { nodeDeps, openSqlite } from '../../src/platform/node-deps.ts';
import { createServer } from '../../src/server.ts';
import { webClient } from '../support/web-session.ts';

const ADMIN = 'throttle-test-admin-secret-0123456789';

describe('13. failed sign-ins are limited per client address', () => {
  let now = Date.parse('2026-12-05T01:00:00Z');
  let server: ServerType;
  let base: string;
  let close: () => Promise<void>;
  before(async () => {
    const db = await openSqlite(':memory:');
    const app = createServer(nodeDeps(db, { adminToken: ADMIN, now: () => new Date(now) }));
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    close = async () => {
      await new Promise((r) => server.close(r));
      await db.destroy();
    };
  });
  after(() => close());

  const api = (token: string) =>
    fetch(`${base}/v1/departments`, { headers: { authorization: `Bearer ${token}` } });

  it('wrong tokens get 401 up to the limit, then 429 with Retry-After for every token, until the window passes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await api(`bsn_guess_${i}`)).status);
    assert.deepEqual(statuses, [...Array(20).fill(401), ...Array(5).fill(429)]);
    const blocked = await api(ADMIN);
    assert.equal(blocked.status, 429, 'while blocked, no token is even checked');
    assert.equal(blocked.headers.get('content-type'), 'application/problem+json');
    const wait = Number(blocked.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 300, `Retry-After ${wait}`);
    now += wait * 1000;
    assert.equal((await api(ADMIN)).status, 200, 'after Retry-After the address may try again');
    assert.equal((await api('bsn_guess_again')).status, 401);
    now += 5 * 60_000;
  });

  it('the sign-in page counts the same failures and says when to try again, in Japanese', async () => {
    const w = webClient({ base });
    let last = await w.get('/signin');
    for (let i = 0; i < 21; i++) last = await w.post('/signin', { token: `bsn_guess_${i}` });
    assert.equal(last.status, 429);
    assert.ok(Number(last.headers.get('retry-after')) > 0);
    assert.match(last.html, /サインインの失敗が続いたため、受け付けを止めています。\d+ 秒後/);
    now += 5 * 60_000;
    const ok = await w.post('/signin', { token: ADMIN });
    assert.equal(ok.status, 303);
  });

  it('keeps at most the configured number of addresses in memory, dropping the oldest', () => {
    let t = 0;
    const th = new SignInThrottle(() => t, { failures: 2, windowMs: 1000, addresses: 3 });
    for (const a of ['a', 'a', 'b', 'b']) th.fail(a);
    assert.equal(th.waitSeconds('a'), 1);
    for (const a of ['c', 'd']) th.fail(a);
    assert.equal(th.waitSeconds('a'), 0, 'a, the oldest, was dropped for d');
    assert.equal(th.waitSeconds('b'), 1);
    t = 1000;
    assert.equal(th.waitSeconds('b'), 0, 'failures older than the window no longer count');
  });
});
