import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../support/harness.ts';

describe('a department on the jp-gov calendar', () => {
  it('closes over the year end without typing the dates: no office day from 29 December to 3 January', async () => {
    const h = await harness({ now: '2026-12-01T00:00:00Z' });
    const dept = await h.call('POST', '/v1/departments', {
      body: { name: '県庁 情報政策課', holidays: 'jp-gov' },
    });
    assert.equal(dept.status, 201, dept.text);
    assert.equal(dept.json.holidays, 'jp-gov');
    await h.call('POST', `/v1/departments/${dept.json.id}/members`, {
      body: { members: [1, 2, 3, 4].map((i) => ({ name: `職員${i}`, email: `g${i}@example.jp` })) },
    });
    const rot = await h.call('POST', `/v1/departments/${dept.json.id}/rotations`, {
      body: {
        startDate: '2026-12-21',
        endDate: '2027-01-15',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    assert.equal(rot.status, 201, rot.text);
    const days = (
      await h.call('GET', `/v1/rotations/${rot.json.id}/schedule?from=2026-12-28&to=2027-01-04`)
    ).json.days;
    assert.deepEqual(
      days.map((d: any) => [d.date, d.kind, d.holiday ?? null]),
      [
        ['2026-12-28', 'office', null],
        ['2026-12-29', 'holiday', '年末年始'],
        ['2026-12-30', 'holiday', '年末年始'],
        ['2026-12-31', 'holiday', '年末年始'],
        ['2027-01-01', 'holiday', '元日'],
        ['2027-01-02', 'weekend', null],
        ['2027-01-03', 'weekend', null],
        ['2027-01-04', 'office', null],
      ],
    );
    const bad = await h.call('PATCH', `/v1/departments/${dept.json.id}`, {
      body: { holidays: 'jp-govt' },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].path, '/holidays');
    await h.close();
  });
});
