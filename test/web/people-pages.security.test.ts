import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSession } from '../../src/app/sessions/index.ts';
import { personById } from '../../src/db/repos/people.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

// The pages × every role, for people signed in as themselves (a session of a person, as a
// passkey or a code makes), as the token matrix has them for tokens.
describe('web pages × people of every role', () => {
  type Caller = 'admin' | 'chief own' | 'chief other' | 'hr' | 'staff';
  const CALLERS: Caller[] = ['admin', 'chief own', 'chief other', 'hr', 'staff'];
  const PAGES: { path: string; allowed: Caller[] }[] = [
    { path: '/account', allowed: CALLERS },
    { path: '/me', allowed: ['staff'] },
    // HR reads a department's pages (no form), as the API lets it.
    { path: '/departments/{own}', allowed: ['admin', 'chief own', 'hr'] },
    { path: '/departments/{own}/members/new', allowed: ['admin', 'chief own'] },
    { path: '/quarantines', allowed: ['admin', 'hr'] },
    { path: '/admin/people', allowed: ['admin'] },
    { path: '/admin/settings', allowed: ['admin'] },
    { path: '/departments', allowed: ['admin'] },
  ];
  let h: Harness;
  let own: string;
  const clients = new Map<Caller, ReturnType<typeof webClient>>();

  before(async () => {
    h = await harness();
    const seeded = await seedDepartment(h);
    own = seeded.department.id;
    const other = (await h.call('POST', '/v1/departments', { body: { name: '別の課' } })).json.id;
    const invite = async (body: object) =>
      (await h.call('POST', '/v1/invitations', { body })).json.personId as string;
    const people: Record<Caller, string> = {
      admin: await invite({ email: 'admin@example.jp', role: 'admin' }),
      'chief own': await invite({ email: 'c1@example.jp', role: 'chief', departmentId: own }),
      'chief other': await invite({ email: 'c2@example.jp', role: 'chief', departmentId: other }),
      hr: await invite({ email: 'hr@example.jp', role: 'hr' }),
      staff: await invite({ memberId: seeded.members[2]!.id }),
    };
    for (const caller of CALLERS) {
      const person = (await personById(h.db, people[caller]))!;
      const w = webClient(h);
      w.jar.set('bunsan_session', await openSession(h.deps, { person }, 'passkey', 'test'));
      clients.set(caller, w);
    }
  });
  after(() => h.close());

  for (const caller of CALLERS)
    it(`${caller}: into the pages their role may use, refused (403) elsewhere`, async () => {
      const w = clients.get(caller)!;
      for (const p of PAGES) {
        const res = await w.get(p.path.replace('{own}', own));
        if (p.allowed.includes(caller)) assert.equal(res.status, 200, `${caller} ${p.path}`);
        else assert.equal(res.status, 403, `${caller} ${p.path}`);
      }
    });

  it('a chief who is a member of their department has their own page too', async () => {
    const { members } = {
      members: (await h.call('GET', `/v1/departments/${own}/members`)).json.members,
    };
    const yamada = members.find((m: any) => m.email === 'yamada@example.jp');
    const invited = await h.call('POST', '/v1/invitations', {
      body: { email: 'yamada@example.jp', role: 'chief', departmentId: own },
    });
    const person = (await personById(h.db, invited.json.personId))!;
    assert.equal(person.memberId, yamada.id);
    const w = webClient(h);
    w.jar.set('bunsan_session', await openSession(h.deps, { person }, 'passkey', 'test'));
    const me = await w.get('/me');
    assert.equal(me.status, 200);
    assert.match(me.html, /山田 太郎/);
    assert.match((await w.get(`/departments/${own}`)).html, /部署の設定/);
  });

  it('an API token is no person: the account page refuses it', async () => {
    const w = webClient(h);
    await w.signIn((await h.tokenFor('hr')).token);
    assert.equal((await w.get('/account')).status, 403);
  });
});

describe('pages that do not exist', () => {
  it('a browser gets a page in its language (a trailing slash is taken off); the API keeps problem+json', async () => {
    const h = await harness();
    const html = { accept: 'text/html,application/xhtml+xml' };
    const slash = await h.app.request('/signin/?lang=ja', { headers: html });
    assert.equal(slash.status, 308);
    assert.equal(slash.headers.get('location'), '/signin?lang=ja');
    const none = await h.app.request('/nonexistent', { headers: html });
    assert.equal(none.status, 404);
    assert.match(none.headers.get('content-type')!, /^text\/html/);
    assert.match(await none.text(), /<html lang="ja"/);
    assert.ok(none.headers.get('content-security-policy'));
    const api = await h.app.request('/v1/nope', { headers: html });
    assert.equal(api.headers.get('content-type'), 'application/problem+json');
    const client = await h.app.request('/nonexistent');
    assert.equal(client.headers.get('content-type'), 'application/problem+json');
  });
});
