import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWorkerServer, type WorkerServer } from '../support/workerd.ts';
import { generate } from 'otplib';
import { webClient } from '../support/web-session.ts';

const ADMIN = 'workerd-web-admin-secret-0123456789';

describe('the web pages on Cloudflare Workers + D1 (workerd through wrangler dev)', () => {
  let worker: WorkerServer;
  let departmentId: string;
  let chiefToken: string;
  before(async () => {
    worker = await startWorkerServer({ adminToken: ADMIN });
    const api = async (path: string, body: unknown) => {
      const res = await fetch(`${worker.base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.json() as Promise<{ id: string; token: string }>;
    };
    departmentId = (await api('/v1/departments', { name: '情報政策課' })).id;
    chiefToken = (await api('/v1/tokens', { role: 'chief', departmentId, label: '課長' })).token;
  });
  after(async () => worker?.stop());

  it('signs a chief in, imports a roster and creates a rotation through the forms, and refuses a post without the token', async () => {
    const w = webClient({ base: worker.base });
    await w.signIn(chiefToken);
    const page = await w.get(`/departments/${departmentId}`);
    assert.equal(page.status, 200);
    const csv = new File(
      [
        'name,email,skills\n山田 太郎,yamada@example.jp,network\n佐藤 花子,sato@example.jp,network\n鈴木 健,suzuki@example.jp,\n',
      ],
      'roster.csv',
      { type: 'text/csv' },
    );
    assert.equal(
      (await w.post(`/departments/${departmentId}/members`, { csv }, { csrf: null })).status,
      403,
    );
    const added = await w.post(`/departments/${departmentId}/members`, { csv });
    assert.equal(added.status, 303, added.html.slice(0, 500));
    assert.match((await w.get(added.location!)).html, /3名を登録しました/);
    await w.get(`/departments/${departmentId}/rotations/new`);
    const made = await w.post(`/departments/${departmentId}/rotations/new`, {
      startDate: '2030-01-07',
      endDate: '2030-02-28',
      teamCount: '2',
      pattern: 'daily',
      bufferDays: '0',
      skillName0: 'network',
      skillMin0: '1',
    });
    assert.equal(made.status, 303, made.html.slice(0, 500));
    const report = await w.get(made.location!);
    assert.match(report.html, /id="survivability"/);
    const grid = await w.get(`${made.location}/month?month=2030-01`);
    assert.match(grid.html, /data-kind="office"/);
  });

  it('a member follows an invitation to their page; sign-out ends the session; the passkey ceremony starts (D1 holds the challenge)', async () => {
    const member = await fetch(`${worker.base}/v1/departments/${departmentId}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ members: [{ name: '招待 太郎', email: 'shotai@example.jp' }] }),
    }).then((r) => r.json() as Promise<{ members: { id: string }[] }>);
    const invited = await fetch(`${worker.base}/v1/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: member.members[0]!.id }),
    });
    assert.equal(invited.status, 201);
    const path = new URL(((await invited.json()) as { url: string }).url).pathname;
    const w = webClient({ base: worker.base });
    const page = await w.get(path);
    assert.match(page.html, /招待 太郎 さん（職員）として招待されています/);
    const options = await w.post(`${path}/passkey/options`);
    const challenge = JSON.parse(options.html) as { challenge: string; rp: { id: string } };
    assert.match(challenge.challenge, /^[\w-]{20,}$/);
    const went = await w.post(`${path}/continue`);
    assert.equal(went.status, 303);
    assert.equal(went.location, '/me');
    const stolen = w.jar.get('bunsan_session')!;
    assert.equal((await w.get('/me')).status, 200);
    assert.equal((await w.post('/signout')).status, 303);
    const replay = await fetch(`${worker.base}/me`, {
      headers: { cookie: `bunsan_session=${stolen}` },
      redirect: 'manual',
    });
    assert.equal(replay.status, 303, 'the old cookie is worth nothing after sign-out');
    assert.equal((await w.get(path)).status, 410, 'the invitation worked once');
  });

  it('HR enrols an authenticator app from the invitation (the QR drawn on workerd) and signs in with a code', async () => {
    const invited = await fetch(`${worker.base}/v1/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'jinji@example.jp', role: 'hr' }),
    });
    assert.equal(invited.status, 201);
    const path = new URL(((await invited.json()) as { url: string }).url).pathname;
    const w = webClient({ base: worker.base });
    const page = await w.get(`${path}/totp`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<svg/);
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.html)![1]!;
    const done = await w.post(`${path}/totp`, { code: await generate({ secret }) });
    assert.equal(done.status, 303, done.html.slice(0, 300));
    assert.equal(done.location, '/quarantines');
    assert.equal((await w.get('/quarantines')).status, 200);
  });
});
