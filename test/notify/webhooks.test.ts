import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deliverDue } from '../../src/app/outbox/index.ts';
import { insertDepartmentQuery } from '../../src/db/repos/departments.ts';
import { claimDueOutbox, insertOutboxQueries } from '../../src/db/repos/outbox.ts';
import type { OutboxMessage } from '../../src/domain/outbox/index.ts';
import { slackPoster } from '../../src/notify/slack.ts';
import { webhookUrlIssue } from '../../src/notify/webhook-url.ts';
import { openSqlite } from '../../src/platform/node-deps.ts';
import { startNode } from '../../src/platform/node.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { departmentRow } from '../support/rows.ts';

const T0 = '2026-12-05T01:00:00.000Z';

/** A stand-in for Slack on loopback that answers every post as told. */
async function receiver(answer: {
  status: number;
  headers?: Record<string, string>;
  body: string;
}) {
  let posts = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posts++;
      res.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T/B/X`,
    posts: () => posts,
    set: (a: typeof answer) => Object.assign(answer, a),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** One Slack message for the outbox, due at T0. */
const slackMessage = (id: string, departmentId: string, recipient: string): OutboxMessage => ({
  id,
  createdAt: T0,
  departmentId,
  topic: 'quarantine.marked',
  refId: id,
  channel: 'slack',
  recipient,
  subject: 'test',
  body: 'hello',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  sentAt: null,
});

describe('14. webhook URLs may point anywhere', () => {
  let h: Harness;
  let deptId: string;
  before(async () => {
    h = await harness({ now: T0 });
    deptId = (await seedDepartment(h)).department.id;
  });
  after(() => h.close());

  const REFUSED = [
    ['http://hooks.slack.com/services/T/B/X', /must be an https URL/],
    ['https://127.0.0.1/services/x', /must not point at this server or a private network/],
    ['https://localhost:8787/v1/tokens', /private network/],
    ['https://169.254.169.254/latest/meta-data/', /private network/],
    ['https://10.1.2.3/hook', /private network/],
    ['https://172.20.0.1/hook', /private network/],
    ['https://192.168.0.10/hook', /private network/],
    ['https://100.64.0.1/hook', /private network/],
    ['https://[::1]/hook', /private network/],
    ['https://[fd00::1]/hook', /private network/],
    ['https://[fe80::1]/hook', /private network/],
    ['https://[::ffff:127.0.0.1]/hook', /private network/],
    ['https://user:pw@hooks.slack.com/services/T/B/X', /user name or password/],
  ] as const;

  it('refuses every non-public or plain-http webhook of a department with 422 naming the field, and changes nothing', async () => {
    const before = await h.rowCounts();
    for (const [url, why] of REFUSED) {
      const r = await h.call('PATCH', `/v1/departments/${deptId}`, {
        body: { slackWebhookUrl: url },
      });
      assert.equal(r.status, 422, `${url}: ${r.text}`);
      assert.equal(r.json.errors[0].path, '/slackWebhookUrl');
      assert.match(r.json.errors[0].message, why, url);
      const made = await h.call('POST', '/v1/departments', {
        body: { name: '別の課', slackWebhookUrl: url },
      });
      assert.equal(made.status, 422, `create with ${url}`);
    }
    assert.deepEqual(await h.rowCounts(), before);
    const ok = await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { slackWebhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX' },
    });
    assert.equal(ok.status, 200, ok.text);
  });

  it('a host the operator allows may be reached, over plain http too', async () => {
    assert.equal(webhookUrlIssue('http://127.0.0.1:9/x', ['127.0.0.1']), null);
    assert.equal(webhookUrlIssue('https://teams.example.lg.jp/x', ['teams.example.lg.jp']), null);
    assert.match(webhookUrlIssue('http://127.0.0.1:9/x', ['10.0.0.1']) ?? '', /https/);
    assert.equal(webhookUrlIssue('https://hooks.slack.com/services/T/B/X'), null);
    assert.equal(webhookUrlIssue('https://8.8.8.8/x'), null, 'a public address is fine');
  });

  it('never posts to a refused URL (the organisation webhook included): the message fails at once, saying why', async () => {
    const slack = await receiver({ status: 200, body: 'ok' });
    try {
      h.deps.channels = { postSlack: slackPoster() };
      h.deps.webhookAllowHosts = [];
      await h.deps.atomic(insertOutboxQueries(h.db, [slackMessage('m-loop', deptId, slack.url)]));
      const report = await deliverDue(h.deps);
      assert.deepEqual(report, { sent: 0, logged: 0, retrying: 0, failed: 1 });
      assert.equal(slack.posts(), 0, 'nothing reached the loopback');
      const listed = (await h.call('GET', '/v1/outbox?status=failed')).json.messages;
      const m = listed.find((x: { id: string }) => x.id === 'm-loop');
      assert.match(m.lastError, /the webhook URL must be an https URL/);
    } finally {
      await slack.close();
    }
  });

  it("records the answer's status and reason phrase, never its body", async () => {
    const slack = await receiver({
      status: 500,
      body: '<html>internal admin page: db password hunter2</html>',
    });
    try {
      h.deps.channels = { postSlack: slackPoster() };
      h.deps.webhookAllowHosts = ['127.0.0.1'];
      await h.deps.atomic(insertOutboxQueries(h.db, [slackMessage('m-body', deptId, slack.url)]));
      await deliverDue(h.deps);
      const listed = (await h.call('GET', '/v1/outbox')).json.messages;
      const m = listed.find((x: { id: string }) => x.id === 'm-body');
      assert.equal(m.lastError, 'Slack webhook answered 500 Internal Server Error');
    } finally {
      await slack.close();
    }
  });
});

describe('10. Slack Retry-After is ignored, and a crash delays a message by its whole lease', () => {
  let h: Harness;
  let deptId: string;
  before(async () => {
    h = await harness({ now: T0 });
    deptId = (await seedDepartment(h)).department.id;
    h.deps.webhookAllowHosts = ['127.0.0.1'];
  });
  after(() => h.close());

  const nextAttemptOf = async (id: string) =>
    (
      await h.db
        .selectFrom('outbox')
        .select('next_attempt_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).next_attempt_at;

  for (const [name, header, seconds] of [
    ['seconds', '300', 300],
    ['an HTTP date', new Date(Date.parse(T0) + 600_000).toUTCString(), 600],
    ['too long a wait, capped at an hour', '999999', 3600],
  ] as const) {
    it(`waits as long as a 429 says (${name}), not the shorter backoff`, async () => {
      const slack = await receiver({ status: 429, headers: { 'retry-after': header }, body: '' });
      try {
        h.deps.channels = { postSlack: slackPoster({ now: () => Date.parse(T0) }) };
        const id = `m-429-${seconds}`;
        await h.deps.atomic(insertOutboxQueries(h.db, [slackMessage(id, deptId, slack.url)]));
        const report = await deliverDue(h.deps);
        assert.equal(report.retrying, 1);
        assert.equal(
          await nextAttemptOf(id),
          new Date(Date.parse(T0) + seconds * 1000).toISOString(),
        );
      } finally {
        await slack.close();
      }
    });
  }

  it('a restarted server gives back the leases it held, and only its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bunsan-lease-'));
    const path = join(dir, 'b.db');
    try {
      const db = await openSqlite(path);
      const dept = 'dept-lease';
      await db.executeQuery(insertDepartmentQuery(db, departmentRow(dept)));
      await db.executeQuery(
        insertOutboxQueries(db, [
          slackMessage('mine', dept, 'https://hooks.slack.com/services/T/B/1'),
        ])[0]!,
      );
      await db.executeQuery(
        insertOutboxQueries(db, [
          slackMessage('theirs', dept, 'https://hooks.slack.com/services/T/B/2'),
        ])[0]!,
      );
      const now = new Date().toISOString();
      const lease = new Date(Date.now() + 300_000).toISOString();
      await claimDueOutbox(db, { now, leaseUntil: lease, limit: 1, owner: 'host-a:8787' });
      await claimDueOutbox(db, { now, leaseUntil: lease, limit: 1, owner: 'host-b:8787' });
      await db.destroy();
      // The process that held "mine" crashed mid-send and starts again under the same name.
      const lines: string[] = [];
      const srv = await startNode(
        { BUNSAN_DB: path, PORT: '0', HOST: '127.0.0.1', BUNSAN_INSTANCE: 'host-a:8787' },
        (l) => lines.push(l),
      );
      await srv.close();
      assert.ok(
        lines.some((l) => /1 outbox message\(s\) claimed before a restart are due again/.test(l)),
        lines.join('\n'),
      );
      const check = await openSqlite(path);
      const rows = await check
        .selectFrom('outbox')
        .select(['id', 'next_attempt_at', 'lease_owner', 'attempts'])
        .orderBy('id')
        .execute();
      await check.destroy();
      const mine = rows.find((r) => r.id === 'mine')!;
      const theirs = rows.find((r) => r.id === 'theirs')!;
      assert.equal(mine.lease_owner, null);
      assert.ok(mine.next_attempt_at <= new Date().toISOString(), 'due again at once');
      assert.equal(mine.attempts, 1, 'the interrupted attempt still counts');
      assert.equal(theirs.lease_owner, 'host-b:8787', "another instance's lease is left alone");
      assert.equal(theirs.next_attempt_at, lease);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
