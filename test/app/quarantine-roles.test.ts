import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/app/actor.ts';
import { liftQuarantine } from '../../src/app/quarantines/lift.ts';
import { listQuarantines } from '../../src/app/quarantines/list.ts';
import { lookUpExposure } from '../../src/app/quarantines/lookup-exposure.ts';
import { markQuarantine } from '../../src/app/quarantines/mark.ts';
import { previewQuarantine } from '../../src/app/quarantines/preview.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

// The routes allow HR and admin only; the use cases refuse everyone else too, so that any other
// door (the web pages, a future CLI) cannot skip the check.
describe('quarantine use cases check the role themselves', () => {
  let h: Harness;
  let actors: Record<string, Actor>;
  let teamId: string;
  let memberId: string;
  let quarantineId: string;

  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    const { department, members } = await seedDepartment(h);
    memberId = members[2]!.id;
    const rot = (
      await h.call('POST', `/v1/departments/${department.id}/rotations`, {
        body: {
          startDate: '2026-12-01',
          endDate: '2027-01-29',
          teamCount: 2,
          pattern: { kind: 'daily' },
          constraints: { keepLeadersApart: false },
        },
      })
    ).json;
    assert.equal(
      (await h.call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } }))
        .status,
      200,
    );
    teamId = rot.teams[0].id;
    const base = { tokenId: 't', departmentId: department.id, memberId: null };
    actors = {
      hr: { ...base, role: 'hr', departmentId: null },
      chief: { ...base, role: 'chief' },
      staff: { ...base, role: 'staff', memberId },
    };
    const made = await markQuarantine(h.deps, actors.hr!, {
      teamId,
      startDate: '2026-12-10',
      endDate: '2026-12-12',
    });
    assert.ok(made.ok);
    quarantineId = made.value.id;
  });
  after(() => h.close());

  for (const role of ['chief', 'staff']) {
    it(`refuses a ${role} everywhere and writes nothing`, async () => {
      const a = actors[role]!;
      const before = await h.rowCounts();
      const outcomes = [
        await markQuarantine(h.deps, a, { teamId, startDate: '2026-12-20' }),
        await previewQuarantine(h.deps, a, { teamId, startDate: '2026-12-20' }),
        await liftQuarantine(h.deps, a, quarantineId, '2026-12-11'),
        await listQuarantines(h.deps, a, {}),
        await lookUpExposure(h.deps, a, memberId, {}),
      ];
      for (const o of outcomes) assert.deepEqual(o.ok ? 'allowed' : o.error.kind, 'forbidden');
      assert.deepEqual(await h.rowCounts(), before);
    });
  }

  it('lets HR do each of them', async () => {
    const a = actors.hr!;
    assert.ok((await previewQuarantine(h.deps, a, { teamId, startDate: '2026-12-20' })).ok);
    assert.ok((await listQuarantines(h.deps, a, {})).ok);
    assert.ok((await lookUpExposure(h.deps, a, memberId, {})).ok);
    assert.ok((await liftQuarantine(h.deps, a, quarantineId, '2026-12-11')).ok);
  });
});
