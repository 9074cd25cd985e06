import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { harness, type Harness } from '../support/harness.ts';

// Tuesday 1 December 2026, 09:00 in Tokyo. Three teams, daily: A B C A B C … on weekdays.
const NOW = '2026-12-01T00:00:00Z';

describe("a chief's single-day overrides", () => {
  let h: Harness;
  let dept: string;
  let chief: string;
  let rot: { id: string; teams: { id: string; label: string }[] };
  let version = 2;
  const office = async (from: string, to: string) =>
    Object.fromEntries(
      (await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=${from}&to=${to}`)).json.days.map(
        (d: any) => [
          d.date,
          d.kind === 'office' ? rot.teams.find((t) => t.id === d.officeTeamId)!.label : d.kind,
        ],
      ),
    );
  const post = (body: unknown, opts: { preview?: boolean; ifMatch?: string | null } = {}) =>
    h.call('POST', `/v1/rotations/${rot.id}/overrides${opts.preview ? '?preview=true' : ''}`, {
      token: chief,
      body,
      headers: opts.ifMatch === null ? {} : { 'if-match': opts.ifMatch ?? `"${version}"` },
    });
  const team = (label: string) => rot.teams.find((t) => t.label === label)!.id;
  const refusal = async (body: unknown) => {
    const before = await h.rowCounts();
    const r = await post(body);
    assert.equal(r.status, 422, r.text);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(await h.rowCounts(), before, 'a refusal changes nothing');
    return r.json.errors[0];
  };

  before(async () => {
    h = await harness({ now: NOW });
    dept = (await h.call('POST', '/v1/departments', { body: { name: '総務課', holidays: 'none' } }))
      .json.id;
    const members = Array.from({ length: 6 }, (_, i) => ({
      name: `職員${i}`,
      email: `m${i}@example.jp`,
      ...(i === 0 ? { position: 'chief' } : {}),
    }));
    await h.call('POST', `/v1/departments/${dept}/members`, { body: { members } });
    rot = (
      await h.call('POST', `/v1/departments/${dept}/rotations`, {
        body: {
          startDate: '2026-12-01',
          endDate: '2027-01-29',
          teamCount: 3,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    const pub = await h.call('POST', `/v1/rotations/${rot.id}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    assert.equal(pub.status, 200, pub.text);
    chief = (await h.tokenFor('chief', { departmentId: dept })).token;
  });
  after(() => h.close());

  it('previews a swap without writing: the slots that change hands and the people whose days change', async () => {
    assert.deepEqual(await office('2026-12-09', '2026-12-10'), {
      '2026-12-09': 'A',
      '2026-12-10': 'B',
    });
    const before = await h.rowCounts();
    const r = await post({ kind: 'swap', dates: ['2026-12-09', '2026-12-10'] }, { preview: true });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.applied, false);
    assert.equal(r.json.version, version);
    assert.deepEqual(
      r.json.moved.map((m: any) => [m.date, m.fromTeamId, m.toTeamId]),
      [
        ['2026-12-09', team('A'), team('B')],
        ['2026-12-10', team('B'), team('A')],
      ],
    );
    // Two teams of two: four people, each told both days.
    assert.equal(r.json.affected.length, 4);
    for (const a of r.json.affected) assert.equal(a.days.length, 2);
    assert.ok('newShortageDates' in r.json.capacity);
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('needs If-Match to apply (428), refuses a stale one (412), and applies on the current version', async () => {
    const body = { kind: 'swap', dates: ['2026-12-09', '2026-12-10'] };
    assert.equal((await post(body, { ifMatch: null })).status, 428);
    assert.equal((await post(body, { ifMatch: '"1"' })).status, 412);
    const r = await post(body);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.applied, true);
    assert.equal(r.headers.get('etag'), `"${version + 1}"`);
    version++;
    assert.deepEqual(await office('2026-12-08', '2026-12-11'), {
      '2026-12-08': 'C',
      '2026-12-09': 'B',
      '2026-12-10': 'A',
      '2026-12-11': 'C',
    });
    const audit = await h.call('GET', '/v1/audit?action=rotation.override');
    assert.ok(
      audit.json.entries.some((e: any) => e.summary.overrideId === r.json.override.id),
      'audited',
    );
    const outbox = await sql<{ topic: string; recipient: string }>`
      select topic, recipient from outbox where ref_id = ${r.json.override.id}`.execute(h.db);
    // One message a person whose days change, and the chief (m0@, who may be one of them).
    const emailOf = (name: string) => `m${name.replace('職員', '')}@example.jp`;
    const expected = new Set([
      ...r.json.affected.map((a: any) => emailOf(a.name)),
      'm0@example.jp',
    ]);
    assert.equal(r.json.affected.length, 4);
    assert.deepEqual(outbox.rows.map((x) => x.recipient).sort(), [...expected].sort());
    assert.ok(outbox.rows.every((x) => x.topic === 'override.created'));
  });

  it('gives a day to another team, whose members are told; the team that had it works remotely', async () => {
    const r = await post({ kind: 'assign', date: '2026-12-11', teamId: team('A') });
    assert.equal(r.status, 201, r.text);
    version++;
    assert.deepEqual(await office('2026-12-11', '2026-12-11'), { '2026-12-11': 'A' });
    const days = r.json.affected.flatMap((a: any) => a.days.map((d: any) => d.teamLabel));
    assert.deepEqual(
      [...new Set(days)].sort((a: any, b: any) => String(a).localeCompare(b)),
      ['A', null],
    );
  });

  it('closes the office for a day: closed, not uncovered, in the schedule; everyone remote', async () => {
    const r = await post({ kind: 'close', date: '2026-12-16', reason: '停電' });
    assert.equal(r.status, 201, r.text);
    version++;
    const day = (
      await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=2026-12-16&to=2026-12-16`)
    ).json.days[0];
    assert.equal(day.kind, 'closed');
    assert.equal(day.officeTeamId, null);
    assert.equal(day.remoteTeamIds.length, 3);
  });

  it('refuses each broken rule with 422 naming the invariant and the day, and writes nothing', async () => {
    const cases: [unknown, string, string, string | undefined][] = [
      [{ kind: 'close', date: '2026-11-30' }, 'history', 'past-day', '2026-11-30'],
      [{ kind: 'close', date: '2026-12-05' }, 'calendar', 'not-working-day', '2026-12-05'],
      [{ kind: 'close', date: '2027-02-01' }, 'calendar', 'outside-rotation', '2027-02-01'],
      [
        { kind: 'swap', dates: ['2026-12-16', '2026-12-17'] },
        'coverage',
        'closed-day',
        '2026-12-16',
      ],
      [{ kind: 'swap', dates: ['2026-12-14', '2026-12-17'] }, 'no-change', 'same-teams', undefined],
      [{ kind: 'close', date: '2026-12-16' }, 'no-change', 'already-closed', '2026-12-16'],
      [
        { kind: 'assign', date: '2026-12-11', teamId: team('A') },
        'no-change',
        'same-team',
        '2026-12-11',
      ],
    ];
    for (const [body, invariant, code, date] of cases) {
      const e = await refusal(body);
      assert.deepEqual(
        [e.invariant, e.code, e.date],
        [invariant, code, date],
        JSON.stringify(body),
      );
      assert.match(e.message, new RegExp(`^${invariant}: `));
    }
  });

  it('refuses to put a team on standby in the office, naming the team and the day', async () => {
    const hr = (await h.tokenFor('hr')).token;
    const q = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: team('C'), startDate: '2026-12-21', endDate: '2026-12-25' },
    });
    assert.equal(q.status, 201, q.text);
    // The quarantine changed the department's plan but not the rotation's version.
    const e = await refusal({ kind: 'assign', date: '2026-12-22', teamId: team('C') });
    assert.deepEqual(
      [e.invariant, e.code, e.date, e.team],
      ['quarantine', 'team-in-standby', '2026-12-22', 'C'],
    );
  });

  it('undoes an override before its day, and not once its day has come', async () => {
    const list = await h.call('GET', `/v1/rotations/${rot.id}/overrides`, { token: chief });
    assert.equal(list.status, 200);
    const assign = list.json.overrides.find((o: any) => o.kind === 'assign');
    const undo = (id: string, preview = false) =>
      h.call('DELETE', `/v1/rotations/${rot.id}/overrides/${id}${preview ? '?preview=true' : ''}`, {
        token: chief,
        headers: { 'if-match': `"${version}"` },
      });
    const p = await undo(assign.id, true);
    assert.equal(p.status, 200, p.text);
    assert.equal(p.json.applied, false);
    assert.deepEqual(await office('2026-12-11', '2026-12-11'), { '2026-12-11': 'A' });
    const r = await undo(assign.id);
    assert.equal(r.status, 200, r.text);
    version++;
    assert.ok(r.json.override.undoneAt);
    assert.deepEqual(await office('2026-12-11', '2026-12-11'), { '2026-12-11': 'C' });
    assert.equal((await undo(assign.id)).status, 422, 'undone already');

    const close = list.json.overrides.find((o: any) => o.kind === 'close');
    h.setNow('2026-12-16T00:00:00Z');
    const late = await undo(close.id);
    assert.equal(late.status, 422, late.text);
    assert.equal(late.json.errors[0].invariant, 'history');
    h.setNow(NOW);
    const c = await undo(close.id);
    assert.equal(c.status, 200, c.text);
    version++;
    assert.deepEqual(await office('2026-12-16', '2026-12-16'), { '2026-12-16': 'C' });
  });

  it('keeps an override when a quarantine has swapped its day since: undoing it is a 409', async () => {
    const r = await post({ kind: 'assign', date: '2026-12-29', teamId: team('B') });
    assert.equal(r.status, 201, r.text);
    version++;
    const hr = (await h.tokenFor('hr')).token;
    const q = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: team('B'), startDate: '2026-12-29', endDate: '2026-12-29' },
    });
    assert.equal(q.status, 201, q.text);
    assert.notEqual((await office('2026-12-29', '2026-12-29'))['2026-12-29'], 'B');
    const undo = await h.call('DELETE', `/v1/rotations/${rot.id}/overrides/${r.json.override.id}`, {
      token: chief,
      headers: { 'if-match': `"${version}"` },
    });
    assert.equal(undo.status, 409, undo.text);
    assert.equal(undo.json.errors[0].code, 'day-changed');
  });

  it('is the chief’s and the admin’s: staff, HR and another department’s chief are refused', async () => {
    const other = (await h.call('POST', '/v1/departments', { body: { name: '他課' } })).json.id;
    const tokens = [
      (await h.tokenFor('hr')).token,
      (await h.tokenFor('chief', { departmentId: other })).token,
    ];
    for (const token of tokens) {
      const r = await h.call('POST', `/v1/rotations/${rot.id}/overrides`, {
        token,
        body: { kind: 'close', date: '2027-01-08' },
        headers: { 'if-match': `"${version}"` },
      });
      assert.equal(r.status, 403, r.text);
    }
  });

  it('refuses a body that is not an override, naming the field', async () => {
    const r = await post({ kind: 'move', date: '2026-12-18' });
    assert.ok([400, 422].includes(r.status), r.text);
    assert.equal(r.json.errors[0].path, '/kind');
    const s = await post({ kind: 'swap', dates: ['2026-12-18'] });
    assert.ok([400, 422].includes(s.status), s.text);
    assert.equal(s.json.errors[0].path, '/dates');
  });
});
