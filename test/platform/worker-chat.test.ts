import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { deliverDue } from '../../src/app/outbox/index.ts';
import { teamsPoster } from '../../src/notify/teams.ts';
import { nodeDeps, openSqlite } from '../../src/platform/node-deps.ts';
import { createServer } from '../../src/server.ts';
import { httpClient, type Call } from '../support/http-scenario.ts';
import { startWorkerServer, type WorkerServer } from '../support/workerd.ts';

const ADMIN = 'workerd-chat-admin-secret-for-tests-0123456789';
const SECRET = 'workerd-chat-signing-secret';

/** A Workflows stand-in on loopback: every card posted, by the path it was posted to. */
async function fakeTeams() {
  const posts: { path: string; json: any }[] = [];
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (runtime: string) => `http://127.0.0.1:${port}/workflows/${runtime}/invoke?sig=x`,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A slash command as Slack signs it, now. */
function slash(call: Call, userId: string, text: string, secret = SECRET) {
  const ts = String(Math.floor(Date.now() / 1000));
  const body = new URLSearchParams({ user_id: userId, command: '/bunsan', text }).toString();
  const mac = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return call('POST', '/slack/commands', {
    token: null,
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': `v0=${mac}`,
    },
  });
}

/**
 * The chat walk, the same on each runtime: a member linked to Slack asks /bunsan 予定 (the answer
 * must list the office days their schedule has), a forged request is refused, and a quarantine's
 * notice reaches the department's Teams webhook as an Adaptive Card 1.4 once delivered.
 */
async function chatScenario(call: Call, teamsUrl: string, deliver: () => Promise<void>) {
  const dept = (await call('POST', '/v1/departments', { body: { name: 'チャット課' } })).json;
  const members = Array.from({ length: 4 }, (_, i) => ({
    name: `職員${i}`,
    email: `c${i}@example.jp`,
  }));
  const added = await call('POST', `/v1/departments/${dept.id}/members`, { body: { members } });
  assert.equal(added.status, 201, added.text);
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
  const me = added.json.members[0];
  assert.equal(
    (await call('POST', `/v1/members/${me.id}/slack`, { body: { slackUserId: 'U0CHAT0' } })).status,
    200,
  );
  const mine = await slash(call, 'U0CHAT0', '予定');
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.response_type, 'ephemeral');
  const office = (await call('GET', `/v1/members/${me.id}/schedule`)).json.days
    .filter((d: any) => d.kind === 'office')
    .slice(0, 5)
    .map((d: any) => d.date);
  const listed = [...mine.json.text.matchAll(/(\d{4})年(\d+)月(\d+)日/g)].map(
    (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
  );
  assert.deepEqual(listed, office);
  const forged = await slash(call, 'U0CHAT0', '予定', 'not-the-secret');
  assert.equal(forged.status, 401);

  const patched = await call('PATCH', `/v1/departments/${dept.id}`, {
    body: { teamsWebhookUrl: teamsUrl },
  });
  assert.equal(patched.status, 200, patched.text);
  const q = await call('POST', '/v1/quarantines', {
    body: { teamId: rot.teams[0].id, startDate: start },
  });
  assert.equal(q.status, 201, q.text);
  await deliver();
  const outbox = (await call('GET', '/v1/outbox?limit=500')).json.messages.filter(
    (m: any) => m.departmentId === dept.id && m.channel === 'teams',
  );
  assert.equal(outbox.length, 1);
  assert.equal(outbox[0].status, 'sent', outbox[0].lastError ?? '');
  return {
    help: (await slash(call, 'U0CHAT0', 'help')).json.text,
    unknown: (await slash(call, 'U0NOBODY', '今日')).json.text,
    scheduleHeading: mine.json.text.split('\n')[0],
  };
}

describe('chat on workerd and Node alike: the Slack command and Teams cards', () => {
  let teams: Awaited<ReturnType<typeof fakeTeams>>;
  let worker: WorkerServer;
  let node: { base: string; deliver: () => Promise<void>; close: () => Promise<void> };

  before(async () => {
    teams = await fakeTeams();
    worker = await startWorkerServer({
      adminToken: ADMIN,
      vars: { SLACK_SIGNING_SECRET: SECRET, WEBHOOK_ALLOW_HOSTS: '127.0.0.1' },
    });
    const db = await openSqlite(':memory:');
    const deps = nodeDeps(db, {
      adminToken: ADMIN,
      slackSigningSecret: SECRET,
      webhookAllowHosts: ['127.0.0.1'],
      channels: { postTeams: teamsPoster() },
      log: () => undefined,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: createServer(deps).fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(s),
      );
    });
    const port = (server.address() as AddressInfo).port;
    node = {
      base: `http://127.0.0.1:${port}`,
      deliver: async () => void (await deliverDue(deps)),
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.destroy();
      },
    };
  });
  after(async () => {
    await Promise.all([worker?.stop(), node?.close(), teams?.close()]);
  });

  it('answers /bunsan and posts the quarantine card the same way on both', async () => {
    const onNode = await chatScenario(
      httpClient(node.base, ADMIN),
      teams.url('node'),
      node.deliver,
    );
    let onWorkerd;
    try {
      onWorkerd = await chatScenario(
        httpClient(worker.base, ADMIN),
        teams.url('workerd'),
        async () => {
          const fired = await fetch(
            `${worker.base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}`,
          );
          assert.equal(fired.status, 200, await fired.text());
        },
      );
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.stack : e}\n--- wrangler ---\n${worker.output()}`);
    }
    assert.deepEqual(onWorkerd, onNode);
    const byRuntime = (r: string) => teams.posts.filter((p) => p.path.includes(`/workflows/${r}/`));
    const [n, w] = [byRuntime('node'), byRuntime('workerd')];
    assert.equal(n.length, 1);
    assert.equal(w.length, 1);
    for (const p of [...n, ...w]) {
      assert.equal(p.json.type, 'message');
      assert.equal(p.json.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
      assert.equal(p.json.attachments[0].content.version, '1.4');
    }
    assert.deepEqual(w[0]!.json, n[0]!.json, 'the same card from both runtimes');
  });
});
