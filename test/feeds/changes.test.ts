import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventsOf } from '../support/ics-lint.ts';
import { feedScenario, type FeedScenario } from '../support/feed-scenario.ts';

const byDate = (body: string) => new Map(eventsOf(body).map((e) => [e.UID!.slice(0, 10), e]));

describe('a change keeps the UID, raises SEQUENCE, and changes the validators', () => {
  let s: FeedScenario;
  let feed: { id: string; token: string };
  before(async () => {
    s = await feedScenario();
    feed = await s.feed('member', s.memberId);
  });
  after(() => s.h.close());

  it('a move turns office days into remote days under the same UIDs, and removes them from the plain feed', async () => {
    const before = await s.get(feed.token, '?include=remote');
    const plainBefore = await s.get(feed.token);
    const old = byDate(before.body);
    assert.ok([...old.values()].every((e) => e.SEQUENCE === '0'));

    s.h.setNow('2026-11-24T02:00:00Z');
    const teamB = s.rotation.teams[1].id;
    const moved = await s.h.call('POST', `/v1/rotations/${s.rotation.id}/moves`, {
      body: { memberId: s.memberId, toTeamId: teamB, effectiveDate: '2026-12-14' },
      headers: { 'if-match': `"${s.rotation.version}"` },
    });
    assert.equal(moved.status, 201, moved.text);
    const officeFrom: string = moved.json.officeFrom;

    const after = await s.get(feed.token, '?include=remote');
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
    assert.ok(
      Date.parse(after.headers.get('last-modified')!) >
        Date.parse(before.headers.get('last-modified')!),
    );
    const now = byDate(after.body);
    assert.deepEqual([...now.keys()], [...old.keys()], 'the same days, under the same UIDs');
    let changed = 0;
    for (const [date, e] of now) {
      const was = old.get(date)!;
      assert.equal(e.UID, was.UID);
      if (e.SUMMARY !== was.SUMMARY) {
        changed++;
        assert.equal(e.SEQUENCE, '1', `${date} changed, so its SEQUENCE grew`);
        assert.equal(e.DTSTAMP, '20261124T020000Z', `${date}: DTSTAMP is the change time`);
        assert.ok(date >= '2026-12-14');
        // The old team's office days become remote; the new team's become office days once the bridging rule allows.
        if (was.SUMMARY === '出勤（Aチーム）') assert.equal(e.SUMMARY, '在宅勤務');
        else assert.deepEqual([e.SUMMARY, date >= officeFrom], ['出勤（Bチーム）', true]);
      } else {
        assert.equal(e.SEQUENCE, '0', `${date} did not change`);
        assert.equal(e.DTSTAMP, '20261124T000000Z');
      }
    }
    assert.ok(changed > 10, `${changed} days changed`);

    // The plain feed shows office days only: the old team's office days after the move leave it.
    const plainAfter = await s.get(feed.token);
    const gone = [...byDate(plainBefore.body).keys()].filter(
      (d) => !byDate(plainAfter.body).has(d),
    );
    assert.ok(gone.length > 0 && gone.every((d) => d >= '2026-12-14'));
    assert.notEqual(
      plainAfter.headers.get('etag'),
      plainBefore.headers.get('etag'),
      'a removed event changes the ETag',
    );
    assert.notEqual(
      plainAfter.headers.get('last-modified'),
      plainBefore.headers.get('last-modified'),
      'and Last-Modified',
    );
    assert.equal(
      (await s.get(feed.token, '', { 'if-none-match': plainBefore.headers.get('etag')! })).status,
      200,
    );
    assert.equal(
      (await s.get(feed.token, '', { 'if-none-match': plainAfter.headers.get('etag')! })).status,
      304,
    );
  });

  it('SEQUENCE never goes back: moving back raises it again, and a vanished day that returns keeps growing', async () => {
    const view = (await s.h.call('GET', `/v1/rotations/${s.rotation.id}`)).json;
    const prev = byDate((await s.get(feed.token, '?include=remote')).body);
    s.h.setNow('2026-11-24T04:00:00Z');
    const back = await s.h.call('POST', `/v1/rotations/${s.rotation.id}/moves`, {
      body: { memberId: s.memberId, toTeamId: s.rotation.teams[0].id, effectiveDate: '2026-12-21' },
      headers: { 'if-match': `"${view.version}"` },
    });
    assert.equal(back.status, 201, back.text);
    assert.equal(
      back.json.officeFrom,
      '2026-12-21',
      'back to a team they never left the office of: no wait',
    );
    const evs = byDate((await s.get(feed.token, '?include=remote')).body);
    for (const [date, e] of evs) {
      const was = prev.get(date)!;
      const grew = Number(e.SEQUENCE) - Number(was.SEQUENCE);
      assert.equal(
        grew,
        e.SUMMARY === was.SUMMARY ? 0 : 1,
        `${date}: ${was.SUMMARY}#${was.SEQUENCE} → ${e.SUMMARY}#${e.SEQUENCE}`,
      );
      if (date < '2026-12-14') assert.equal(e.SEQUENCE, '0');
    }
    assert.ok(
      [...evs.values()].some((e) => e.SEQUENCE === '2'),
      'a day changed twice has SEQUENCE 2',
    );
  });

  it('an unchanged feed answers 304 and keeps its validators even as the clock moves on within the day', async () => {
    const a = await s.get(feed.token);
    s.h.setNow('2026-11-24T08:00:00Z');
    const b = await s.get(feed.token, '', { 'if-none-match': a.headers.get('etag')! });
    assert.equal(b.status, 304);
    assert.equal(b.headers.get('etag'), a.headers.get('etag'));
    assert.equal(b.headers.get('last-modified'), a.headers.get('last-modified'));
  });

  it('a department setting that changes the words (language) raises SEQUENCE of every day', async () => {
    const before = byDate((await s.get(feed.token)).body);
    await s.h.call('PATCH', `/v1/departments/${s.department.id}`, { body: { language: 'en' } });
    const after = byDate((await s.get(feed.token)).body);
    for (const [date, e] of after) {
      assert.match(e.SUMMARY!, /^Office day \(Team [AB]\)$/);
      assert.equal(Number(e.SEQUENCE), Number(before.get(date)!.SEQUENCE) + 1);
    }
  });
});

describe('a quarantine as the feeds of the teams show it', () => {
  it("turns team B's office days into standby and gives them to A, under the same UIDs with a higher SEQUENCE", async () => {
    const s = await feedScenario();
    const [A, B] = s.rotation.teams;
    const fa = await s.feed('team', A.id);
    const fb = await s.feed('team', B.id);
    const fd = await s.feed('department', s.department.id);
    const beforeA = byDate((await s.get(fa.token, '?include=remote')).body);
    const beforeB = byDate((await s.get(fb.token, '?include=remote')).body);
    s.h.setNow('2026-11-24T05:00:00Z');
    const q = await s.h.call('POST', '/v1/quarantines', {
      body: { teamId: B.id, startDate: '2026-12-07', reason: 'secret reason' },
    });
    assert.equal(q.status, 201, q.text);
    const moved: string[] = q.json.swaps.map((x: any) => x.date);
    assert.ok(moved.length > 3);
    const afterA = byDate((await s.get(fa.token, '?include=remote')).body);
    const afterB = byDate((await s.get(fb.token, '?include=remote')).body);
    const dept = (await s.get(fd.token)).body;
    for (const d of moved) {
      assert.equal(beforeB.get(d)!.SUMMARY, '出勤（Bチーム）');
      assert.equal(afterB.get(d)!.SUMMARY, '自宅待機');
      assert.equal(afterB.get(d)!.UID, beforeB.get(d)!.UID);
      assert.equal(Number(afterB.get(d)!.SEQUENCE), Number(beforeB.get(d)!.SEQUENCE) + 1);
      assert.equal(beforeA.get(d)!.SUMMARY, '在宅勤務');
      assert.equal(afterA.get(d)!.SUMMARY, '出勤（Aチーム）');
      assert.equal(Number(afterA.get(d)!.SEQUENCE), Number(beforeA.get(d)!.SEQUENCE) + 1);
    }
    assert.ok(dept.includes('自宅待機: Bチーム'));
    assert.ok(!dept.includes('secret reason'));
    await s.h.close();
  });
});
