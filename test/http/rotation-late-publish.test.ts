import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../support/harness.ts';

// DESIGN invariant 6: past days are history. A draft's days that passed before it was published (or
// regenerated) were never worked: they must not become office days, exposure or "uncovered".
describe('a draft published or regenerated after its start', () => {
  async function draft() {
    const h = await harness({ now: '2027-03-01T00:00:00Z' });
    const dept = (
      await h.call('POST', '/v1/departments', { body: { name: 'd', holidays: 'none' } })
    ).json.id;
    await h.call('POST', `/v1/departments/${dept}/members`, {
      body: {
        members: Array.from({ length: 6 }, (_, i) => ({
          name: `m${i}`,
          email: `m${i}@example.jp`,
        })),
      },
    });
    const r = (
      await h.call('POST', `/v1/departments/${dept}/rotations`, {
        body: {
          startDate: '2027-03-01',
          endDate: '2027-03-31',
          teamCount: 2,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    h.setNow('2027-03-10T00:00:00Z');
    return { h, r };
  }

  it("publishes from today on: the days before are not the plan, nor anybody's exposure", async () => {
    const { h, r } = await draft();
    const published = await h.call('POST', `/v1/rotations/${r.id}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    assert.equal(published.status, 200, published.text);
    assert.equal(published.json.startDate, '2027-03-10');
    const days = (
      await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2027-03-01&to=2027-03-12`)
    ).json.days;
    assert.deepEqual(
      days.map((d: any) => d.date),
      ['2027-03-10', '2027-03-11', '2027-03-12'],
    );
    const member = r.teams[0].memberIds[0];
    const exposure = (
      await h.call('GET', `/v1/exposures?memberId=${member}&from=2027-03-01&to=2027-03-09`)
    ).json;
    assert.deepEqual(exposure.days, []);
    const audit = (await h.call('GET', '/v1/audit')).json.entries.find(
      (e: any) => e.action === 'rotation.publish',
    );
    assert.equal(audit.summary.startDate, '2027-03-10');
  });

  it('regenerates from today on, with no uncovered days before', async () => {
    const { h, r } = await draft();
    const again = await h.call('POST', `/v1/rotations/${r.id}/regenerate`, {
      body: { seed: 5 },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.startDate, '2027-03-10');
    assert.equal(
      (await h.call('POST', `/v1/rotations/${r.id}/publish`, { headers: { 'if-match': '"2"' } }))
        .status,
      200,
    );
    const days = (
      await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2027-03-01&to=2027-03-31`)
    ).json.days;
    assert.ok(
      days.every((d: any) => d.date >= '2027-03-10' && d.kind !== 'uncovered'),
      JSON.stringify(days.slice(0, 3)),
    );
  });

  it('refuses to publish a draft that has ended', async () => {
    const { h, r } = await draft();
    h.setNow('2027-04-02T00:00:00Z');
    const late = await h.call('POST', `/v1/rotations/${r.id}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    assert.equal(late.status, 422);
    assert.match(late.json.errors[0].message, /ended on 2027-03-31/);
  });
});
