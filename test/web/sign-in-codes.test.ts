import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generate } from 'otplib';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode } from '../../src/platform/node.ts';
import { httpClient } from '../support/http-scenario.ts';
import { parseMail, smtpSink } from '../support/smtp.ts';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const totp = (secret: string, h: Harness) =>
  generate({ secret, epoch: Math.floor(h.deps.now().getTime() / 1000) });

async function invitedPath(h: Harness, body: object) {
  const r = await h.call('POST', '/v1/invitations', { body });
  assert.equal(r.status, 201, r.text);
  return new URL(r.json.url).pathname;
}

/** The newest sign-in code e-mailed to an address (the log channel holds it when no SMTP is set). */
async function mailedCode(h: Harness, email: string): Promise<string | undefined> {
  const row = await h.db
    .selectFrom('outbox')
    .select('body')
    .where('topic', '=', 'sign-in.code')
    .where('recipient', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? /\n(\d{6})\n/.exec(row.body)?.[1] : undefined;
}

describe('sign-in without a passkey', () => {
  it('HR enrols an authenticator app from the invitation (a mistyped code keeps the secret), then signs in with a code, each code once', async () => {
    const h = await harness();
    const path = await invitedPath(h, { email: 'jinji@example.jp', role: 'hr', name: '人事 花子' });
    const w = webClient(h);
    const invite = await w.get(path);
    assert.match(invite.html, /認証アプリ（TOTP）を使う/);
    assert.doesNotMatch(invite.html, /パスキーを使わずに続ける/, 'HR needs a second factor');
    const page = await w.get(`${path}/totp`);
    assert.match(page.html, /<svg/, 'the QR code is drawn on the server');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.html)![1]!;
    const wrong = await w.post(`${path}/totp`, { code: '000000' });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /id="code-error">コードが正しくありません/);
    assert.ok(wrong.html.includes(`>${secret}<`), 'the same secret again');
    const done = await w.post(`${path}/totp`, { code: await totp(secret, h) });
    assert.equal(done.status, 303, done.html.slice(0, 300));
    assert.equal(done.location, '/quarantines');
    await w.post('/signout');

    h.setNow(new Date(T0 + 60_000).toISOString());
    const code = await totp(secret, h);
    const s = webClient(h);
    await s.get('/signin');
    const ok = await s.post('/signin/totp', { email: 'JINJI@example.jp', code });
    assert.equal(ok.status, 303);
    assert.equal((await s.get('/quarantines')).status, 200);
    const replay = webClient(h);
    await replay.get('/signin');
    const again = await replay.post('/signin/totp', { email: 'jinji@example.jp', code });
    assert.equal(again.status, 401, 'a code is good once');
    assert.match(again.html, /id="totp-code-error">コードが正しくありません/);
  });

  it('a staff member gets a code by e-mail (10 minutes, 5 tries, the newest only); HR never does', async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const path = await invitedPath(h, { memberId: members[2]!.id });
    const first = webClient(h);
    await first.get(path);
    assert.equal((await first.post(`${path}/continue`)).status, 303);

    const w = webClient(h);
    await w.get('/signin');
    const asked = await w.post('/signin/code', { email: 'suzuki@example.jp' });
    assert.match(asked.html, /コードを送りました/);
    const code = (await mailedCode(h, 'suzuki@example.jp'))!;
    assert.match(code, /^\d{6}$/);
    for (let i = 0; i < 5; i++) {
      const bad = await w.post('/signin/code/verify', {
        email: 'suzuki@example.jp',
        code: code === '000000' ? '111111' : '000000',
      });
      assert.equal(bad.status, 401);
    }
    const spent = await w.post('/signin/code/verify', { email: 'suzuki@example.jp', code });
    assert.equal(spent.status, 401, 'five wrong tries spend the code');
    assert.match(spent.html, /5回間違えたため/);
    assert.match(spent.html, /新しいコードを送る/);

    await w.post('/signin/code', { email: 'suzuki@example.jp' });
    const fresh = (await mailedCode(h, 'suzuki@example.jp'))!;
    h.setNow(new Date(T0 + 11 * 60_000).toISOString());
    const late = await w.post('/signin/code/verify', { email: 'suzuki@example.jp', code: fresh });
    assert.equal(late.status, 401, 'ten minutes');
    await w.post('/signin/code', { email: 'suzuki@example.jp' });
    const third = (await mailedCode(h, 'suzuki@example.jp'))!;
    const full = third.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const right = await w.post('/signin/code/verify', { email: 'suzuki@example.jp', code: full });
    assert.equal(right.status, 303, 'full-width digits are fine');
    assert.equal(right.location, '/me');

    await invitedPath(h, { email: 'jinji@example.jp', role: 'hr' });
    const hr = webClient(h);
    await hr.get('/signin');
    const refused = await hr.post('/signin/code', { email: 'jinji@example.jp' });
    assert.match(
      refused.html,
      /コードを送りました/,
      'the same answer: it tells nobody who is registered',
    );
    assert.equal(
      await mailedCode(h, 'jinji@example.jp'),
      undefined,
      'HR never gets an e-mail code',
    );
  });

  it('makes an address and a person wait after 20 failures (429, Retry-After)', async () => {
    const h = await harness();
    const w = webClient(h);
    await w.get('/signin');
    for (let i = 0; i < 20; i++)
      assert.equal(
        (await w.post('/signin/totp', { email: 'x@example.jp', code: '123456' })).status,
        401,
      );
    const wait = await w.post('/signin/totp', { email: 'x@example.jp', code: '123456' });
    assert.equal(wait.status, 429);
    assert.ok(Number(wait.headers.get('retry-after')) > 0);
  });

  it('a staff member signs in with the code the real SMTP server receives (npm start with SMTP_URL)', async () => {
    const smtp = await smtpSink();
    const dir = mkdtempSync(join(tmpdir(), 'bunsan-code-'));
    const lines: string[] = [];
    const srv = await startNode(
      {
        BUNSAN_DB: join(dir, 'bunsan.db'),
        PORT: '0',
        HOST: '127.0.0.1',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'bunsan@example.jp',
      },
      (l) => lines.push(l),
    );
    try {
      const base = `http://127.0.0.1:${srv.port}`;
      const token = lines.map((l) => l.trim()).find((l) => l.startsWith('bsn_'))!;
      const api = httpClient(base, token);
      const dept = await api('POST', '/v1/departments', { body: { name: '総務課' } });
      const added = await api('POST', `/v1/departments/${dept.json.id}/members`, {
        body: { members: [{ name: '鈴木 一郎', email: 'suzuki@example.jp' }] },
      });
      const invited = await api('POST', '/v1/invitations', {
        body: { memberId: added.json.members[0].id },
      });
      const w = webClient({ base });
      const path = new URL(invited.json.url).pathname;
      await w.get(path);
      const went = await w.post(`${path}/continue`);
      assert.equal(went.status, 303);
      await w.get(went.location!);
      assert.equal((await w.post('/signout')).status, 303);
      await w.get('/signin');
      const asked = await w.post('/signin/code', { email: 'suzuki@example.jp' });
      assert.match(asked.html, /コードを送りました/, asked.html.slice(0, 400));
      // The delivery loop (every 5 s) hands the invitation and the code to the SMTP server.
      const deadline = Date.now() + 15_000;
      const codeMail = () =>
        smtp.received
          .map((m) => parseMail(m.raw))
          .find((m) => m.headers.get('subject') === 'bunsan のサインインコード');
      while (Date.now() < deadline && !codeMail()) await new Promise((r) => setTimeout(r, 100));
      const mail = codeMail();
      assert.ok(
        mail,
        smtp.received.map((m) => parseMail(m.raw).headers.get('subject')).join(' | '),
      );
      const code = /\n(\d{6})\n/.exec(mail.text)![1]!;
      const res = await w.post('/signin/code/verify', { email: 'suzuki@example.jp', code });
      assert.equal(res.status, 303);
      assert.equal(res.location, '/me');
      assert.equal((await w.get('/me')).status, 200);
    } finally {
      await srv.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts the pages' failures apart from the API's: typos behind one address do not lock out its scripts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bunsan-limit-'));
    const lines: string[] = [];
    const srv = await startNode(
      { BUNSAN_DB: join(dir, 'bunsan.db'), PORT: '0', HOST: '127.0.0.1' },
      (l) => lines.push(l),
    );
    try {
      const base = `http://127.0.0.1:${srv.port}`;
      const token = lines.map((l) => l.trim()).find((l) => l.startsWith('bsn_'))!;
      const w = webClient({ base });
      await w.get('/signin');
      for (let i = 0; i < 20; i++)
        await w.post('/signin/totp', { email: `typo${i}@example.jp`, code: '000000' });
      const waiting = await w.post('/signin/totp', { email: 'x@example.jp', code: '000000' });
      assert.equal(waiting.status, 429, 'the address waits on the pages');
      const api = await fetch(`${base}/v1/departments`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(api.status, 200, "the operator's script from the same address goes on");
    } finally {
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
