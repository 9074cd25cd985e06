import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { deliverDue, quarantineNoticeQueries } from '../../src/app/outbox/index.ts';
import { departmentById } from '../../src/db/repos/departments.ts';
import type { QuarantineNotice } from '../../src/notify/quarantine-notice.ts';
import { teamsPoster } from '../../src/notify/teams.ts';
import { teamsWebhookUrlIssue } from '../../src/notify/webhook-url.ts';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

/** A stand-in for a Teams Workflows webhook on loopback: records each post; 500 to the next `failing`. */
async function fakeTeams() {
  const posts: { path: string; contentType: string | undefined; json: any }[] = [];
  let failing = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failing > 0) {
        failing--;
        res.writeHead(500).end();
        return;
      }
      posts.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      // Workflows accepts a run and answers 202.
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/workflows/abc/triggers/manual/paths/invoke?sig=secret-part`,
    posts,
    failNext: (n: number) => void (failing = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Checks the envelope Workflows needs and returns the card's text blocks. */
function cardTexts(payload: any): string[] {
  assert.equal(payload.type, 'message');
  assert.equal(payload.attachments.length, 1);
  const a = payload.attachments[0];
  assert.equal(a.contentType, 'application/vnd.microsoft.card.adaptive');
  assert.equal(a.content.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
  assert.equal(a.content.type, 'AdaptiveCard');
  assert.equal(a.content.version, '1.4');
  for (const b of a.content.body) {
    assert.equal(b.type, 'TextBlock');
    assert.equal(b.wrap, true);
  }
  return a.content.body.map((b: { text: string }) => b.text);
}

const REASON = '陽性 SECRET-REASON-4242';

describe('Microsoft Teams through the outbox', () => {
  let h: Harness;
  let teams: Awaited<ReturnType<typeof fakeTeams>>;
  let deptId: string;
  let people: { id: string; name: string; email: string }[];

  async function enqueue(id: string) {
    const dept = (await departmentById(h.db, deptId))!;
    const notice: QuarantineNotice = {
      kind: 'marked',
      department: { id: dept.id, name: dept.name, language: dept.language },
      quarantine: {
        id,
        subject: 'team',
        teamLabel: 'B',
        startDate: '2026-12-01',
        endDate: '2026-12-14',
        ...({ reason: REASON } as object),
      },
      standby: { people: [people[1]!], dates: ['2026-12-02'] },
      covering: [{ teamLabel: 'A', members: [people[0]!], dates: ['2026-12-02'] }],
      chiefs: [people[0]!],
      swaps: [{ date: '2026-12-02', fromTeamLabel: 'B', toTeamLabel: 'A' }],
      uncovered: ['2026-12-09'],
    };
    await h.deps.atomic(quarantineNoticeQueries(h.deps, dept, notice, h.deps.now().toISOString()));
    return h.db.selectFrom('outbox').selectAll().where('ref_id', '=', id).execute();
  }

  before(async () => {
    teams = await fakeTeams();
  });
  after(() => teams.close());
  beforeEach(async () => {
    if (h) await h.close();
    h = await harness({ now: '2026-11-24T09:00:00.000Z' });
    deptId = (await seedDepartment(h)).department.id;
    const all = await h.call('GET', `/v1/departments/${deptId}/members`);
    people = all.json.members;
    h.deps.channels = { postTeams: teamsPoster({ timeoutMs: 5_000 }) };
    h.deps.webhookAllowHosts = ['127.0.0.1'];
    teams.posts.length = 0;
    teams.failNext(0);
  });
  after(() => h.close());

  it("posts a quarantine notice to the department's Workflows webhook as an Adaptive Card 1.4 in Japanese, without the reason", async () => {
    const patched = await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { teamsWebhookUrl: teams.url },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.json.teamsWebhookConfigured, true);
    assert.ok(!patched.text.includes('secret-part'), 'the webhook URL is never shown back');

    const rows = await enqueue('q-teams');
    assert.deepEqual(rows.map((r) => r.channel).sort(), ['log', 'log', 'teams']);
    const report = await deliverDue(h.deps);
    assert.deepEqual(report, { sent: 1, logged: 2, retrying: 0, failed: 0 });

    assert.equal(teams.posts.length, 1);
    const post = teams.posts[0]!;
    assert.match(post.contentType ?? '', /^application\/json/);
    assert.equal(post.path, '/workflows/abc/triggers/manual/paths/invoke?sig=secret-part');
    const texts = cardTexts(post.json);
    assert.equal(texts[0], '情報政策課：自宅待機と出勤日の振替');
    assert.equal(post.json.attachments[0].content.body[0].weight, 'Bolder');
    assert.match(
      texts[1]!,
      /^\*\*情報政策課\*\*：Bチームは2026年12月1日\(火\)〜2026年12月14日\(月\)の間、自宅待機です。$/,
    );
    assert.ok(texts.includes('・12月2日(水)　Bチーム → Aチーム'), texts.join('\n'));
    assert.ok(
      texts.some((t) => t.includes('12月9日(水)')),
      'the uncovered day is listed',
    );
    assert.ok(!JSON.stringify(post.json).includes('SECRET-REASON-4242'));
    assert.ok(!JSON.stringify(post.json).includes('陽性'));

    const view = await h.call('GET', '/v1/outbox');
    const teamsRow = view.json.messages.find((m: { channel: string }) => m.channel === 'teams');
    assert.equal(teamsRow.recipient, `${new URL(teams.url).origin}/…`, 'shown by origin only');
  });

  it('writes in English for an English department', async () => {
    await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { teamsWebhookUrl: teams.url, language: 'en' },
    });
    await enqueue('q-en');
    await deliverDue(h.deps);
    const texts = cardTexts(teams.posts[0]!.json);
    assert.equal(texts[0], '情報政策課: standby and office-day swaps');
    assert.match(texts[1]!, /^\*\*情報政策課\*\*: team B is on standby/i);
  });

  it('uses the organisation webhook (TEAMS_WEBHOOK_URL) when the department has none, and retries a refusal without posting twice', async () => {
    h.deps.teamsWebhookUrl = teams.url;
    teams.failNext(1);
    const [row] = (await enqueue('q-retry')).filter((r) => r.channel === 'teams');
    assert.equal(row!.recipient, teams.url);
    const first = await deliverDue(h.deps);
    assert.deepEqual(first, { sent: 0, logged: 2, retrying: 1, failed: 0 });
    assert.equal(teams.posts.length, 0);
    assert.deepEqual(await deliverDue(h.deps), { sent: 0, logged: 0, retrying: 0, failed: 0 });
    h.setNow('2026-11-24T09:01:00.000Z');
    assert.deepEqual(await deliverDue(h.deps), { sent: 1, logged: 0, retrying: 0, failed: 0 });
    assert.deepEqual(await deliverDue(h.deps), { sent: 0, logged: 0, retrying: 0, failed: 0 });
    assert.equal(teams.posts.length, 1);
    cardTexts(teams.posts[0]!.json);
  });

  it("tells the Teams channel of a chief's override (and its undo), as it tells Slack", async () => {
    await h.call('PATCH', `/v1/departments/${deptId}`, { body: { teamsWebhookUrl: teams.url } });
    const rot = await seedPublishedRotation(h, deptId);
    const current = await h.call('GET', `/v1/rotations/${rot.id}`);
    const closed = await h.call('POST', `/v1/rotations/${rot.id}/overrides`, {
      body: { kind: 'close', date: '2027-01-07', reason: '停電' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    assert.equal(closed.status, 201, closed.text);
    const rows = await h.db
      .selectFrom('outbox')
      .selectAll()
      .where('channel', '=', 'teams')
      .execute();
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.topic, /^override\./);
    await deliverDue(h.deps);
    const texts = cardTexts(teams.posts[0]!.json);
    assert.equal(texts[0], '情報政策課：出勤日の変更');
    assert.equal(texts[1], '**情報政策課**：出勤日を変更しました。');
  });

  it('refuses a Teams webhook that is not a Workflows host, naming the field; a chief may not set one', async () => {
    const bad = await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { teamsWebhookUrl: 'https://hooks.example.com/workflows/x' },
    });
    assert.equal(bad.status, 422);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(bad.json.errors[0].path, '/teamsWebhookUrl');
    const chief = await h.tokenFor('chief', { departmentId: deptId });
    const refused = await h.call('PATCH', `/v1/departments/${deptId}`, {
      token: chief.token,
      body: { teamsWebhookUrl: 'https://prod-00.japaneast.logic.azure.com/workflows/x' },
    });
    assert.equal(refused.status, 403);
    const cleared = await h.call('PATCH', `/v1/departments/${deptId}`, {
      body: { teamsWebhookUrl: null },
    });
    assert.equal(cleared.json.teamsWebhookConfigured, false);
  });
});

describe('which Teams webhook hosts are accepted', () => {
  const cases: { url: string; allow?: string[]; ok: boolean }[] = [
    {
      url: 'https://prod-00.japaneast.logic.azure.com:443/workflows/1/triggers/manual/paths/invoke?sig=x',
      ok: true,
    },
    {
      url: 'https://default0123abcd.ef.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/1/triggers/manual/paths/invoke?sig=x',
      ok: true,
    },
    { url: 'https://example.webhook.office.com/webhookb2/x', ok: false },
    { url: 'https://evil-logic.azure.com.example.com/x', ok: false },
    { url: 'https://logic.azure.com.evil.jp/x', ok: false },
    { url: 'http://prod-00.japaneast.logic.azure.com/x', ok: false },
    { url: 'https://teams-relay.example.jp/x', allow: ['teams-relay.example.jp'], ok: true },
    { url: 'http://127.0.0.1:8080/x', ok: false },
    { url: 'http://127.0.0.1:8080/x', allow: ['127.0.0.1'], ok: true },
  ];
  for (const c of cases)
    it(`${c.ok ? 'accepts' : 'refuses'} ${c.url}${c.allow ? ' (allowed)' : ''}`, () => {
      assert.equal(teamsWebhookUrlIssue(c.url, c.allow) === null, c.ok);
    });
});
