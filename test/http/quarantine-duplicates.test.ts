import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

describe('6. the same quarantine twice makes two', () => {
  let h: Harness;
  let teams: { id: string; memberIds: string[] }[];
  const outbox = async () => (await h.rowCounts()).outbox!;
  const quarantines = async () => (await h.rowCounts()).quarantines!;
  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    const { department } = await seedDepartment(h);
    teams = (await seedPublishedRotation(h, department.id, { teamCount: 3 })).teams;
  });
  after(() => h.close());

  it('the same team and window again, with another key or none, answers 200 with the quarantine marked first and sends nothing', async () => {
    const body = { teamId: teams[0]!.id, startDate: '2027-01-11', endDate: '2027-01-22' };
    const first = await h.call('POST', '/v1/quarantines', {
      body,
      headers: { 'idempotency-key': 'desk-1' },
    });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.json.alreadyMarked, false);
    const [q, o] = [await quarantines(), await outbox()];
    for (const headers of [{ 'idempotency-key': 'desk-2' }, {}, {}] as Record<string, string>[]) {
      const again = await h.call('POST', '/v1/quarantines', { body, headers });
      assert.equal(again.status, 200, again.text);
      assert.equal(again.json.id, first.json.id);
      assert.equal(again.json.alreadyMarked, true);
      assert.deepEqual(again.json.swaps, first.json.swaps);
    }
    // A window inside the marked one is nothing new either.
    const inside = await h.call('POST', '/v1/quarantines', {
      body: { teamId: teams[0]!.id, startDate: '2027-01-13', endDate: '2027-01-15' },
    });
    assert.equal(inside.status, 200, inside.text);
    assert.deepEqual([await quarantines(), await outbox()], [q, o], 'no quarantine, no message');
  });

  it('a longer window marks only its extra days, and tells people once about those', async () => {
    const [q, o] = [await quarantines(), await outbox()];
    const longer = await h.call('POST', '/v1/quarantines', {
      body: { teamId: teams[0]!.id, startDate: '2027-01-11', endDate: '2027-01-29' },
    });
    assert.equal(longer.status, 201, longer.text);
    assert.equal(longer.json.alreadyMarked, false);
    assert.deepEqual([longer.json.startDate, longer.json.endDate], ['2027-01-23', '2027-01-29']);
    assert.ok(longer.json.swaps.every((s: { date: string }) => s.date >= '2027-01-23'));
    assert.equal(await quarantines(), q + 1);
    assert.ok((await outbox()) > o, 'the extra days are told');
    const again = await h.call('POST', '/v1/quarantines', {
      body: { teamId: teams[0]!.id, startDate: '2027-01-11', endDate: '2027-01-29' },
    });
    assert.equal(again.status, 200, 'the whole window is marked now');
  });

  it('twenty requests at once for the same team and window make one quarantine', async () => {
    const before = await quarantines();
    const body = { teamId: teams[1]!.id, startDate: '2027-02-01', endDate: '2027-02-12' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => h.call('POST', '/v1/quarantines', { body })),
    );
    const statuses = answers.map((a) => a.status);
    assert.ok(
      statuses.every((s) => s === 201 || s === 200 || s === 409),
      statuses.join(','),
    );
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.equal(await quarantines(), before + 1);
    // Sent again after a 409, a request answers with the one quarantine.
    const retried = await h.call('POST', '/v1/quarantines', { body });
    assert.equal(retried.status, 200);
  });

  it('a person marked twice for the same days: one quarantine', async () => {
    const memberId = teams[2]!.memberIds[0]!;
    const body = { memberId, startDate: '2027-02-15', endDate: '2027-02-19' };
    const first = await h.call('POST', '/v1/quarantines', { body });
    assert.equal(first.status, 201, first.text);
    const again = await h.call('POST', '/v1/quarantines', { body });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.id, first.json.id);
  });
});
