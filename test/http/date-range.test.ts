import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

describe('3. dates at the ends of the range', () => {
  let h: Harness;
  let departmentId: string;
  let memberId: string;
  let rotationId: string;
  let teamId: string;
  let quarantineId: string;
  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' });
    const seeded = await seedDepartment(h);
    departmentId = seeded.department.id;
    memberId = seeded.members[0]!.id;
    const rot = await seedPublishedRotation(h, departmentId);
    rotationId = rot.id;
    teamId = rot.teams[0].id;
    quarantineId = (
      await h.call('POST', '/v1/quarantines', { body: { teamId, startDate: '2027-01-11' } })
    ).json.id;
  });
  after(() => h.close());

  it('any date from 0000-01-01 to 9999-12-31 in any field answers 4xx naming the field, never 500, and changes nothing', async () => {
    const before = await h.rowCounts();
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/quarantines', { teamId, startDate: '9999-12-19' }, '/startDate'],
      ['POST', '/v1/quarantines', { teamId, startDate: '9999-12-31' }, '/startDate'],
      [
        'POST',
        '/v1/quarantines',
        { teamId, startDate: '2027-01-05', endDate: '9999-12-31' },
        '/endDate',
      ],
      [
        'POST',
        '/v1/quarantines',
        { positiveMemberId: memberId, onsetDate: '0000-01-01' },
        '/onsetDate',
      ],
      ['POST', '/v1/quarantines', { teamId, startDate: '0000-01-01' }, '/startDate'],
      ['POST', `/v1/quarantines/${quarantineId}/lift`, { date: '9999-12-31' }, '/date'],
      [
        'POST',
        `/v1/departments/${departmentId}/rotations`,
        {
          startDate: '9999-12-20',
          endDate: '9999-12-31',
          teamCount: 2,
          pattern: { kind: 'daily' },
        },
        '/startDate',
      ],
      [
        'POST',
        `/v1/departments/${departmentId}/rotations`,
        {
          startDate: '0000-01-01',
          endDate: '0000-01-31',
          teamCount: 2,
          pattern: { kind: 'weekly' },
        },
        '/startDate',
      ],
      [
        'PATCH',
        `/v1/departments/${departmentId}`,
        { closedDates: ['0000-01-01', '9999-12-31'] },
        '/closedDates/0',
      ],
      [
        'POST',
        `/v1/rotations/${rotationId}/moves`,
        { memberId, toTeamId: null, effectiveDate: '9999-12-31' },
        '/effectiveDate',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await h.call(method, path, { body, headers: { 'if-match': '"2"' } });
      assert.ok(
        r.status >= 400 && r.status < 500,
        `${method} ${path} ${JSON.stringify(body)}: ${r.status} ${r.text}`,
      );
      assert.ok(
        (r.json.errors ?? []).some((e: { path: string }) => e.path === field),
        `${method} ${path} names ${field}: ${r.text}`,
      );
    }
    for (const q of ['from=0000-01-01&to=0000-01-10', 'from=9999-12-25&to=9999-12-31']) {
      for (const path of [
        `/v1/rotations/${rotationId}/schedule`,
        '/v1/capacity',
        `/v1/members/${memberId}/schedule`,
        `/v1/exposures?memberId=${memberId}`,
      ]) {
        const r = await h.call('GET', `${path}${path.includes('?') ? '&' : '?'}${q}`);
        assert.equal(r.status, 400, `${path}?${q}: ${r.text}`);
        assert.equal(r.json.errors[0].path, '?from');
      }
    }
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('dates at the edge of the range, whose arithmetic leaves it (an end in 2200, a look-back into 1899), answer without a 500', async () => {
    for (const body of [
      { teamId, startDate: '2199-12-31' },
      { memberId, startDate: '2199-12-31' },
      { positiveMemberId: memberId, onsetDate: '1900-01-01' },
    ]) {
      const r = await h.call('POST', '/v1/quarantines', { body });
      assert.ok(r.status < 500, `${JSON.stringify(body)}: ${r.status} ${r.text}`);
    }
  });

  it('a quarantine over before today is recorded for the history, and tells nobody anything', async () => {
    const before = (await h.rowCounts()).outbox;
    const r = await h.call('POST', '/v1/quarantines', {
      body: { memberId, startDate: '1990-01-01', endDate: '1990-01-14' },
    });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json.swaps, []);
    assert.equal(
      (await h.rowCounts()).outbox,
      before,
      'no message with a period that runs backwards',
    );
  });

  it('the forms answer a page with the message by the field, not a JSON problem', async () => {
    const w = webClient(h);
    await w.signIn((await h.tokenFor('hr')).token);
    await w.get('/quarantines');
    for (const action of ['/quarantines/preview', '/quarantines']) {
      const r = await w.post(action, { subject: `team:${teamId}`, startDate: '9999-12-19' });
      assert.equal(r.status, 422, `${action}: ${r.html.slice(0, 300)}`);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(r.html, /1900年〜2199年の日付を入力してください/);
    }
  });
});
