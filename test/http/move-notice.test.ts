import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

describe('a moved member hears of their new team and office days', () => {
  let h: Harness;
  let rot: any;
  let names: Map<string, string>;
  before(async () => {
    h = await harness({ now: '2026-11-24T09:00:00Z' });
    const { department } = await seedDepartment(h);
    rot = await seedPublishedRotation(h, department.id);
    const list = (await h.call('GET', `/v1/departments/${department.id}/members`)).json.members;
    names = new Map(list.map((m: any) => [m.id, m.name]));
  });
  after(() => h.close());

  it('tells the member (only) from when they join the new team, and its next office days', async () => {
    const [from, to] = rot.teams;
    const mover = from.memberIds[0];
    const move = await h.call('POST', `/v1/rotations/${rot.id}/moves`, {
      body: { memberId: mover, toTeamId: to.id, effectiveDate: '2027-01-11' },
      headers: { 'if-match': `"${rot.version}"` },
    });
    assert.equal(move.status, 201, move.text);
    const rows = await h.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'rotation.move')
      .execute();
    assert.equal(rows.length, 1, 'one message, to the member moved; no channel message');
    const row = rows[0]!;
    assert.equal(row.channel, 'log');
    assert.equal(row.subject, `【チームの変更】情報政策課：2027年1月11日(月)から${to.label}チーム`);
    assert.match(row.body, new RegExp(`^${names.get(mover)} 様`));
    assert.match(row.body, new RegExp(`2027年1月11日\\(月\\)から${to.label}チームに移ります。`));
    const schedule = (
      await h.call(
        'GET',
        `/v1/members/${mover}/schedule?from=${move.json.officeFrom}&to=2027-02-26`,
      )
    ).json.days.filter((d: any) => d.kind === 'office');
    const listed = [...row.body.matchAll(/・(\d+)月(\d+)日/g)].map(
      (m) => `2027-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`,
    );
    assert.deepEqual(
      listed,
      schedule.slice(0, 5).map((d: any) => d.date),
    );
    if (move.json.officeFrom > '2027-01-11') assert.match(row.body, /より前は在宅勤務です/);
  });

  it("tells nobody of a move in a draft (its days are not anyone's yet)", async () => {
    const { department } = await seedDepartment(h, '下書き課');
    const draft = await h.call('POST', `/v1/departments/${department.id}/rotations`, {
      body: {
        startDate: '2027-03-01',
        endDate: '2027-03-31',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    assert.equal(draft.status, 201, draft.text);
    const before = await h.db.selectFrom('outbox').select('id').execute();
    const move = await h.call('POST', `/v1/rotations/${draft.json.id}/moves`, {
      body: {
        memberId: draft.json.teams[0].memberIds[0],
        toTeamId: draft.json.teams[1].id,
        effectiveDate: '2027-03-10',
      },
      headers: { 'if-match': `"${draft.json.version}"` },
    });
    assert.equal(move.status, 201, move.text);
    assert.equal((await h.db.selectFrom('outbox').select('id').execute()).length, before.length);
  });
});
