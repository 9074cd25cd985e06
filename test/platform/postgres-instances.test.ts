import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { StoreBusy } from '../../src/app/deps.ts';
import { deliverDue } from '../../src/app/outbox/index.ts';
import { exclusively } from '../../src/db/exclusive.ts';
import { claimDueOutbox, insertOutboxQueries } from '../../src/db/repos/outbox.ts';
import { slackPoster } from '../../src/notify/slack.ts';
import { httpClient } from '../support/http-scenario.ts';
import {
  alternating,
  postgresPair,
  publishedRotation,
  type Instance,
} from '../support/instances.ts';
import { postgresSkip } from '../support/postgres.ts';

const ADMIN = 'postgres-admin-secret-for-tests-0123456789';

/** A local stand-in for a Slack incoming webhook: keeps every text it is sent, answering a moment later. */
async function fakeWebhook(): Promise<{
  url: string;
  texts: string[];
  close: () => Promise<void>;
}> {
  const texts: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      texts.push(JSON.parse(body).text);
      setTimeout(() => res.end('ok'), 3);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    texts,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Queues one Slack message per body to `url`, due at `now`, oldest first. */
async function queue(
  db: Instance['deps']['db'],
  departmentId: string,
  url: string,
  bodies: readonly string[],
  now: string,
): Promise<string[]> {
  const ids = bodies.map(() => randomUUID());
  const messages = bodies.map((body, i) => ({
    id: ids[i]!,
    createdAt: new Date(Date.parse(now) + i).toISOString(),
    departmentId,
    topic: 'test',
    refId: null,
    channel: 'slack' as const,
    recipient: url,
    subject: 'test',
    body,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    sentAt: null,
  }));
  for (const q of insertOutboxQueries(db, messages)) await db.executeQuery(q);
  return ids;
}

describe(
  'two instances on one PostgreSQL: caches, settings and the outbox',
  { skip: postgresSkip() },
  () => {
    const instances = postgresPair('instances', {
      adminToken: ADMIN,
      channels: { postSlack: slackPoster() },
      webhookAllowHosts: ['127.0.0.1'],
    });
    let pair: Instance[];
    let call: ReturnType<typeof httpClient>;
    before(() => {
      pair = instances.pair();
      call = httpClient(alternating(pair), ADMIN);
    });

    it('never serves a cached feed after the other instance changed the plan', async () => {
      const { rotation, hrToken, start } = await publishedRotation(call, { name: 'Feed' });
      const team = rotation.teams[0]!;
      const feed = await call('POST', '/v1/feeds', { body: { scope: 'team', id: team.id } });
      assert.equal(feed.status, 201, feed.text);
      const onA = async () => (await fetch(`${pair[0]!.base}/feeds/${feed.json.token}.ics`)).text();
      const first = await onA();
      assert.equal(await onA(), first, 'the same body while nothing changed');
      const q = await httpClient(pair[1]!.base, ADMIN)('POST', '/v1/quarantines', {
        token: hrToken,
        body: { teamId: team.id, startDate: start },
      });
      assert.equal(q.status, 201, q.text);
      const after = await onA();
      assert.notEqual(after, first, 'instance a serves the plan instance b changed');
      assert.match(after, /SEQUENCE:1/);
    });

    it('merges policy changes made at once on both instances (a JSON merge patch in PostgreSQL)', async () => {
      const [a, b] = pair.map((i) => httpClient(i.base, ADMIN));
      const answers = await Promise.all([
        a!('PATCH', '/v1/settings', { body: { policy: { quarantineDays: 10 } } }),
        b!('PATCH', '/v1/settings', { body: { policy: { exposureWindowDays: 7 } } }),
      ]);
      for (const r of answers) assert.equal(r.status, 200, r.text);
      const read = await a!('GET', '/v1/settings');
      assert.equal(read.json.policy.quarantineDays, 10, read.text);
      assert.equal(read.json.policy.exposureWindowDays, 7, read.text);
      await b!('PATCH', '/v1/settings', { body: { policy: { quarantineDays: null } } });
      assert.equal((await a!('GET', '/v1/settings')).json.policy.quarantineDays, 14);
    });

    it('delivers each outbox message exactly once while both instances deliver', async () => {
      const hook = await fakeWebhook();
      try {
        const dept = await call('POST', '/v1/departments', { body: { name: 'Outbox' } });
        const now = new Date().toISOString();
        const bodies = Array.from({ length: 120 }, (_, i) => `message ${i}`);
        const db = pair[0]!.deps.db;
        await queue(db, dept.json.id, hook.url, bodies, now);
        // Each instance runs several passes at once, so that claims meet in the database.
        const passes = async (i: Instance) => {
          let sent = 0;
          for (let round = 0; round < 30; round++) {
            const r = await deliverDue(i.deps, { batchSize: 4, maxRounds: 1, concurrency: 2 });
            sent += r.sent;
            assert.equal(r.retrying + r.failed, 0);
          }
          return sent;
        };
        const sent = await Promise.all(pair.flatMap((i) => [1, 2, 3, 4].map(() => passes(i))));
        const reports = [0, 4].map((k) => sent.slice(k, k + 4).reduce((a, b) => a + b, 0));
        assert.deepEqual([...hook.texts].sort(), [...bodies].sort());
        assert.equal(reports[0]! + reports[1]!, bodies.length);
        assert.ok(
          reports.every((n) => n > 0),
          `both instances delivered: ${reports.join(' + ')}`,
        );
        const left = await db
          .selectFrom('outbox')
          .select('status')
          .where('department_id', '=', dept.json.id)
          .where('status', '!=', 'sent')
          .execute();
        assert.deepEqual(left, []);
      } finally {
        await hook.close();
      }
    });

    it("skips the rows another instance's claim holds, without waiting for it (FOR UPDATE SKIP LOCKED)", async () => {
      const dept = await call('POST', '/v1/departments', { body: { name: 'Skip' } });
      const [a, b] = pair.map((i) => i.deps.db);
      const now = new Date().toISOString();
      await queue(a!, dept.json.id, 'http://127.0.0.1:9/none', ['1', '2', '3', '4', '5', '6'], now);
      const at = { now, leaseUntil: new Date(Date.now() + 60_000).toISOString(), limit: 3 };
      let released!: () => void;
      const holding = new Promise<void>((r) => (released = r));
      let first: string[] = [];
      const claimA = a!.transaction().execute(async (trx) => {
        first = (await claimDueOutbox(trx, { ...at, owner: 'a' })).map((m) => m.body);
        await holding; // a's claim stays uncommitted, its rows locked, while b claims
      });
      while (first.length === 0) await new Promise((r) => setTimeout(r, 10));
      const second = (await claimDueOutbox(b!, { ...at, limit: 6, owner: 'b' })).map((m) => m.body);
      released();
      await claimA;
      assert.deepEqual(first, ['1', '2', '3']);
      assert.deepEqual(second, ['4', '5', '6']);
    });

    it("turns PostgreSQL's try-again failures (deadlock, serialization) into StoreBusy, a 503 with Retry-After", async () => {
      const { deps } = pair[0]!;
      for (const code of ['40P01', '40001']) {
        const fail = sql`do $$ begin raise exception 'test' using errcode = ${sql.lit(code)}; end $$`;
        await assert.rejects(deps.atomic([fail.compile(deps.db)]), StoreBusy);
      }
      const other = sql`do $$ begin raise exception 'test' using errcode = '22012'; end $$`;
      await assert.rejects(deps.atomic([other.compile(deps.db)]), (e) => !(e instanceof StoreBusy));
    });

    it('runs a periodic job on one instance when both reach for it at once (an advisory lock)', async () => {
      let runs = 0;
      const job = async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 200));
        return runs;
      };
      const results = await Promise.all(
        pair.map((i) => exclusively(i.deps.db, 'reminders', job, { wait: false })),
      );
      assert.equal(runs, 1);
      assert.deepEqual(results.map((r) => r.ran).sort(), [false, true]);
      // Released: the next turn runs again.
      assert.equal(
        (await exclusively(pair[1]!.deps.db, 'reminders', job, { wait: false })).ran,
        true,
      );
    });

    it("delivers a crashed instance's claimed message once its lease has ended", async () => {
      const hook = await fakeWebhook();
      try {
        const dept = await call('POST', '/v1/departments', { body: { name: 'Lease' } });
        const db = pair[0]!.deps.db;
        const now = new Date();
        const message = 'claimed by an instance that died';
        const id = (await queue(db, dept.json.id, hook.url, [message], now.toISOString()))[0]!;
        const claimed = await claimDueOutbox(db, {
          now: now.toISOString(),
          leaseUntil: new Date(now.getTime() + 500).toISOString(),
          limit: 100,
          owner: 'crashed',
        });
        assert.ok(claimed.some((m) => m.id === id));
        assert.equal((await deliverDue(pair[1]!.deps)).sent, 0, 'leased: not taken meanwhile');
        await new Promise((r) => setTimeout(r, 600));
        assert.equal((await deliverDue(pair[1]!.deps)).sent, 1);
        assert.deepEqual(hook.texts, ['claimed by an instance that died']);
        const row = await db
          .selectFrom('outbox')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        assert.equal(row?.status, 'sent');
        assert.equal(row?.attempts, 2);
      } finally {
        await hook.close();
      }
    });
  },
);
