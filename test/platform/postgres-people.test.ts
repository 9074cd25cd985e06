import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { generate } from 'otplib';
import { httpClient } from '../support/http-scenario.ts';
import { postgresPair, type Instance } from '../support/instances.ts';
import { postgresSkip } from '../support/postgres.ts';
import { webClient } from '../support/web-session.ts';

const ADMIN = 'postgres-people-admin-secret-0123456789';

// Sign-in and roster sync across two instances on one PostgreSQL: every once-only rule (a
// session's end, an invitation's use, a TOTP step, a roster version) is the database's, so an
// instance that did not see the first use still refuses the second.
describe(
  'people and rosters on two instances sharing one PostgreSQL',
  { skip: postgresSkip() },
  () => {
    const instances = postgresPair('people', { adminToken: ADMIN });
    let pair: Instance[];
    before(() => {
      pair = instances.pair();
    });

    it('a session made on one instance works on the other, and ends on both at sign-out', async () => {
      const [a, b] = pair as [Instance, Instance];
      const api = httpClient(a.base, ADMIN);
      const dept = await api('POST', '/v1/departments', { body: { name: '総務課' } });
      const added = await api('POST', `/v1/departments/${dept.json.id}/members`, {
        body: { members: [{ name: '鈴木 一郎', email: 'suzuki@example.jp' }] },
      });
      const invited = await api('POST', '/v1/invitations', {
        body: { memberId: added.json.members[0].id },
      });
      const path = new URL(invited.json.url).pathname;
      const onA = webClient({ base: a.base });
      await onA.get(path);
      assert.equal((await onA.post(`${path}/continue`)).status, 303);
      const secret = onA.jar.get('bunsan_session')!;
      const onB = webClient({ base: b.base });
      onB.jar.set('bunsan_session', secret);
      assert.equal((await onB.get('/me')).status, 200, 'the other instance knows the session');
      assert.equal(
        (await webClient({ base: b.base }).get(path)).status,
        410,
        'the link worked once',
      );
      assert.equal((await onB.post('/signout')).status, 303);
      assert.equal((await onA.get('/me')).status, 303, 'ended for both');
    });

    it('a TOTP code spent on one instance is refused on the other', async () => {
      const [a, b] = pair as [Instance, Instance];
      const api = httpClient(a.base, ADMIN);
      const invited = await api('POST', '/v1/invitations', {
        body: { email: 'jinji@example.jp', role: 'hr' },
      });
      const path = new URL(invited.json.url).pathname;
      const w = webClient({ base: a.base });
      const page = await w.get(`${path}/totp`);
      const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.html)![1]!;
      const code = await generate({ secret });
      assert.equal((await w.post(`${path}/totp`, { code })).status, 303);
      const again = webClient({ base: b.base });
      await again.get('/signin');
      const replay = await again.post('/signin/totp', { email: 'jinji@example.jp', code });
      assert.equal(replay.status, 401, 'the step was spent on the other instance');
    });

    it('two roster syncs on one version, one to each instance: one wins, the other is told the roster moved on', async () => {
      const [a, b] = pair as [Instance, Instance];
      const dept = await httpClient(a.base, ADMIN)('POST', '/v1/departments', {
        body: { name: '人事課' },
      });
      const roster = `/v1/departments/${dept.json.id}/roster`;
      const etag = (
        await httpClient(a.base, ADMIN)('GET', `/v1/departments/${dept.json.id}/members`)
      ).headers.get('etag')!;
      const answers = await Promise.all(
        [a, b].map((i, n) =>
          httpClient(i.base, ADMIN)('POST', roster, {
            body: { members: [{ name: `N${n}`, email: `n${n}@example.jp` }] },
            headers: { 'if-match': etag },
          }),
        ),
      );
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 412]);
    });
  },
);
