import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

describe('audit log', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ now: '2026-11-20T00:00:00Z' });
  });
  after(() => h.close());

  it('records every write with actor, action, subject and time, and filters by from/to', async () => {
    const hr = await h.tokenFor('hr');
    const seed = await seedDepartment(h);
    h.setNow('2026-11-22T00:00:00Z');
    const chief = await h.tokenFor('chief', { departmentId: seed.department.id });
    await h.call('PATCH', `/v1/members/${seed.members[2]!.id}`, {
      token: chief.token,
      body: { skills: ['helpdesk'] },
    });

    const all = await h.call('GET', '/v1/audit', { token: hr.token });
    assert.equal(all.status, 200);
    // Entries come oldest first; within one instant their order is not specified, so compare sorted.
    const actions = all.json.entries.map((e: any) => `${e.at} ${e.action} ${e.actor.role}`);
    assert.deepEqual([...actions].sort(), [
      '2026-11-20T00:00:00.000Z department.create admin',
      '2026-11-20T00:00:00.000Z members.add admin',
      '2026-11-20T00:00:00.000Z token.issue admin',
      '2026-11-22T00:00:00.000Z member.update chief',
      '2026-11-22T00:00:00.000Z token.issue admin',
    ]);
    assert.deepEqual(
      all.json.entries.map((e: any) => e.at),
      [...all.json.entries.map((e: any) => e.at)].sort(),
    );
    assert.equal(all.json.entries.length, 5);
    const chiefEntry = all.json.entries.find((e: any) => e.action === 'member.update');
    assert.equal(chiefEntry.actor.tokenId, chief.id);
    assert.equal(chiefEntry.subject.id, seed.members[2]!.id);

    const later = await h.call('GET', '/v1/audit?from=2026-11-21&to=2026-11-23', {
      token: hr.token,
    });
    assert.deepEqual(later.json.entries.map((e: any) => e.action).sort(), [
      'member.update',
      'token.issue',
    ]);
    assert.equal(later.json.entries.length, 2);
    assert.ok(later.json.entries.every((e: any) => e.at.startsWith('2026-11-22')));
  });

  it('refuses a malformed from with 400 naming it', async () => {
    const r = await h.call('GET', '/v1/audit?from=yesterday');
    assert.equal(r.status, 400);
    assert.equal(r.json.errors[0].path, '?from');
  });
});
