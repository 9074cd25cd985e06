import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { httpClient } from '../support/http-scenario.ts';
import { postgresPair, type Instance } from '../support/instances.ts';
import { CLIENT_ID, CLIENT_SECRET, testIdp, throughIdp, type TestIdp } from '../support/oidc.ts';
import { postgresSkip } from '../support/postgres.ts';
import { webClient } from '../support/web-session.ts';

const ADMIN = 'postgres-sso-admin-secret-0123456789ab';

// A sign-in with the provider started on one instance finishes on the other (its state is in
// PostgreSQL, not in a process), and its answer is taken once across both.
describe('single sign-on on two instances sharing one PostgreSQL', { skip: postgresSkip() }, () => {
  const instances = postgresPair('sso', { adminToken: ADMIN });
  let pair: Instance[];
  let idp: TestIdp;
  before(async () => {
    pair = instances.pair();
    idp = await testIdp(['http://localhost:8787/signin/oidc/callback']);
    for (const i of pair)
      i.deps.oidc = { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  });
  after(async () => idp?.close());

  it('starts on one instance, finishes on the other, and a replay on the first is refused', async () => {
    const [a, b] = pair as [Instance, Instance];
    const api = httpClient(a.base, ADMIN);
    const dept = await api('POST', '/v1/departments', { body: { name: '総務課' } });
    const added = await api('POST', `/v1/departments/${dept.json.id}/members`, {
      body: { members: [{ name: '鈴木 一郎', email: 'suzuki@example.jp' }] },
    });
    await api('POST', '/v1/invitations', { body: { memberId: added.json.members[0].id } });

    const onA = webClient({ base: a.base });
    const start = await onA.get('/signin/oidc');
    assert.equal(start.status, 303, start.html.slice(0, 300));
    idp.signsIn({ sub: 'u-1', email: 'suzuki@example.jp', email_verified: true });
    const back = await throughIdp(start.location!);
    const onB = webClient({ base: b.base });
    for (const [k, v] of onA.jar) onB.jar.set(k, v);
    const done = await onB.get(back.pathname + back.search);
    assert.equal(done.status, 200, done.html.slice(0, 400));
    assert.equal((await onB.get('/me')).status, 200);
    const replay = await onA.get(back.pathname + back.search);
    assert.equal(replay.status, 403);
    assert.match(replay.html, /すでに使われています/);
  });
});
