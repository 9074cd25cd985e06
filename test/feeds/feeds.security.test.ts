import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newSecret } from '../../src/app/secrets.ts';
import { feedScenario, type FeedScenario } from '../support/feed-scenario.ts';

describe('feed security', () => {
  let s: FeedScenario;
  before(async () => {
    s = await feedScenario();
  });
  after(() => s.h.close());

  it('a chief cannot create a feed in another department; HR cannot create feeds at all', async () => {
    const other = (await s.h.call('POST', '/v1/departments', { body: { name: 'other' } })).json.id;
    const otherChief = (await s.h.tokenFor('chief', { departmentId: other })).token;
    for (const body of [
      { scope: 'member', id: s.memberId },
      { scope: 'department', id: s.department.id },
      { scope: 'team', id: s.rotation.teams[0].id },
    ]) {
      assert.equal(
        (await s.h.call('POST', '/v1/feeds', { token: otherChief, body })).status,
        403,
        JSON.stringify(body),
      );
    }
    const hr = (await s.h.tokenFor('hr')).token;
    assert.equal(
      (
        await s.h.call('POST', '/v1/feeds', {
          token: hr,
          body: { scope: 'member', id: s.memberId },
        })
      ).status,
      403,
    );
    const ownChief = (await s.h.tokenFor('chief', { departmentId: s.department.id })).token;
    assert.equal(
      (
        await s.h.call('POST', '/v1/feeds', {
          token: ownChief,
          body: { scope: 'team', id: s.rotation.teams[0].id },
        })
      ).status,
      201,
    );
  });

  it('a staff token can create a feed of its own schedule only, and revoke only its own', async () => {
    const me = (await s.h.tokenFor('staff', { memberId: s.memberId })).token;
    const colleague = s.members.find((m) => m.id !== s.memberId)!.id;
    assert.equal(
      (await s.h.call('POST', '/v1/feeds', { token: me, body: { scope: 'member', id: colleague } }))
        .status,
      403,
    );
    assert.equal(
      (
        await s.h.call('POST', '/v1/feeds', {
          token: me,
          body: { scope: 'department', id: s.department.id },
        })
      ).status,
      403,
    );
    const mine = await s.h.call('POST', '/v1/feeds', {
      token: me,
      body: { scope: 'member', id: s.memberId },
    });
    assert.equal(mine.status, 201);
    const theirs = await s.feed('member', colleague);
    assert.equal((await s.h.call('DELETE', `/v1/feeds/${theirs.id}`, { token: me })).status, 403);
    assert.equal((await s.get(theirs.token)).status, 200, 'a refused revocation changes nothing');
    assert.equal(
      (await s.h.call('DELETE', `/v1/feeds/${mine.json.id}`, { token: me })).status,
      200,
    );
    assert.equal((await s.get(mine.json.token)).status, 404);
  });

  it('lists the live feeds a token may revoke, without their secrets, so a lost link can be revoked', async () => {
    const me = (await s.h.tokenFor('staff', { memberId: s.memberId })).token;
    const colleague = s.members.find((m) => m.id !== s.memberId)!.id;
    const first = (
      await s.h.call('POST', '/v1/feeds', { token: me, body: { scope: 'member', id: s.memberId } })
    ).json;
    s.h.setNow('2026-11-24T10:00:00Z');
    const second = (
      await s.h.call('POST', '/v1/feeds', { token: me, body: { scope: 'member', id: s.memberId } })
    ).json;
    const theirs = await s.feed('member', colleague);
    const listed = await s.h.call('GET', '/v1/feeds', { token: me });
    assert.equal(listed.status, 200);
    const ids = listed.json.feeds.map((f: any) => f.id);
    assert.deepEqual(ids.slice(0, 2), [second.id, first.id], 'newest first');
    assert.ok(!ids.includes(theirs.id), "a colleague's feed is not listed to staff");
    assert.ok(
      !listed.text.includes(first.token) &&
        !listed.text.includes(second.token) &&
        !/token/i.test(listed.text),
      'no secrets',
    );
    assert.equal((await s.h.call('DELETE', `/v1/feeds/${first.id}`, { token: me })).status, 200);
    assert.ok(
      !(await s.h.call('GET', '/v1/feeds', { token: me })).json.feeds.some(
        (f: any) => f.id === first.id,
      ),
      'a revoked feed leaves the list',
    );
    const chief = (await s.h.tokenFor('chief', { departmentId: s.department.id })).token;
    const chiefIds = (await s.h.call('GET', '/v1/feeds', { token: chief })).json.feeds.map(
      (f: any) => f.id,
    );
    assert.ok(
      chiefIds.includes(second.id) && chiefIds.includes(theirs.id),
      "a chief sees the department's feeds",
    );
  });

  it('11. feeds outlive the people behind them: a feed stops with its member, and with the token that made it', async () => {
    // Its own department: it deactivates members and revokes a token.
    const s = await feedScenario();
    const [m1, m2, m3] = s.rotation.teams[0].memberIds as [string, string, string];
    const staff = (await s.h.tokenFor('staff', { memberId: m1 })).token;
    const own = (
      await s.h.call('POST', '/v1/feeds', { token: staff, body: { scope: 'member', id: m1 } })
    ).json;
    const adminMade = await s.feed('member', m2);
    const chief = await s.h.tokenFor('chief', { departmentId: s.department.id });
    const dept = (
      await s.h.call('POST', '/v1/feeds', {
        token: chief.token,
        body: { scope: 'department', id: s.department.id },
      })
    ).json;
    const chiefTeam = (
      await s.h.call('POST', '/v1/feeds', {
        token: chief.token,
        body: { scope: 'team', id: s.rotation.teams[1].id },
      })
    ).json;
    const third = await s.feed('member', m3);
    for (const f of [own, adminMade, dept, chiefTeam, third])
      assert.equal((await s.get(f.token)).status, 200, 'served while all stands');

    // The member behind two feeds leaves: their own feed and the one an admin made for them stop.
    const off = await s.h.call('PATCH', `/v1/members/${m1}`, { body: { active: false } });
    assert.equal(off.status, 200, off.text);
    assert.equal((await s.get(own.token)).status, 404, 'the feed of a deactivated member');
    const off2 = await s.h.call('DELETE', `/v1/members/${m2}`);
    assert.ok(off2.status < 300, off2.text);
    assert.equal(
      (await s.get(adminMade.token)).status,
      404,
      'an admin-made feed of a member who left',
    );
    assert.equal((await s.get(third.token)).status, 200, 'other members are not affected');

    // The chief's token is revoked: the department and team feeds it made stop.
    const revoked = await s.h.call('DELETE', `/v1/tokens/${chief.id}`);
    assert.ok(revoked.status < 300, revoked.text);
    assert.equal((await s.get(dept.token)).status, 404, 'the department feed of a revoked token');
    assert.equal((await s.get(chiefTeam.token)).status, 404, 'the team feed of a revoked token');

    // Feeds that stopped are no longer listed as live.
    const listed = (await s.h.call('GET', `/v1/feeds?departmentId=${s.department.id}`)).json
      .feeds as {
      id: string;
    }[];
    for (const f of [own, adminMade, dept, chiefTeam])
      assert.ok(!listed.some((l) => l.id === f.id), `${f.id} is not listed as live`);
    assert.ok(listed.some((l) => l.id === third.id));
    await s.h.close();
  });

  it('an unknown subject is refused with 422 naming the id', async () => {
    const r = await s.h.call('POST', '/v1/feeds', { body: { scope: 'team', id: 'no-such-team' } });
    assert.equal(r.status, 422);
    assert.equal(r.json.errors[0].path, '/id');
  });

  it('guessing tokens finds nothing: 10,000 random well-formed tokens all get 404', async () => {
    const real = await s.feed('department', s.department.id);
    let found = 0;
    for (let i = 0; i < 10_000; i++) {
      const res = await s.h.app.request(`/feeds/${newSecret('bsf')}.ics`);
      if (res.status !== 404) found++;
      await res.arrayBuffer();
    }
    assert.equal(found, 0);
    assert.equal((await s.get(real.token)).status, 200, 'while the real one works');
  });

  it('never writes a feed token into a log line or a problem document', async () => {
    const f = await s.feed('member', s.memberId);
    const unknown = await s.h.app.request(`/feeds/${f.token}x.ics`);
    assert.ok(!(await unknown.text()).includes(f.token));
    await s.h.db.schema.dropTable('feed_state').execute();
    const broken = await s.h.app.request(`/feeds/${f.token}.ics?include=remote`);
    assert.equal(broken.status, 500);
    assert.ok(!(await broken.text()).includes(f.token));
    assert.ok(s.h.logs.length > 0, 'the failure was logged');
    assert.ok(
      s.h.logs.every((l) => !l.includes(f.token)),
      s.h.logs.join('\n'),
    );
  });
});
