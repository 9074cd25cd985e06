import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/app/actor.ts';
import { liftQuarantine } from '../../src/app/quarantines/lift.ts';
import { lookUpExposure } from '../../src/app/quarantines/lookup-exposure.ts';
import { markQuarantine } from '../../src/app/quarantines/mark.ts';
import { moveMember } from '../../src/app/rotations/index.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

// The routes validate dates against the schemas before a use case runs; the web pages and any
// other caller may not, so each use case refuses an impossible date itself and writes nothing.
describe('use cases refuse impossible dates themselves', () => {
  let h: Harness;
  let rot: any;
  let memberId: string;
  let quarantineId: string;
  const admin: Actor = { tokenId: 'test', role: 'admin', departmentId: null, memberId: null };

  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    const { department, members } = await seedDepartment(h);
    memberId = members[2]!.id;
    rot = (
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
    const made = await markQuarantine(h.deps, admin, {
      teamId: rot.teams[0].id,
      startDate: '2026-12-10',
      endDate: '2026-12-12',
    });
    assert.ok(made.ok);
    quarantineId = made.value.id;
  });
  after(() => h.close());

  it('names the field of each impossible date, and changes nothing', async () => {
    const before = await h.rowCounts();
    const toTeamId = rot.teams.find((t: any) => !t.memberIds.includes(memberId)).id;
    const cases = [
      [
        await moveMember(h.deps, admin, rot.id, 2, {
          memberId,
          toTeamId,
          effectiveDate: '2026-12-45',
        }),
        '/effectiveDate',
      ],
      [
        await moveMember(h.deps, admin, rot.id, 2, {
          memberId,
          toTeamId,
          effectiveDate: '2026-12-20',
          officeFrom: '2027-02-30',
        }),
        '/officeFrom',
      ],
      [await liftQuarantine(h.deps, admin, quarantineId, '2026-12-00'), '/date'],
      [await lookUpExposure(h.deps, admin, memberId, { from: '2026-02-30' }), '?from'],
      [
        await markQuarantine(h.deps, admin, { teamId: rot.teams[1].id, startDate: '2026-13-01' }),
        '/startDate',
      ],
      [
        await markQuarantine(h.deps, admin, {
          positiveMemberId: memberId,
          onsetDate: '2026-11-31',
        }),
        '/onsetDate',
      ],
    ] as const;
    for (const [outcome, path] of cases) {
      assert.ok(!outcome.ok, path);
      assert.equal(outcome.error.kind, 'invalid', path);
      assert.deepEqual('errors' in outcome.error ? outcome.error.errors : [], [
        { path, message: 'is not a calendar date (YYYY-MM-DD)', code: 'invalid-date', params: {} },
      ]);
    }
    assert.deepEqual(await h.rowCounts(), before);
  });
});
