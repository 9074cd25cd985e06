import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, seedDepartment } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

describe('invitations', () => {
  it('invites every member not signed up yet in one action, and e-mails each their link and calendar links', async () => {
    const h = await harness();
    const { department, members } = await seedDepartment(h);
    const first = await h.call('POST', '/v1/invitations', { body: { memberId: members[0]!.id } });
    assert.equal(first.status, 201);
    const all = await h.call('POST', `/v1/departments/${department.id}/invitations`);
    assert.equal(all.status, 201, all.text);
    assert.deepEqual(
      all.json.invitations.map((i: any) => i.email).sort(),
      ['sato@example.jp', 'suzuki@example.jp'],
      'the member with an open invitation is left out',
    );
    const again = await h.call('POST', `/v1/departments/${department.id}/invitations`);
    assert.deepEqual(again.json.invitations, [], 'nobody twice');
    const mails = await h.db
      .selectFrom('outbox')
      .select(['recipient', 'body'])
      .where('topic', '=', 'invitation')
      .execute();
    assert.equal(mails.length, 3);
    const sato = mails.find((m) => m.recipient === 'sato@example.jp')!;
    assert.match(sato.body, /\/invite\/inv_/);
    assert.match(
      sato.body,
      /webcal:\/\/.*\/feeds\/bsf_.*\.ics/,
      'the calendar links, no sign-in needed',
    );
    assert.match(sato.body, /calendar\.google\.com/);
  });

  it('refuses a used, a revoked and an expired link, each with its own words', async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const link = async (memberId: string) =>
      new URL((await h.call('POST', '/v1/invitations', { body: { memberId } })).json.url).pathname;
    const w = webClient(h);
    const used = await link(members[0]!.id);
    await w.get(used);
    assert.equal((await w.post(`${used}/continue`)).status, 303);
    const page = async (path: string) => (await webClient(h).get(path)).html;
    assert.match(await page(used), /使用済み/);

    const revoked = await h.call('POST', '/v1/invitations', { body: { memberId: members[1]!.id } });
    await h.call('DELETE', `/v1/invitations/${revoked.json.id}`);
    assert.match(await page(new URL(revoked.json.url).pathname), /取り消されています/);

    const late = await link(members[2]!.id);
    h.setNow('2026-12-01T09:00:01Z');
    assert.match(await page(late), /有効期限（7日間）が切れています/);
    assert.match(await page('/invite/inv_not-a-real-one'), /この招待リンクは使えません/);
  });

  it("an admin's reset removes a person's credentials, ends their sessions and sends a fresh link", async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const invited = await h.call('POST', '/v1/invitations', { body: { memberId: members[2]!.id } });
    const w = webClient(h);
    const path = new URL(invited.json.url).pathname;
    await w.get(path);
    await w.post(`${path}/continue`);
    assert.equal((await w.get('/me')).status, 200);
    const listed = (await h.call('GET', '/v1/people')).json.people;
    assert.deepEqual(
      listed.map((p: any) => [p.email, p.role, p.passkeys, p.totp]),
      [['suzuki@example.jp', 'staff', 0, false]],
    );
    const reset = await h.call('POST', `/v1/people/${invited.json.personId}/reset`);
    assert.equal(reset.status, 201, reset.text);
    assert.equal((await w.get('/me')).status, 303, 'signed out everywhere');
    const fresh = webClient(h);
    const next = new URL(reset.json.url).pathname;
    await fresh.get(next);
    assert.equal((await fresh.post(`${next}/continue`)).status, 303, 'the fresh link works');
  });

  it('makes an address wait after 20 links that do not work (429, Retry-After)', async () => {
    const h = await harness();
    for (let i = 0; i < 20; i++)
      assert.equal((await webClient(h).get(`/invite/inv_guess${i}`)).status, 410);
    const wait = await webClient(h).get('/invite/inv_guess-again');
    assert.equal(wait.status, 429);
    assert.ok(Number(wait.headers.get('retry-after')) > 0);
  });

  it('records failed sign-ins of a known person in the audit log', async () => {
    const h = await harness();
    await h.call('POST', '/v1/invitations', { body: { email: 'hr@example.jp', role: 'hr' } });
    const w = webClient(h);
    await w.get('/signin');
    // No authenticator app yet: nothing to check the code against, nothing recorded as a guess.
    await w.post('/signin/totp', { email: 'hr@example.jp', code: '123456' });
    const { members } = await seedDepartment(h);
    const path = new URL(
      (await h.call('POST', '/v1/invitations', { body: { memberId: members[2]!.id } })).json.url,
    ).pathname;
    await webClient(h).get(path);
    await w.post('/signin/code', { email: 'suzuki@example.jp' });
    await w.post('/signin/code/verify', { email: 'suzuki@example.jp', code: 'abcdef' });
    const failed = (await h.call('GET', '/v1/audit')).json.entries.filter(
      (e: any) => e.action === 'session.fail',
    );
    assert.deepEqual(
      failed.map((e: any) => e.summary),
      [{ method: 'email-code', reason: 'wrong code' }],
    );
  });

  it('invited again (with another role), only the newest link works', async () => {
    const h = await harness();
    const { department, members } = await seedDepartment(h);
    const old = await h.call('POST', '/v1/invitations', { body: { memberId: members[0]!.id } });
    const again = await h.call('POST', '/v1/invitations', {
      body: { email: 'yamada@example.jp', role: 'chief', departmentId: department.id },
    });
    assert.equal(again.json.personId, old.json.personId);
    const page = await webClient(h).get(new URL(old.json.url).pathname);
    assert.equal(page.status, 410, 'the staff link printed earlier no longer signs in as chief');
    assert.match(page.html, /取り消されています/);
    assert.equal((await webClient(h).get(new URL(again.json.url).pathname)).status, 200);
    const people = (await h.call('GET', '/v1/people')).json.people;
    assert.deepEqual(
      people.map((p: any) => [p.email, p.role, p.memberId === members[0]!.id]),
      [['yamada@example.jp', 'chief', true]],
    );
  });

  it('lists a member who left as not active among the people', async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    await h.call('POST', '/v1/invitations', { body: { memberId: members[1]!.id } });
    await h.call('DELETE', `/v1/members/${members[1]!.id}`);
    const people = (await h.call('GET', '/v1/people')).json.people;
    assert.equal(people[0].active, false);
  });

  it('says what an invitation needs: memberId, or email and role; a department only for a chief', async () => {
    const h = await harness();
    const empty = await h.call('POST', '/v1/invitations', { body: {} });
    assert.equal(empty.status, 422);
    assert.deepEqual(
      empty.json.errors.map((e: any) => e.path),
      ['/email', '/role'],
    );
    const { department } = await seedDepartment(h);
    const hr = await h.call('POST', '/v1/invitations', {
      body: { email: 'jinji@example.jp', role: 'hr', departmentId: department.id },
    });
    assert.equal(hr.status, 422);
    assert.deepEqual(hr.json.errors, [
      {
        path: '/departmentId',
        message: 'only a chief has a department',
        code: 'department-only-for-chief',
        params: {},
      },
    ]);
  });
});
