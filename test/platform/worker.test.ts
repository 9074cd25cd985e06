import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { createServer } from '../../src/server.ts';
import { nodeDeps, openSqlite } from '../../src/platform/node-deps.ts';
import { httpClient, runScenario } from '../support/http-scenario.ts';
import { bundleWorker, startWorkerServer, type WorkerServer } from '../support/workerd.ts';

const ADMIN = 'workerd-admin-secret-for-tests-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'bunsan-runtimes-'));

describe('bunsan on Cloudflare Workers + D1 (workerd through wrangler dev)', () => {
  let worker: WorkerServer;
  let node: { port: number; close: () => Promise<void> };
  const nodeLog: string[] = [];

  /** The Node runtime as npm start builds it (better-sqlite3 file, real HTTP server), its log kept here. */
  async function startNodeServer() {
    const db = await openSqlite(join(dir, 'node.db'));
    const app = createServer(nodeDeps(db, { adminToken: ADMIN, log: (l) => nodeLog.push(l) }));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const addr = server.address();
    return {
      port: typeof addr === 'object' && addr ? addr.port : 0,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.destroy();
      },
    };
  }

  before(async () => {
    [worker, node] = await Promise.all([
      startWorkerServer({ adminToken: ADMIN }),
      startNodeServer(),
    ]);
  });
  after(async () => {
    await Promise.all([worker?.stop(), node?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `fn`; when it fails, the error carries what wrangler and the Worker wrote. */
  const withOutput = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      const why = e instanceof Error ? (e.stack ?? e.message) : String(e);
      throw new Error(`${why}\n--- wrangler dev output ---\n${worker.output()}`, { cause: e });
    }
  };

  it('answers the representative HTTP scenario on Node and on workerd alike', async () => {
    const now = new Date();
    const [onNode, onWorkerd] = await Promise.all([
      runScenario(httpClient(`http://127.0.0.1:${node.port}`, ADMIN), now),
      withOutput(() => runScenario(httpClient(worker.base, ADMIN), now)),
    ]);
    // Key by key, so that a difference names the step it comes from.
    assert.deepEqual(Object.keys(onWorkerd), Object.keys(onNode));
    for (const key of Object.keys(onNode))
      assert.deepEqual(onWorkerd[key], onNode[key], `${key} differs between workerd and Node`);
  });

  it('delivers the outbox on the cron trigger (scheduled): messages to people are logged, as on Node without SMTP', async () => {
    await withOutput(async () => {
      const call = httpClient(worker.base, ADMIN);
      const dept = (await call('POST', '/v1/departments', { body: { name: 'cron' } })).json;
      const members = Array.from({ length: 4 }, (_, i) => ({
        name: `M${i}`,
        email: `cron${i}@example.jp`,
      }));
      assert.equal(
        (await call('POST', `/v1/departments/${dept.id}/members`, { body: { members } })).status,
        201,
      );
      const start = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const end = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      const rot = (
        await call('POST', `/v1/departments/${dept.id}/rotations`, {
          body: { startDate: start, endDate: end, teamCount: 2, pattern: { kind: 'daily' } },
        })
      ).json;
      assert.equal(
        (await call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } }))
          .status,
        200,
      );
      const q = await call('POST', '/v1/quarantines', {
        body: { teamId: rot.teams[0].id, startDate: start },
      });
      assert.equal(q.status, 201, q.text);
      const mine = async (status: string) =>
        (
          (await call('GET', `/v1/outbox?status=${status}&limit=500`)).json.messages as any[]
        ).filter((m) => m.departmentId === dept.id);
      assert.ok((await mine('pending')).length > 0, 'the notices wait in the outbox');
      const fired = await fetch(
        `${worker.base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}`,
      );
      assert.equal(fired.status, 200, await fired.text());
      assert.deepEqual(await mine('pending'), []);
      const logged = await mine('logged');
      assert.ok(logged.length > 0);
      assert.ok(logged.every((m) => m.channel === 'log'));
      assert.match(worker.output(), /notification \(log channel\)/);
    });
  });

  it('accepts BUNSAN_ADMIN_TOKEN from the Worker binding as an admin token, and nothing else', async () => {
    const call = httpClient(worker.base, ADMIN);
    assert.equal((await call('GET', '/v1/tokens')).status, 200);
    assert.equal((await call('GET', '/v1/tokens', { token: `${ADMIN}x` })).status, 401);
  });

  it('13. refuses a weak BUNSAN_ADMIN_TOKEN: every request answers 503, and the log says why', async () => {
    const weak = await startWorkerServer({ adminToken: 'short-secret', readyStatus: 503 });
    try {
      const res = await fetch(`${weak.base}/v1/tokens`, {
        headers: { authorization: 'Bearer short-secret' },
      });
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const says = /bunsan: cannot start: BUNSAN_ADMIN_TOKEN is 12 characters/;
      // wrangler passes the Worker's log on a moment later.
      for (let i = 0; i < 50 && !says.test(weak.output()); i++)
        await new Promise((r) => setTimeout(r, 100));
      assert.match(weak.output(), says);
    } finally {
      await weak.stop();
    }
  });

  it('bundles for Workers offline (wrangler deploy --dry-run), with no Node built-ins in the bundle', () => {
    const out = mkdtempSync(join(tmpdir(), 'bunsan-bundle-'));
    try {
      bundleWorker(join(out, 'dist'), out);
      const file = join(out, 'dist', 'worker.js');
      assert.ok(existsSync(file));
      const code = readFileSync(file, 'utf8');
      // esbuild leaves a module it could not bundle as a top-level import or a __require call.
      const external = [
        ...code.matchAll(
          /^import\b[^\n]*?["']([^"'./][^"']*)["'];?$|__require\(["']([^"']+)["']\)/gm,
        ),
      ].map((m) => m[1] ?? m[2]);
      assert.deepEqual(external, [], 'modules left outside the bundle');
      assert.ok(/^export\s*\{[^}]*\bdefault\b/m.test(code), 'the bundle exports the Worker');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
