import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, seedDepartment } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

describe('a member links their Slack member ID from /me', () => {
  it('saves it once, shows it, refuses a malformed or taken one by the field, and unlinks', async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const [me, other] = [members[0]!, members[1]!];
    const w = webClient(h);
    await w.signIn((await h.tokenFor('staff', { memberId: me.id })).token);
    assert.match((await w.get('/me')).html, /href="\/me\/slack"/);
    const page = await w.get('/me/slack');
    assert.equal(page.status, 200);
    assert.match(page.html, /Slack メンバーIDは登録されていません/);

    const bad = await w.post('/me/slack', { slackUserId: 'not-an-id' });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /id="slackUserId-error">Slack メンバーIDは U または W/);

    const saved = await w.post('/me/slack', { slackUserId: ' u012ab3cd ' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/me/slack?saved=1');
    assert.equal((await h.call('GET', `/v1/members/${me.id}`)).json.slackUserId, 'U012AB3CD');
    assert.match((await w.get('/me/slack?saved=1')).html, /登録中の Slack メンバーID: U012AB3CD/);
    const audit = await h.call('GET', '/v1/audit');
    assert.ok(
      audit.json.entries.some(
        (e: { action: string; subject: { id: string } }) =>
          e.action === 'member.slack-link' && e.subject.id === me.id,
      ),
      'the link is audited',
    );

    const o = webClient(h);
    await o.signIn((await h.tokenFor('staff', { memberId: other.id })).token);
    await o.get('/me/slack');
    const taken = await o.post('/me/slack', { slackUserId: 'U012AB3CD' });
    assert.equal(taken.status, 409, taken.html.replace(/<[^>]+>/g, ' ').slice(-600));
    assert.match(taken.html, /別の人に登録されています/);

    const cleared = await w.post('/me/slack', { slackUserId: '' });
    assert.equal(cleared.location, '/me/slack?cleared=1');
    assert.equal((await h.call('GET', `/v1/members/${me.id}`)).json.slackUserId, null);
    await h.close();
  });
});
