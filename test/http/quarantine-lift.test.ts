import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

describe('lifting a team quarantine from its first day, with a return separation', () => {
  let h: Harness;
  let hr: string;
  let rot: { id: string; teams: { id: string; label: string }[] };
  const schedule = async (from: string, to: string) =>
    (await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=${from}&to=${to}`)).json
      .days as any[];

  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    const dept = (
      await h.call('POST', '/v1/departments', { body: { name: '総務課', holidays: 'none' } })
    ).json.id;
    const members = Array.from({ length: 4 }, (_, i) => ({
      name: `m${i}`,
      email: `m${i}@example.jp`,
    }));
    await h.call('POST', `/v1/departments/${dept}/members`, { body: { members } });
    rot = (
      await h.call('POST', `/v1/departments/${dept}/rotations`, {
        body: {
          startDate: '2026-12-01',
          endDate: '2027-01-29',
          teamCount: 2,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    await h.call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } });
    const set = await h.call('PATCH', '/v1/settings', {
      body: { policy: { returnSeparationDays: 2 } },
    });
    assert.equal(set.status, 200, set.text);
    hr = (await h.tokenFor('hr')).token;
  });
  after(() => h.close());

  it('lets the team, never out, cover at once the days the other quarantine left uncovered', async () => {
    const [A, B] = rot.teams.map((t) => t.id);
    const mark = async (teamId: string) => {
      const r = await h.call('POST', '/v1/quarantines', {
        token: hr,
        body: { teamId, startDate: '2026-12-07', endDate: '2026-12-11' },
      });
      assert.equal(r.status, 201, r.text);
      return r.json;
    };
    const qA = await mark(A!);
    const qB = await mark(B!);
    assert.ok(qB.uncovered.length > 0, 'with both teams out, some days have nobody');
    const r = await h.call('POST', `/v1/quarantines/${qA.id}/lift`, {
      token: hr,
      body: { date: '2026-12-07' },
    });
    assert.equal(r.status, 200, r.text);
    // Without the fix, 8 December (B's day inside A's would-be separation) stayed uncovered.
    const days = await schedule('2026-12-07', '2026-12-11');
    assert.deepEqual(
      days.map((d) => [d.date, d.kind, d.officeTeamId]),
      days.map((d) => [d.date, 'office', A]),
    );
    assert.ok(r.json.covered.some((c: any) => c.date === '2026-12-08' && c.toTeamId === A));
  });
});
