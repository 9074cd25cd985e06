import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventsOf } from '../support/ics-lint.ts';
import { feedScenario, type FeedScenario } from '../support/feed-scenario.ts';

const byDate = (body: string) => new Map(eventsOf(body).map((e) => [e.UID!.slice(0, 10), e]));

describe('feeds after a chief’s override', () => {
  let s: FeedScenario;
  let member: { token: string };
  let department: { token: string };
  before(async () => {
    s = await feedScenario();
    member = await s.feed('member', s.memberId);
    department = await s.feed('department', s.department.id);
  });
  after(() => s.h.close());

  it('a swap and a close keep each day’s UID and raise the SEQUENCE of the days they change only', async () => {
    const before = byDate((await s.get(member.token, '?include=remote')).body);
    assert.equal(before.get('2026-12-01')!.SUMMARY, '出勤（Aチーム）');
    assert.equal(before.get('2026-12-02')!.SUMMARY, '在宅勤務');
    const deptBefore = byDate((await s.get(department.token)).body);
    assert.equal(deptBefore.get('2026-12-03')!.SUMMARY, '出勤: Aチーム');

    s.h.setNow('2026-11-25T00:00:00Z');
    const swap = await s.h.call('POST', `/v1/rotations/${s.rotation.id}/overrides`, {
      body: { kind: 'swap', dates: ['2026-12-01', '2026-12-02'] },
      headers: { 'if-match': `"${s.rotation.version}"` },
    });
    assert.equal(swap.status, 201, swap.text);
    const close = await s.h.call('POST', `/v1/rotations/${s.rotation.id}/overrides`, {
      body: { kind: 'close', date: '2026-12-03', reason: '電気設備点検' },
      headers: { 'if-match': `"${swap.json.version}"` },
    });
    assert.equal(close.status, 201, close.text);

    const now = byDate((await s.get(member.token, '?include=remote')).body);
    assert.deepEqual([...now.keys()], [...before.keys()], 'the same days under the same UIDs');
    for (const [date, e] of now) {
      assert.equal(e.UID, before.get(date)!.UID);
      const changed = ['2026-12-01', '2026-12-02', '2026-12-03'].includes(date);
      assert.equal(e.SEQUENCE, changed ? '1' : '0', `${date}: SEQUENCE`);
    }
    assert.equal(now.get('2026-12-01')!.SUMMARY, '在宅勤務');
    assert.equal(now.get('2026-12-02')!.SUMMARY, '出勤（Aチーム）');
    // 3 December was A's office day; closed, everyone works remotely.
    assert.equal(before.get('2026-12-03')!.SUMMARY, '出勤（Aチーム）');
    assert.equal(now.get('2026-12-03')!.SUMMARY, '在宅勤務');

    const dept = byDate((await s.get(department.token)).body);
    assert.equal(dept.get('2026-12-03')!.SUMMARY, '出勤なし（事務所閉鎖）');
    assert.equal(dept.get('2026-12-03')!.SEQUENCE, '1');
    assert.equal(dept.get('2026-12-03')!.UID, deptBefore.get('2026-12-03')!.UID);
    assert.equal(dept.get('2026-12-01')!.SUMMARY, '出勤: Bチーム');
  });
});
