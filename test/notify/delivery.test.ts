import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  quarantineNoticeQueries,
  deliverDue,
  retryDelayMs,
  startDeliveryLoop,
} from '../../src/app/outbox/index.ts';
import { departmentById } from '../../src/db/repos/departments.ts';
import type { OutboxRow } from '../../src/db/schema.ts';
import {
  type QuarantineNotice,
  composeQuarantineMessages,
} from '../../src/notify/quarantine-notice.ts';
import { slackPoster } from '../../src/notify/slack.ts';
import { smtpMailer, type Mailer } from '../../src/platform/node-mail.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertOutboxQueries } from '../../src/db/repos/outbox.ts';
import { openSqlite } from '../../src/platform/node-deps.ts';
import { startNode } from '../../src/platform/node.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { parseMail, smtpSink } from '../support/smtp.ts';

const REASON = '新型コロナ陽性 SECRET-REASON-4242';

/** A stand-in for Slack on loopback: records every post; answers 500 to the next `failing` posts. */
async function slackReceiver() {
  const posts: { path: string; contentType: string | undefined; body: string; answered: number }[] =
    [];
  let failing = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = failing > 0 ? 500 : 200;
      if (failing > 0) failing--;
      posts.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
      });
      res
        .writeHead(answered, { 'content-type': 'text/plain' })
        .end(answered === 200 ? 'ok' : 'internal_error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/services/T0/B0/secret-part`,
    posts,
    failNext: (n: number) => {
      failing = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const at = (iso: string, plusMs: number) =>
  new Date(new Date(iso).getTime() + plusMs).toISOString();

describe('delivering the outbox', () => {
  let h: Harness;
  let slack: Awaited<ReturnType<typeof slackReceiver>>;
  let smtp: Awaited<ReturnType<typeof smtpSink>>;
  let mailer: Mailer;
  let deptId: string;
  let people: { id: string; name: string; email: string }[];
  const T0 = '2026-11-24T09:00:00.000Z';

  /** A marked quarantine of team B ({members 1, 2}) covered by team A (member 0, the chief), written to the outbox. */
  async function enqueueNotice(id: string): Promise<OutboxRow[]> {
    const dept = (await departmentById(h.db, deptId))!;
    const record = {
      id,
      subject: 'team' as const,
      teamLabel: 'B',
      startDate: '2026-12-01',
      endDate: '2026-12-14',
      reason: REASON,
    };
    const notice: QuarantineNotice = {
      kind: 'marked',
      department: { id: dept.id, name: dept.name, language: dept.language },
      quarantine: { ...record },
      standby: { people: [people[1]!, people[2]!], dates: ['2026-12-02', '2026-12-04'] },
      covering: [{ teamLabel: 'A', members: [people[0]!], dates: ['2026-12-02', '2026-12-04'] }],
      chiefs: [people[0]!],
      swaps: [
        { date: '2026-12-02', fromTeamLabel: 'B', toTeamLabel: 'A' },
        { date: '2026-12-04', fromTeamLabel: 'B', toTeamLabel: 'A' },
      ],
      uncovered: [],
    };
    await h.deps.atomic(quarantineNoticeQueries(h.deps, dept, notice, h.deps.now().toISOString()));
    return h.db.selectFrom('outbox').selectAll().where('ref_id', '=', id).orderBy('id').execute();
  }
  const rowsOf = (ref: string) =>
    h.db.selectFrom('outbox').selectAll().where('ref_id', '=', ref).execute();

  before(async () => {
    [slack, smtp] = await Promise.all([slackReceiver(), smtpSink()]);
    mailer = smtpMailer(smtp.url, 'bunsan <bunsan@example.jp>');
  });
  after(async () => {
    mailer.close();
    await Promise.all([slack.close(), smtp.close()]);
  });
  beforeEach(async () => {
    if (h) await h.close();
    h = await harness({ now: T0 });
    const seed = await seedDepartment(h);
    deptId = seed.department.id;
    const all = await h.call('GET', `/v1/departments/${deptId}/members`);
    people = all.json.members.map((m: { id: string; name: string; email: string }) => ({
      id: m.id,
      name: m.name,
      email: m.email,
    }));
    people.sort((a, b) =>
      a.email === 'yamada@example.jp'
        ? -1
        : b.email === 'yamada@example.jp'
          ? 1
          : a.email.localeCompare(b.email),
    );
    h.deps.channels = { postSlack: slackPoster({ timeoutMs: 5_000 }), sendEmail: mailer.send };
    // The stand-in Slack listens on loopback, which a webhook may reach only when allowed.
    h.deps.webhookAllowHosts = ['127.0.0.1'];
    slack.posts.length = 0;
    smtp.received.length = 0;
    smtp.refuse.clear();
    slack.failNext(0);
  });
  after(() => h.close());

  it("sends the Slack message to the department's own webhook and every e-mail over real SMTP, in UTF-8 Japanese", async () => {
    h.deps.slackWebhookUrl = 'http://127.0.0.1:9/organisation-default-not-used';
    const patched = await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { slackWebhookUrl: slack.url },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.json.slackWebhookConfigured, true);
    assert.ok(!patched.text.includes('secret-part'), 'the webhook URL is never shown back');

    const rows = await enqueueNotice('q-send');
    assert.deepEqual(rows.map((r) => r.channel).sort(), ['email', 'email', 'email', 'slack']);
    assert.ok(rows.every((r) => r.status === 'pending'));

    const report = await deliverDue(h.deps);
    assert.deepEqual(report, { sent: 4, logged: 0, retrying: 0, failed: 0 });

    assert.equal(slack.posts.length, 1);
    const post = slack.posts[0]!;
    assert.equal(post.path, '/services/T0/B0/secret-part');
    assert.match(post.contentType ?? '', /^application\/json/);
    const text = (JSON.parse(post.body) as { text: string }).text;
    assert.match(
      text,
      /^\*情報政策課\*：Bチームは2026年12月1日\(火\)〜2026年12月14日\(月\)の間、自宅待機です。/,
    );
    assert.match(text, /・12月2日\(水\)　Bチーム → Aチーム/);

    assert.equal(smtp.received.length, 3);
    const byTo = new Map(smtp.received.map((m) => [m.to.join(','), m]));
    assert.deepEqual([...byTo.keys()].sort(), people.map((p) => p.email).sort());
    for (const m of smtp.received) assert.equal(m.from, 'bunsan@example.jp');
    const standby = parseMail(byTo.get(people[1]!.email)!.raw);
    assert.equal(standby.headers.get('to'), people[1]!.email);
    assert.match(standby.headers.get('content-type') ?? '', /text\/plain; charset=utf-8/i);
    assert.equal(
      standby.headers.get('subject'),
      '【自宅待機のお知らせ】情報政策課（2026年12月1日(火)〜2026年12月14日(月)）',
    );
    assert.match(
      standby.text,
      new RegExp(`^${people[1]!.name} 様\\n\\n情報政策課からのお知らせです。`),
    );
    assert.match(standby.text, /自宅待機となる元の出勤日:\n・12月2日\(水\)\n・12月4日\(金\)/);
    const chief = parseMail(byTo.get('yamada@example.jp')!.raw);
    assert.equal(chief.headers.get('subject'), '【出勤日の追加】情報政策課：Aチーム');
    assert.match(chief.text, /■ 課長向けのまとめ/);

    // Nothing that left the process carries the reason.
    for (const body of [
      ...slack.posts.map((p) => p.body),
      ...smtp.received.map((m) => JSON.stringify(parseMail(m.raw))),
    ]) {
      assert.ok(!body.includes('SECRET-REASON-4242') && !body.includes('陽性'), body);
    }
    const after = await rowsOf('q-send');
    assert.ok(
      after.every(
        (r) => r.status === 'sent' && r.sent_at === T0 && r.attempts === 1 && r.last_error === null,
      ),
    );
    assert.equal(
      await deliverDue(h.deps).then((r) => r.sent),
      0,
      'a sent message is not sent again',
    );
  });

  it('retries while Slack fails, with a backoff that doubles, and loses nothing', async () => {
    h.deps.slackWebhookUrl = slack.url; // the organisation's webhook: the department has none
    h.deps.channels = { postSlack: slackPoster({ timeoutMs: 5_000 }) };
    await enqueueNotice('q-retry');
    slack.failNext(3);

    let now = T0;
    const expectDelays = [30_000, 60_000, 120_000];
    for (const [i, delay] of expectDelays.entries()) {
      const r = await deliverDue(h.deps);
      assert.equal(r.retrying, 1, `attempt ${i + 1} fails`);
      const row = (await rowsOf('q-retry')).find((x) => x.channel === 'slack')!;
      assert.equal(row.status, 'pending');
      assert.equal(row.attempts, i + 1);
      assert.equal(row.next_attempt_at, at(now, delay));
      assert.match(row.last_error ?? '', /Slack webhook answered 500/);
      // Not due a moment before its time.
      h.setNow(at(now, delay - 1_000));
      assert.deepEqual(await deliverDue(h.deps), { sent: 0, logged: 0, retrying: 0, failed: 0 });
      now = at(now, delay);
      h.setNow(now);
    }
    const last = await deliverDue(h.deps);
    assert.equal(last.sent, 1);
    assert.deepEqual(
      slack.posts.map((p) => p.answered),
      [500, 500, 500, 200],
    );
    assert.equal(new Set(slack.posts.map((p) => p.body)).size, 1, 'the same message every time');
    const row = (await rowsOf('q-retry')).find((x) => x.channel === 'slack')!;
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 4);
    assert.equal(row.sent_at, now);
    // Without e-mail configured, the messages to people went to the log, not nowhere.
    assert.ok(
      (await rowsOf('q-retry'))
        .filter((x) => x.channel !== 'slack')
        .every((x) => x.channel === 'log' && x.status === 'logged'),
    );
    const sent = await h.call('GET', '/v1/outbox?status=sent');
    assert.equal(
      sent.json.messages.filter((m: { refId: string }) => m.refId === 'q-retry').length,
      1,
    );
  });

  it('after the last attempt a message is failed with its error, listed for the admin, and an admin retry sends it', async () => {
    h.deps.slackWebhookUrl = slack.url;
    await enqueueNotice('q-fail');
    slack.failNext(1_000);
    const delays: number[] = [];
    let now = T0;
    for (let attempt = 1; attempt <= 10; attempt++) {
      await deliverDue(h.deps);
      const row = (await rowsOf('q-fail')).find((x) => x.channel === 'slack')!;
      if (row.status === 'failed') break;
      const wait = new Date(row.next_attempt_at).getTime() - new Date(now).getTime();
      delays.push(wait);
      now = row.next_attempt_at;
      h.setNow(now);
    }
    assert.deepEqual(
      delays,
      [30, 60, 120, 240, 480, 960, 1920, 3600, 3600].map((s) => s * 1000),
    );
    assert.deepEqual(
      delays,
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => retryDelayMs(n)),
    );
    const row = (await rowsOf('q-fail')).find((x) => x.channel === 'slack')!;
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 10);
    // The status and its reason phrase; never what the other side wrote back.
    assert.match(row.last_error ?? '', /answered 500 Internal Server Error$/);
    assert.doesNotMatch(row.last_error ?? '', /internal_error/);
    assert.equal(slack.posts.length, 10);
    h.setNow(at(now, 86_400_000));
    assert.equal((await deliverDue(h.deps)).failed, 0, 'a failed message waits for a person');
    assert.equal(slack.posts.length, 10);

    const failed = await h.call('GET', '/v1/outbox?status=failed');
    assert.equal(failed.status, 200);
    const listed = failed.json.messages.find((m: { id: string }) => m.id === row.id);
    assert.ok(listed, failed.text);
    assert.equal(listed.status, 'failed');
    assert.equal(listed.attempts, 10);
    assert.match(listed.lastError, /500/);
    assert.equal(
      listed.recipient,
      'http://127.0.0.1:' + new URL(slack.url).port + '/…',
      'the webhook path (its secret) is not shown',
    );
    assert.ok(!failed.text.includes('secret-part'));
    assert.ok(!failed.text.includes('SECRET-REASON-4242'));
    assert.equal((await h.call('GET', '/v1/outbox?status=nope')).status, 400);

    slack.failNext(0);
    const retried = await h.call('POST', `/v1/outbox/${row.id}/retry`);
    assert.equal(retried.status, 200, retried.text);
    assert.equal(retried.json.status, 'pending');
    assert.equal(retried.json.attempts, 0);
    assert.equal(
      (await h.call('POST', `/v1/outbox/${row.id}/retry`)).status,
      409,
      'only a failed message is retried',
    );
    assert.equal((await h.call('POST', '/v1/outbox/no-such-id/retry')).status, 404);
    assert.equal((await deliverDue(h.deps)).sent, 1);
    assert.equal((await rowsOf('q-fail')).find((x) => x.id === row.id)!.status, 'sent');
    const audit = await h.call('GET', '/v1/audit');
    assert.ok(
      audit.json.entries.some(
        (e: { action: string; subject: { id: string } }) =>
          e.action === 'outbox.retry' && e.subject.id === row.id,
      ),
    );
  });

  it('retries an e-mail the SMTP server refuses for now, while the others go through', async () => {
    smtp.refuse.add(people[2]!.email);
    await enqueueNotice('q-smtp');
    const first = await deliverDue(h.deps);
    assert.deepEqual(first, { sent: 2, logged: 0, retrying: 1, failed: 0 });
    const refused = (await rowsOf('q-smtp')).find((r) => r.recipient === people[2]!.email)!;
    assert.equal(refused.status, 'pending');
    assert.match(refused.last_error ?? '', /451/);
    smtp.refuse.clear();
    h.setNow(at(T0, 30_000));
    assert.equal((await deliverDue(h.deps)).sent, 1);
    assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), people.map((p) => p.email).sort());
  });

  it('without Slack or e-mail configured, logs every message through deps.log and loses none', async () => {
    delete h.deps.channels;
    delete h.deps.slackWebhookUrl;
    const rows = await enqueueNotice('q-log');
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.channel === 'log'));
    const report = await deliverDue(h.deps);
    assert.deepEqual(report, { sent: 0, logged: 3, retrying: 0, failed: 0 });
    for (const p of people) {
      const line = h.logs.find((l) => l.includes(`to ${p.email}`));
      assert.ok(line, `logged for ${p.email}`);
      assert.ok(line.includes(`${p.name} 様`));
      assert.ok(!line.includes('SECRET-REASON-4242'));
    }
    const logged = await h.call('GET', '/v1/outbox?status=logged');
    assert.equal(logged.json.messages.length, 3);
    assert.equal((await h.call('GET', '/v1/outbox?status=pending')).json.messages.length, 0);
  });

  it('a Slack row waiting in a runtime that cannot post stays in the outbox with its error', async () => {
    h.deps.slackWebhookUrl = slack.url;
    h.deps.channels = {};
    await enqueueNotice('q-noslack');
    const r = await deliverDue(h.deps, { maxAttempts: 1 });
    assert.equal(r.failed, 1);
    const row = (await rowsOf('q-noslack')).find((x) => x.channel === 'slack')!;
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /not available/);
  });

  it('the delivery loop sends due messages by itself and stops when asked', async () => {
    h.deps.slackWebhookUrl = slack.url;
    await enqueueNotice('q-loop');
    const loop = startDeliveryLoop(h.deps, { intervalMs: 10 });
    try {
      for (let i = 0; i < 300 && (await rowsOf('q-loop')).some((r) => r.status !== 'sent'); i++)
        await new Promise((r) => setTimeout(r, 10));
    } finally {
      await loop.stop();
    }
    assert.ok((await rowsOf('q-loop')).every((r) => r.status === 'sent'));
    assert.equal(slack.posts.length, 1);
    assert.equal(smtp.received.length, 3);
  });

  it('npm start wires SLACK_WEBHOOK_URL and SMTP_URL into a delivery loop that sends what is in the outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bunsan-notify-'));
    const file = join(dir, 'bunsan.db');
    const lines: string[] = [];
    const srv = await startNode(
      {
        BUNSAN_DB: file,
        PORT: '0',
        HOST: '127.0.0.1',
        SLACK_WEBHOOK_URL: slack.url,
        WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'bunsan@example.jp',
      },
      (l) => lines.push(l),
    );
    const db = await openSqlite(file);
    try {
      assert.ok(
        lines.some((l) => l === 'bunsan notifications: Slack SLACK_WEBHOOK_URL, e-mail SMTP_URL'),
        lines.join('\n'),
      );
      const token = lines.map((l) => l.trim()).find((l) => l.startsWith('bsn_'))!;
      const dept = await fetch(`http://127.0.0.1:${srv.port}/v1/departments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'IT Policy', language: 'en' }),
      }).then((r) => r.json() as Promise<{ id: string }>);
      let n = 0;
      const rows = composeQuarantineMessages(
        {
          kind: 'marked',
          department: { id: dept.id, name: 'IT Policy', language: 'en' },
          quarantine: {
            id: 'q-start',
            subject: 'team',
            teamLabel: 'B',
            startDate: '2026-12-01',
            endDate: '2026-12-14',
          },
          standby: { people: [{ id: 'p1', name: 'Ken', email: 'ken@example.jp' }], dates: [] },
          covering: [],
          chiefs: [{ id: 'p2', name: 'Aya', email: 'aya@example.jp' }],
          swaps: [],
          uncovered: ['2026-12-02'],
        },
        {
          slackWebhookUrl: slack.url,
          emailEnabled: true,
          at: new Date().toISOString(),
          newId: () => `start-${++n}`,
        },
      );
      // Another connection writes, as another process would; the server's loop (every 5 s) picks the rows up.
      for (const q of insertOutboxQueries(db, rows)) await db.executeQuery(q);
      const deadline = Date.now() + 12_000;
      while (Date.now() < deadline && (slack.posts.length < 1 || smtp.received.length < 2))
        await new Promise((r) => setTimeout(r, 50));
      assert.equal(slack.posts.length, 1);
      assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), [
        'aya@example.jp',
        'ken@example.jp',
      ]);
      assert.equal(
        parseMail(smtp.received.find((m) => m.to[0] === 'ken@example.jp')!.raw).headers.get(
          'subject',
        ),
        '[IT Policy] Standby: Tue 1 Dec 2026 – Mon 14 Dec 2026',
      );
    } finally {
      await srv.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only an admin sets the Slack webhook; a chief may not, and nobody reads it back', async () => {
    const chief = await h.tokenFor('chief', { departmentId: deptId });
    const refused = await h.call('PATCH', `/v1/departments/${deptId}`, {
      token: chief.token,
      body: { slackWebhookUrl: slack.url },
    });
    assert.equal(refused.status, 403);
    assert.equal(
      (
        await h.call('PATCH', `/v1/departments/${deptId}`, {
          body: { slackWebhookUrl: 'ftp://example.jp/x' },
        })
      ).status,
      422,
    );
    assert.equal(
      (await h.call('PATCH', `/v1/departments/${deptId}`, { body: { slackWebhookUrl: slack.url } }))
        .status,
      200,
    );
    const seen = await h.call('GET', `/v1/departments/${deptId}`, { token: chief.token });
    assert.equal(seen.json.slackWebhookConfigured, true);
    assert.ok(!seen.text.includes(slack.url));
    const cleared = await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { slackWebhookUrl: null },
    });
    assert.equal(cleared.json.slackWebhookConfigured, false);
  });
});
