import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

const roster = readFileSync(new URL('../fixtures/roster.csv', import.meta.url), 'utf8');
const REASON = 'COVID-19 陽性 (PCR) — confidential';

describe('the department board, the organisation board and a member’s own day', () => {
  let h: Harness;
  let deptId: string;
  let rot: { id: string; teams: { id: string; label: string; memberIds: string[] }[] };
  let names: Map<string, string>;
  let access: Map<string, string>;
  const board = async (date: string, token?: string) =>
    h.call('GET', `/v1/departments/${deptId}/board?date=${date}`, token ? { token } : {});
  const scheduleOf = async (from: string, to: string) =>
    (await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=${from}&to=${to}`)).json
      .days as any[];
  const ids = (people: { id: string }[]) => people.map((p) => p.id).sort();

  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' }); // Tuesday 09:00 JST
    deptId = (await h.call('POST', '/v1/departments', { body: { name: '情報政策課' } })).json.id;
    await h.call('POST', `/v1/departments/${deptId}/members`, { body: roster, type: 'text/csv' });
    rot = (
      await h.call('POST', `/v1/departments/${deptId}/rotations`, {
        body: {
          startDate: '2026-12-01',
          endDate: '2027-01-29',
          teamCount: 3,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    await h.call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } });
    const members = (await h.call('GET', `/v1/departments/${deptId}/members`)).json.members;
    names = new Map(members.map((m: any) => [m.id, m.name]));
    access = new Map(members.map((m: any) => [m.id, m.remoteAccess]));
  });
  after(() => h.close());

  it("shows the day's office team with its members and everyone else of the rotation remote", async () => {
    const [day] = await scheduleOf('2026-12-01', '2026-12-01');
    const r = await board('2026-12-01');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.kind, 'office');
    assert.equal(r.json.rotation.id, rot.id);
    assert.equal(r.json.office.length, 1);
    const office = r.json.office[0];
    assert.equal(office.teamId, day.officeTeamId);
    const team = rot.teams.find((t) => t.id === day.officeTeamId)!;
    assert.deepEqual(ids(office.members), [...team.memberIds].sort());
    assert.equal(office.members[0].name, names.get(office.members[0].id));
    const others = rot.teams.filter((t) => t !== team).flatMap((t) => t.memberIds);
    assert.deepEqual(ids(r.json.remote), others.sort());
    assert.deepEqual(r.json.standby, []);
    assert.equal(r.json.next.length, 10);
    assert.ok(r.json.next.every((d: any) => d.date > '2026-12-01'));
    // Remote demand: those working remotely (or in standby) who need a thin client or a loan PC.
    const away = [...r.json.remote, ...r.json.standby].map((m: any) => access.get(m.id));
    assert.deepEqual(r.json.capacity.demand, {
      thinClient: away.filter((a) => a === 'thin-client').length,
      loanPc: away.filter((a) => a === 'loan-pc').length,
    });
    assert.ok(
      away.some((a) => a !== 'company-pc'),
      'the roster has someone who needs one',
    );
  });

  it('lists a weekend as a day off with nobody in the office or remote', async () => {
    const r = await board('2026-12-05'); // Saturday
    assert.equal(r.json.kind, 'weekend');
    assert.deepEqual([r.json.office, r.json.remote], [[], []]);
    assert.equal(r.json.next[0].date, '2026-12-07');
  });

  it('defaults to today in the department’s zone, not the server’s', async () => {
    h.setNow('2026-12-01T16:00:00Z'); // already Wednesday 01:00 in Tokyo
    try {
      assert.equal(
        (await h.call('GET', `/v1/departments/${deptId}/board`)).json.date,
        '2026-12-02',
      );
    } finally {
      h.setNow('2026-12-01T00:00:00Z');
    }
  });

  it('refuses a date that is not one, naming ?date', async () => {
    const r = await board('2026-02-30');
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.equal(r.json.errors[0].path, '?date');
  });

  it('shows who is in standby and until when, never why; they are neither in the office nor remote', async () => {
    const hr = (await h.tokenFor('hr')).token;
    const [day] = await scheduleOf('2026-12-02', '2026-12-02');
    const team = rot.teams.find((t) => t.id === day.officeTeamId)!;
    const sick = team.memberIds[0]!;
    const marked = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { memberId: sick, startDate: '2026-12-02', endDate: '2026-12-15', reason: REASON },
      headers: { 'idempotency-key': 'board-standby' },
    });
    assert.equal(marked.status, 201, marked.text);
    for (const token of [undefined, hr]) {
      const r = await board('2026-12-02', token);
      assert.deepEqual(
        r.json.standby.map((s: any) => [s.id, s.name, s.until]),
        [[sick, names.get(sick), '2026-12-15']],
      );
      assert.ok(!r.text.includes('COVID') && !r.text.includes('confidential'), 'no reason');
      assert.ok(!r.json.office.some((s: any) => s.members.some((m: any) => m.id === sick)));
      assert.ok(!r.json.remote.some((m: any) => m.id === sick));
    }
    const own = await h.call('GET', `/v1/members/${sick}/today`, {
      token: (await h.tokenFor('staff', { memberId: sick })).token,
    });
    assert.equal(own.status, 200, own.text);
    assert.equal(own.json.today.date, '2026-12-01');
    assert.equal(own.json.standby, null, 'not yet: the banner shows while they are in standby');
    h.setNow('2026-12-02T00:00:00Z');
    try {
      const on = await h.call('GET', `/v1/members/${sick}/today`);
      assert.equal(on.json.today.kind, 'standby');
      assert.deepEqual(on.json.standby, { until: '2026-12-15' });
      assert.ok(on.json.nextOfficeDay.date > '2026-12-15');
      assert.ok(!on.text.includes('COVID'));
    } finally {
      h.setNow('2026-12-01T00:00:00Z');
    }
  });

  it('keeps a member moved to another team out of its office days while the bridging rule holds', async () => {
    const days = await scheduleOf('2026-12-01', '2026-12-31');
    const from = days[0].officeTeamId as string;
    const to = rot.teams.find((t) => t.id !== from)!;
    const mover = rot.teams.find((t) => t.id === from)!.memberIds.at(-1)!;
    const version = (await h.call('GET', `/v1/rotations/${rot.id}`)).json.version;
    const moved = await h.call('POST', `/v1/rotations/${rot.id}/moves`, {
      body: { memberId: mover, toTeamId: to.id, effectiveDate: '2026-12-03' },
      headers: { 'if-match': `"${version}"` },
    });
    assert.equal(moved.status, 201, moved.text);
    const officeFrom = moved.json.officeFrom as string;
    const bridging = days.find(
      (d) => d.date >= '2026-12-03' && d.date < officeFrom && d.officeTeamId === to.id,
    );
    assert.ok(bridging, 'a day of the new team before the member may join it');
    const r = await board(bridging.date);
    assert.equal(r.json.office[0].teamId, to.id);
    assert.ok(!r.json.office[0].members.some((m: any) => m.id === mover));
    const remote = r.json.remote.find((m: any) => m.id === mover);
    assert.equal(remote?.teamId, to.id, 'remote, with the new team');
  });

  it('counts a day a chief closed as closed, not uncovered; a day nobody could take stays uncovered', async () => {
    const [closed, empty] = ['2026-12-21', '2026-12-22'];
    await sql`update shifts set status = 'cancelled' where rotation_id = ${rot.id} and date in (${closed}, ${empty})`.execute(
      h.db,
    );
    await sql`update rotations set closed_dates = ${JSON.stringify([closed])} where id = ${rot.id}`.execute(
      h.db,
    );
    const r = await board('2026-12-18');
    assert.ok(r.json.uncovered.includes(empty));
    assert.ok(!r.json.uncovered.includes(closed));
    assert.deepEqual(
      r.json.next
        .filter((d: any) => [closed, empty].includes(d.date))
        .map((d: any) => [d.kind, d.teams]),
      [
        ['closed', []],
        ['uncovered', []],
      ],
    );
    assert.equal((await board(closed)).json.kind, 'closed');
  });

  it("treats a closed date of the department's calendar as a day off: nobody remote, not among the next working days", async () => {
    const dept = (
      await h.call('POST', '/v1/departments', {
        body: { name: '会計課', closedDates: ['2027-03-03'] },
      })
    ).json;
    await h.call('POST', `/v1/departments/${dept.id}/members`, { body: roster, type: 'text/csv' });
    const made = await h.call('POST', `/v1/departments/${dept.id}/rotations`, {
      body: {
        startDate: '2027-03-01',
        endDate: '2027-03-31',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    await h.call('POST', `/v1/rotations/${made.json.id}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    const on = (await h.call('GET', `/v1/departments/${dept.id}/board?date=2027-03-03`)).json;
    assert.deepEqual([on.kind, on.office, on.remote], ['closed', [], []]);
    const before = (await h.call('GET', `/v1/departments/${dept.id}/board?date=2027-03-02`)).json;
    assert.ok(before.remote.length > 0, 'a working day has people working remotely');
    assert.equal(before.next[0].date, '2027-03-04');
    assert.ok(!before.uncovered.includes('2027-03-03'));
  });

  it('lets the chief of the department, HR and admin read the board; not staff, nor another chief', async () => {
    const other = await seedDepartment(h, '総務課');
    const tokens = {
      admin: undefined,
      hr: (await h.tokenFor('hr')).token,
      chief: (await h.tokenFor('chief', { departmentId: deptId })).token,
      otherChief: (await h.tokenFor('chief', { departmentId: other.department.id })).token,
      staff: (await h.tokenFor('staff', { memberId: rot.teams[0]!.memberIds[0]! })).token,
    };
    const got: Record<string, number> = {};
    for (const [who, token] of Object.entries(tokens))
      got[who] = (await board('2026-12-01', token)).status;
    assert.deepEqual(got, { admin: 200, hr: 200, chief: 200, otherChief: 403, staff: 403 });
    const org: Record<string, number> = {};
    for (const [who, token] of Object.entries(tokens))
      org[who] = (await h.call('GET', '/v1/board?date=2026-12-01', token ? { token } : {})).status;
    assert.deepEqual(org, { admin: 200, hr: 200, chief: 403, otherChief: 403, staff: 403 });
  });

  it('sums every department on the organisation board, with standby across them and never why', async () => {
    const r = await h.call('GET', '/v1/board?date=2026-12-02');
    assert.equal(r.status, 200, r.text);
    const own = await board('2026-12-02');
    const line = r.json.departments.find((d: any) => d.departmentId === deptId);
    const officeCount = new Set(
      own.json.office.flatMap((s: any) => s.members.map((m: any) => m.id)),
    ).size;
    assert.deepEqual(line, {
      departmentId: deptId,
      name: '情報政策課',
      kind: 'office',
      members: names.size,
      office: officeCount,
      remote: own.json.remote.length,
      standby: own.json.standby.length,
      uncovered: own.json.uncovered,
    });
    assert.equal(line.office + line.remote + line.standby, names.size);
    assert.deepEqual(
      r.json.standby.map((s: any) => [s.departmentName, s.until]),
      [['情報政策課', '2026-12-15']],
    );
    assert.ok(!r.text.includes('COVID'));
    const quiet = r.json.departments.find((d: any) => d.name === '総務課');
    assert.deepEqual([quiet.kind, quiet.members, quiet.office], ['none', 3, 0]);
    assert.equal((await h.call('GET', '/v1/board?date=tomorrow')).json.errors[0].path, '?date');
  });
});

describe('the board on a jp-gov calendar', () => {
  it('names a year-end closure day as the calendar does (jp-gov), with no rotation over it', async () => {
    const h = await harness({ now: '2026-12-01T00:00:00Z' });
    const gov = (
      await h.call('POST', '/v1/departments', { body: { name: '総務課', holidays: 'jp-gov' } })
    ).json.id;
    const r = await h.call('GET', `/v1/departments/${gov}/board?date=2026-12-30`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.kind, 'holiday');
    assert.equal(r.json.holiday, '年末年始');
    await h.close();
  });
});
