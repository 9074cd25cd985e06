import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

const DEFAULTS = {
  exposureWindowDays: 14,
  quarantineDays: 14,
  returnSeparationDays: 0,
  exposureLookbackDays: 2,
  exposureScope: 'day',
};
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

describe('the organisation policy as a setting', () => {
  let h: Harness;
  let dept: string;
  let hr: string;
  let rot: { id: string; teams: { id: string; memberIds: string[] }[] };

  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    dept = (await h.call('POST', '/v1/departments', { body: { name: '総務課', holidays: 'none' } }))
      .json.id;
    const members = Array.from({ length: 6 }, (_, i) => ({
      name: `m${i}`,
      email: `m${i}@example.jp`,
    }));
    await h.call('POST', `/v1/departments/${dept}/members`, { body: { members } });
    rot = (
      await h.call('POST', `/v1/departments/${dept}/rotations`, {
        body: {
          startDate: '2026-12-01',
          endDate: '2027-02-26',
          teamCount: 3,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    assert.equal(
      (await h.call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } }))
        .status,
      200,
    );
    hr = (await h.tokenFor('hr')).token;
  });
  after(() => h.close());

  it('starts at the design defaults and shows which fields an admin has set', async () => {
    const r = await h.call('GET', '/v1/settings', { token: hr });
    assert.deepEqual([r.json.policy, r.json.policySet], [DEFAULTS, []]);
  });

  it('refuses bad values and non-admins, naming the field and writing nothing', async () => {
    const before = await h.rowCounts();
    for (const [policy, path] of [
      [{ quarantineDays: 0 }, '/policy/quarantineDays'],
      [{ exposureWindowDays: 1.5 }, '/policy/exposureWindowDays'],
      [{ exposureScope: 'week' }, '/policy/exposureScope'],
      [{ incubation: 5 }, '/policy/incubation'],
    ] as const) {
      const r = await h.call('PATCH', '/v1/settings', { body: { policy } });
      assert.equal(r.status, 422, r.text);
      assert.equal(r.headers.get('content-type'), 'application/problem+json');
      assert.ok(
        r.json.errors.some((e: any) => e.path === path),
        `${path} in ${r.text}`,
      );
    }
    assert.equal(
      (
        await h.call('PATCH', '/v1/settings', {
          token: hr,
          body: { policy: { quarantineDays: 7 } },
        })
      ).status,
      403,
    );
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('uses the quarantine length and exposure window an admin sets, and puts a default back on null', async () => {
    const set = await h.call('PATCH', '/v1/settings', {
      body: { policy: { quarantineDays: 7, exposureWindowDays: 10 } },
    });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(
      [set.json.policy, set.json.policySet],
      [
        { ...DEFAULTS, quarantineDays: 7, exposureWindowDays: 10 },
        ['exposureWindowDays', 'quarantineDays'],
      ],
    );

    const q = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: rot.teams[0]!.id, startDate: '2026-12-07' },
    });
    assert.equal(q.status, 201, q.text);
    assert.equal(q.json.endDate, '2026-12-13', 'seven days, the start day included');

    const mover = rot.teams[1]!.memberIds[0]!;
    const move = await h.call('POST', `/v1/rotations/${rot.id}/moves`, {
      body: { memberId: mover, toTeamId: rot.teams[2]!.id, effectiveDate: '2026-12-21' },
      headers: { 'if-match': '"2"' },
    });
    assert.equal(move.status, 201, move.text);
    assert.equal(
      move.json.officeFrom,
      plusDays(move.json.lastOfficeDayWithOldTeam, 10),
      'the exposure window is ten days now',
    );

    const back = await h.call('PATCH', '/v1/settings', {
      body: { policy: { quarantineDays: null } },
    });
    assert.deepEqual(
      [back.json.policy.quarantineDays, back.json.policySet],
      [14, ['exposureWindowDays']],
    );
    const q2 = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: rot.teams[0]!.id, startDate: '2027-01-11' },
    });
    assert.equal(q2.json.endDate, '2027-01-24');

    const audit = (await h.call('GET', '/v1/audit')).json.entries.filter(
      (e: any) => e.action === 'settings.update',
    );
    const pairs = audit
      .map((e: any) => JSON.stringify([e.summary.before.policy, e.summary.after.policy]))
      .sort();
    assert.deepEqual(
      pairs,
      [
        JSON.stringify([{ quarantineDays: 7, exposureWindowDays: 10 }, { exposureWindowDays: 10 }]),
        JSON.stringify([{}, { quarantineDays: 7, exposureWindowDays: 10 }]),
      ].sort(),
    );
  });
});
