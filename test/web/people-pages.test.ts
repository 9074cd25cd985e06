import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN_ENV_TOKEN, harness, seedDepartment } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

describe('people on the pages', () => {
  it('an admin invites HR on the page (a bad e-mail named by the field), sees them listed, and resets them', async () => {
    const h = await harness();
    const admin = webClient(h);
    await admin.signIn(ADMIN_ENV_TOKEN);
    await admin.get('/admin/people');
    const bad = await admin.post('/admin/people', {
      name: '人事 花子',
      email: 'not-an-email',
      role: 'hr',
      departmentId: '',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /id="email-error">/);
    const ok = await admin.post('/admin/people', {
      name: '人事 花子',
      email: 'jinji@example.jp',
      role: 'hr',
      departmentId: '',
    });
    assert.equal(ok.status, 201);
    assert.match(ok.html, /人事 花子 さんを招待しました/);
    assert.match(ok.html, /id="invitation-url">http:\/\/localhost:8787\/invite\/inv_/);
    assert.match(
      ok.html,
      /<th scope="row">人事 花子<\/th><td>jinji@example.jp<\/td><td>人事<\/td>/,
    );
    const personId = (await h.call('GET', '/v1/people')).json.people[0].id;
    const reset = await admin.post(`/admin/people/${personId}/reset`);
    assert.equal(reset.status, 201);
    assert.match(reset.html, /人事 花子 さんのサインイン方法をリセットし/);
    const states = (await h.call('GET', '/v1/invitations')).json.invitations.map(
      (i: any) => i.state,
    );
    assert.deepEqual(states.sort(), ['open', 'revoked']);
  });

  it('a chief invites every member not invited yet, and gets the links as a list to print', async () => {
    const h = await harness();
    const { department } = await seedDepartment(h);
    const chief = webClient(h);
    await chief.signIn((await h.tokenFor('chief', { departmentId: department.id })).token);
    const page = await chief.get(`/departments/${department.id}`);
    assert.match(page.html, /職員全員を招待/);
    const made = await chief.post(`/departments/${department.id}/invitations`);
    assert.equal(made.status, 201);
    const rows = /<tbody>(.*?)<\/tbody>/s.exec(made.html)![1]!.match(/<tr>/g)!.length;
    assert.equal(rows, 3);
    assert.match(made.html, /data-print/);
    await chief.get(`/departments/${department.id}`);
    const again = await chief.post(`/departments/${department.id}/invitations`);
    assert.match(again.html, /招待していない職員はいません/);
  });

  it('a member lists the calendar links in use, stops one, and makes one anew', async () => {
    const h = await harness();
    const { department, members } = await seedDepartment(h);
    const me = webClient(h);
    const token = await h.tokenFor('staff', {
      departmentId: department.id,
      memberId: members[2]!.id,
    });
    await me.signIn(token.token);
    const page = await me.get('/me');
    assert.match(
      page.html,
      /この先の予定はまだありません/,
      'no rotation yet: said, not an empty table',
    );
    await me.post('/me/feeds');
    const twice = await me.post('/me/feeds');
    const ids = [...twice.html.matchAll(/action="\/me\/feeds\/([\w-]+)\/revoke"/g)].map(
      (m) => m[1]!,
    );
    assert.equal(ids.length, 2, 'two links in use');
    const stopped = await me.post(`/me/feeds/${ids[0]}/revoke`);
    assert.match(stopped.html, /リンクを停止しました/);
    assert.equal([...stopped.html.matchAll(/\/revoke"/g)].length, 1);
    const anew = await me.post(`/me/feeds/${ids[1]}/reissue`);
    assert.equal(anew.status, 201);
    assert.match(anew.html, /id="feed-webcal"[^>]*value="webcal:/);
    const live = [...anew.html.matchAll(/action="\/me\/feeds\/([\w-]+)\/revoke"/g)].map(
      (m) => m[1],
    );
    assert.equal(live.length, 1);
    assert.ok(!ids.includes(live[0]!), 'the stopped ones are gone, a new one in use');
  });
});
