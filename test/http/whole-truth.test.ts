import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

const roster = readFileSync(new URL('../fixtures/roster.csv', import.meta.url), 'utf8');
const SLOTS = [
  { start: '08:00', end: '11:00' },
  { start: '11:00', end: '14:00' },
  { start: '14:00', end: '17:00' },
];

describe('regression: the API does not tell the whole truth to a checker', () => {
  let h: Harness;
  let dept: string;
  before(async () => {
    h = await harness({ now: '2026-11-24T00:00:00Z' });
    dept = (await h.call('POST', '/v1/departments', { body: { name: '情報政策課' } })).json.id;
    await h.call('POST', `/v1/departments/${dept}/members`, { body: roster, type: 'text/csv' });
  });
  after(() => h.close());

  const rotation = async (pattern: object) => {
    const r = await h.call('POST', `/v1/departments/${dept}/rotations`, {
      body: { startDate: '2026-12-01', endDate: '2026-12-31', teamCount: 3, pattern },
    });
    assert.equal(r.status, 201, r.text);
    return r.json;
  };

  it("the schedule's slots carry the slot index that swaps and uncovered slots use", async () => {
    const r = await rotation({ kind: 'daily', slots: SLOTS });
    const published = await h.call('POST', `/v1/rotations/${r.id}/publish`, {
      headers: { 'if-match': r.etag },
    });
    assert.equal(published.status, 200, published.text);
    const before = (await h.call('GET', `/v1/rotations/${r.id}/schedule`)).json.days;
    for (const day of before.filter((d: any) => d.kind === 'office')) {
      assert.equal(day.slots.length, 3, day.date);
      for (const s of day.slots) {
        assert.ok(Number.isInteger(s.slot), `${day.date}: ${JSON.stringify(s)} has no slot index`);
        assert.deepEqual({ start: s.start, end: s.end }, SLOTS[s.slot], day.date);
      }
    }

    const teamA = r.teams[0].id;
    const mark = await h.call('POST', '/v1/quarantines', {
      body: { teamId: teamA, startDate: '2026-12-07', endDate: '2026-12-11' },
    });
    assert.equal(mark.status, 201, mark.text);
    assert.ok(mark.json.swaps.length > 0);
    const after = (
      await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2026-12-07&to=2026-12-11`)
    ).json.days;
    for (const swap of mark.json.swaps) {
      const day = after.find((d: any) => d.date === swap.date);
      const slot = day.slots.find((s: any) => s.slot === swap.slot);
      if (swap.toTeamId === null) assert.equal(slot, undefined, `${swap.date} #${swap.slot}`);
      else assert.equal(slot?.teamId, swap.toTeamId, `${swap.date} #${swap.slot}`);
      assert.ok(!day.slots.some((s: any) => s.teamId === teamA), swap.date);
    }
  });

  it('the rotation report lists its buffer days as dates, the days the schedule shows as buffer', async () => {
    const r = await rotation({ kind: 'daily', bufferDays: 1 });
    const schedule = (await h.call('GET', `/v1/rotations/${r.id}/schedule`)).json.days;
    const buffers = schedule.filter((d: any) => d.kind === 'buffer').map((d: any) => d.date);
    assert.ok(buffers.length > 0);
    assert.deepEqual(r.report.bufferDates, buffers);
    assert.equal(r.report.days.buffer, buffers.length);
    const read = await h.call('GET', `/v1/rotations/${r.id}`);
    assert.deepEqual(read.json.report.bufferDates, buffers);
  });
});
