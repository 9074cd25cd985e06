import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_ENV_TOKEN, harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

describe('web pages: sessions and CSRF', () => {
  let h: Harness;
  let departmentId: string;
  let memberId: string;
  let chief: string;
  before(async () => {
    h = await harness();
    const seeded = await seedDepartment(h);
    departmentId = seeded.department.id;
    memberId = seeded.members[2]!.id;
    chief = (await h.tokenFor('chief', { departmentId })).token;
  });
  after(() => h.close());

  it('keeps a session secret (never the API token) in an HttpOnly, SameSite=Strict cookie, Secure over https', async () => {
    for (const [origin, secure] of [
      ['http://localhost', false],
      ['https://bunsan.example.jp', true],
    ] as const) {
      const w = webClient(h, { origin });
      await w.get('/signin');
      const res = await w.post('/signin', { token: chief });
      assert.equal(res.status, 303);
      assert.equal(res.location, `/departments/${departmentId}/board`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bunsan_session='))!;
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.equal(/Secure/.test(cookie), secure, cookie);
      assert.ok(!cookie.includes(chief), 'the cookie never holds the API token');
      const secret = /^bunsan_session=([^;]+)/.exec(cookie)![1]!;
      const api = await h.call('GET', `/v1/departments/${departmentId}`, { token: secret });
      assert.equal(api.status, 401, 'a stolen session cookie is no API token');
    }
  });

  it('ends the session on the server at sign-out: the old cookie replayed is refused', async () => {
    const w = webClient(h);
    await w.signIn(chief);
    const stolen = w.jar.get('bunsan_session')!;
    assert.equal((await w.get(`/departments/${departmentId}`)).status, 200);
    assert.equal((await w.post('/signout')).status, 303);
    const replay = await h.app.request(`http://localhost/departments/${departmentId}`, {
      headers: { cookie: `bunsan_session=${stolen}` },
    });
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), '/signin');
  });

  it('sends pages without a session to the sign-in page', async () => {
    for (const path of ['/', '/me', `/departments/${departmentId}`, '/quarantines', '/exposures']) {
      const res = await webClient(h).get(path);
      assert.equal(res.status, 303, path);
      assert.equal(res.location, '/signin', path);
    }
  });

  it('refuses an unknown token with the message next to the field, and an empty one', async () => {
    const w = webClient(h);
    await w.get('/signin');
    const res = await w.post('/signin', { token: 'bsn_not-a-real-token' });
    assert.equal(res.status, 401);
    assert.match(res.html, /aria-describedby="token-hint token-error"/);
    assert.match(res.html, /id="token-error">このトークンは登録されていないか、無効になっています/);
    assert.equal(w.jar.has('bunsan_session'), false);
    const empty = await w.post('/signin', { token: '  ' });
    assert.equal(empty.status, 422);
  });

  it('refuses a form post without the synchronizer token (403) and writes nothing', async () => {
    const w = webClient(h);
    await w.signIn(chief);
    await w.get(`/departments/${departmentId}`);
    const counts = await h.rowCounts();
    const csv = new File(['name,email\n新人 一郎,shinjin@example.jp\n'], 'roster.csv', {
      type: 'text/csv',
    });
    const res = await w.post(`/departments/${departmentId}/members`, { csv }, { csrf: null });
    assert.equal(res.status, 403);
    assert.match(res.html, /別のサイトから送信されました/);
    const wrong = await w.post(
      `/departments/${departmentId}/members`,
      { csv },
      { csrf: 'f'.repeat(64) },
    );
    assert.equal(wrong.status, 403);
    assert.deepEqual(await h.rowCounts(), counts);
  });

  it('refuses a form post from a foreign Origin or a cross-site fetch, even with the token', async () => {
    const w = webClient(h);
    await w.signIn(chief);
    await w.get(`/departments/${departmentId}`);
    const counts = await h.rowCounts();
    const csv = new File(['name,email\n新人 一郎,shinjin@example.jp\n'], 'roster.csv', {
      type: 'text/csv',
    });
    const foreign = await w.post(
      `/departments/${departmentId}/members`,
      { csv },
      { headers: { origin: 'https://evil.example' } },
    );
    assert.equal(foreign.status, 403);
    const crossSite = await w.post(
      `/departments/${departmentId}/members`,
      { csv },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    assert.equal(crossSite.status, 403);
    assert.deepEqual(await h.rowCounts(), counts);
    const same = await w.post(`/departments/${departmentId}/members`, { csv });
    assert.equal(same.status, 303, 'the same form from this site goes through');
  });

  it('guards the sign-in form too (no login CSRF) and sign-out', async () => {
    const w = webClient(h);
    const res = await w.post('/signin', { token: chief }, { csrf: null });
    assert.equal(res.status, 403);
    await w.signIn(chief);
    assert.equal((await w.post('/signout', {}, { csrf: null })).status, 403);
    const out = await w.post('/signout');
    assert.equal(out.status, 303);
    assert.equal(w.jar.has('bunsan_session'), false);
    assert.equal((await w.get('/me')).location, '/signin');
  });

  it('ends the session when its token is revoked', async () => {
    const issued = await h.tokenFor('chief', { departmentId });
    const w = webClient(h);
    await w.signIn(issued.token);
    assert.equal((await w.get(`/departments/${departmentId}`)).status, 200);
    await h.call('DELETE', `/v1/tokens/${issued.id}`);
    assert.equal((await w.get(`/departments/${departmentId}`)).location, '/signin');
  });

  it('lets each role only into its own pages and scope', async () => {
    const staff = webClient(h);
    await staff.signIn((await h.tokenFor('staff', { memberId })).token);
    for (const path of ['/quarantines', '/exposures', `/departments/${departmentId}`])
      assert.equal((await staff.get(path)).status, 403, path);
    const other = (await h.call('POST', '/v1/departments', { body: { name: '別の課' } })).json.id;
    const c = webClient(h);
    await c.signIn(chief);
    assert.equal((await c.get(`/departments/${other}`)).status, 403);
    assert.equal((await c.get('/quarantines')).status, 403);
    assert.equal((await c.get('/me')).status, 403);
  });

  it('speaks Japanese first, English by Accept-Language or ?lang= (kept in a cookie)', async () => {
    const w = webClient(h);
    assert.match((await w.get('/signin')).html, /<html lang="ja">/);
    assert.match(
      (await w.get('/signin', { 'accept-language': 'en-US,en;q=0.9,ja;q=0.5' })).html,
      /<html lang="en">.*Sign in/s,
    );
    assert.match(
      (await w.get('/signin', { 'accept-language': 'fr, ja;q=0.8, en;q=0.7' })).html,
      /<html lang="ja">/,
    );
    assert.match((await w.get('/signin?lang=en')).html, /<html lang="en">/);
    assert.equal(w.jar.get('bunsan_lang'), 'en');
    assert.match((await w.get('/signin')).html, /<html lang="en">/);
  });

  it('leaves the JSON API as it was', async () => {
    const res = await h.call('GET', '/v1/departments/nope', { token: null });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });
});

describe('web pages: the admin’s pages × every role', () => {
  type Caller = 'admin' | 'chief own' | 'chief other' | 'hr' | 'staff';
  const CALLERS: Caller[] = ['admin', 'chief own', 'chief other', 'hr', 'staff'];
  /** Each page and form post; `allowed` are the callers let in (every other one gets 403). */
  const PAGES: { method: 'GET' | 'POST'; path: string; allowed: Caller[] }[] = [
    { method: 'GET', path: '/departments', allowed: ['admin'] },
    { method: 'GET', path: '/departments/new', allowed: ['admin'] },
    { method: 'POST', path: '/departments/new', allowed: ['admin'] },
    // PATCH /v1/departments/{id} lets a chief change their own department: the page does too.
    { method: 'GET', path: '/departments/{own}/settings', allowed: ['admin', 'chief own'] },
    { method: 'POST', path: '/departments/{own}/settings', allowed: ['admin', 'chief own'] },
    { method: 'GET', path: '/admin/settings', allowed: ['admin'] },
    { method: 'POST', path: '/admin/settings/capacity', allowed: ['admin'] },
    { method: 'POST', path: '/admin/settings/policy', allowed: ['admin'] },
    { method: 'GET', path: '/admin/notifications', allowed: ['admin'] },
    { method: 'POST', path: '/admin/notifications/{own}', allowed: ['admin'] },
    { method: 'POST', path: '/admin/notifications/{own}/clear', allowed: ['admin'] },
    { method: 'GET', path: '/admin/people', allowed: ['admin'] },
    { method: 'POST', path: '/admin/people', allowed: ['admin'] },
    { method: 'POST', path: '/admin/people/nope/reset', allowed: ['admin'] },
    { method: 'POST', path: '/departments/{own}/invitations', allowed: ['admin', 'chief own'] },
    { method: 'GET', path: '/admin/tokens', allowed: ['admin'] },
    { method: 'POST', path: '/admin/tokens', allowed: ['admin'] },
    { method: 'POST', path: '/admin/tokens/{token}/revoke', allowed: ['admin'] },
    { method: 'GET', path: '/admin/audit', allowed: ['admin'] },
    { method: 'GET', path: '/admin/audit.csv', allowed: ['admin'] },
    { method: 'GET', path: '/admin/outbox', allowed: ['admin'] },
    { method: 'POST', path: '/admin/outbox/nope/retry', allowed: ['admin'] },
  ];
  let h: Harness;
  let own: string;
  let tokenId: string;
  const clients = new Map<Caller, ReturnType<typeof webClient>>();
  before(async () => {
    h = await harness();
    const seeded = await seedDepartment(h);
    own = seeded.department.id;
    const other = (await h.call('POST', '/v1/departments', { body: { name: '別の課' } })).json.id;
    tokenId = (await h.tokenFor('hr')).id;
    const tokens: Record<Caller, string> = {
      admin: ADMIN_ENV_TOKEN,
      'chief own': (await h.tokenFor('chief', { departmentId: own })).token,
      'chief other': (await h.tokenFor('chief', { departmentId: other })).token,
      hr: (await h.tokenFor('hr')).token,
      staff: (await h.tokenFor('staff', { memberId: seeded.members[2]!.id })).token,
    };
    for (const caller of CALLERS) {
      const w = webClient(h);
      await w.signIn(tokens[caller]);
      clients.set(caller, w);
    }
  });
  after(() => h.close());

  const pathOf = (p: string) => p.replace('{own}', own).replace('{token}', tokenId);

  it('sends each of them to the sign-in page without a session', async () => {
    for (const p of PAGES.filter((x) => x.method === 'GET')) {
      const res = await webClient(h).get(pathOf(p.path));
      assert.equal(res.location, '/signin', p.path);
    }
  });

  for (const caller of CALLERS)
    it(`${caller}: into the pages its role may use, refused (403, nothing written) elsewhere`, async () => {
      const w = clients.get(caller)!;
      for (const p of PAGES) {
        const path = pathOf(p.path);
        const counts = await h.rowCounts();
        const res =
          p.method === 'GET' ? await w.get(path) : await w.post(path, { name: '', label: '' });
        if (p.allowed.includes(caller)) {
          assert.notEqual(res.status, 403, `${caller} ${p.method} ${p.path}`);
          assert.ok(res.status < 500, `${caller} ${p.method} ${p.path}: ${res.status}`);
        } else {
          assert.equal(res.status, 403, `${caller} ${p.method} ${p.path}`);
          assert.deepEqual(await h.rowCounts(), counts, `${caller} ${p.method} ${p.path}`);
        }
      }
    });
});
