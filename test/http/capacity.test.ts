import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

// A hand-built department of three isolated teams, each kept together:
//   group x: x1 thin-client, x2 thin-client, x3 loan-pc
//   group y: y1 thin-client, y2 company-pc, y3 company-pc
//   group z: z1 loan-pc, z2 loan-pc, z3 thin-client
// With one group in the office the other two work remotely, so the demand is
//   x in: 2 thin-client, 2 loan-pc;  y in: 3, 3;  z in: 3, 1.
const PEOPLE = [
  { name: 'y1', remoteAccess: 'thin-client' },
  { name: 'y2', remoteAccess: 'company-pc' },
  { name: 'y3', remoteAccess: 'company-pc' },
  { name: 'x1', remoteAccess: 'thin-client' },
  { name: 'x2', remoteAccess: 'thin-client' },
  { name: 'x3', remoteAccess: 'loan-pc' },
  { name: 'z1', remoteAccess: 'loan-pc' },
  { name: 'z2', remoteAccess: 'loan-pc' },
  { name: 'z3', remoteAccess: 'thin-client' },
];
type Figures = Record<string, [number, number, boolean]>;
const figures = (days: any[]): Figures =>
  Object.fromEntries(days.map((d) => [d.date, [d.demand.thinClient, d.demand.loanPc, d.short]]));

describe('remote capacity', () => {
  let h: Harness;
  let dept: string;
  let id: Record<string, string>;
  let rot: { id: string; teams: { id: string; label: string; memberIds: string[] }[]; report: any };
  const teamOf = (name: string) => rot.teams.find((t) => t.memberIds.includes(id[name]!))!;
  const capacity = async (query: string, token?: string) =>
    h.call('GET', `/v1/capacity?${query}`, token ? { token } : {});

  before(async () => {
    // Sequential ids: the split (and so which group is team A) is deterministic for the same ids.
    h = await harness({ now: '2026-11-24T00:00:00Z', sequentialIds: true });
    dept = (
      await h.call('POST', '/v1/departments', {
        body: { name: '情報システム課', holidays: 'none' },
      })
    ).json.id;
    const added = await h.call('POST', `/v1/departments/${dept}/members`, {
      body: { members: PEOPLE.map((p) => ({ ...p, email: `${p.name}@example.jp` })) },
    });
    id = Object.fromEntries(added.json.members.map((m: any) => [m.name, m.id]));
    const group = (g: string) => [1, 2, 3].map((i) => id[`${g}${i}`]!);
    const body = {
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      teamCount: 3,
      pattern: { kind: 'daily' },
      constraints: { maxTeamSize: 3, together: [group('x'), group('y'), group('z')] },
    };
    rot = (await h.call('POST', `/v1/departments/${dept}/rotations`, { body })).json;
    assert.deepEqual(
      [teamOf('y1').label, teamOf('x1').label, teamOf('z1').label],
      ['A', 'B', 'C'],
      'the fixture split (seed 0): A = y, B = x, C = z',
    );
    await h.call('POST', `/v1/departments/${dept}/members`, {
      body: {
        members: [
          {
            name: '課長',
            email: 'kacho@example.jp',
            position: 'chief',
            remoteAccess: 'thin-client',
          },
        ],
      },
    });
  });
  after(() => h.close());

  it('lets an admin set seats, loan PCs and reservations, HR read them, and audits each change', async () => {
    const capacityOf = ({ thinClientSeats, loanPcs, reservations, updatedAt }: any) => ({
      thinClientSeats,
      loanPcs,
      reservations,
      updatedAt,
    });
    assert.deepEqual(capacityOf((await h.call('GET', '/v1/settings')).json), {
      thinClientSeats: null,
      loanPcs: null,
      reservations: [],
      updatedAt: null,
    });
    const r = await h.call('PATCH', '/v1/settings', { body: { thinClientSeats: 3, loanPcs: 2 } });
    assert.equal(r.status, 200, r.text);
    const hr = (await h.tokenFor('hr')).token;
    assert.deepEqual(capacityOf((await h.call('GET', '/v1/settings', { token: hr })).json), {
      thinClientSeats: 3,
      loanPcs: 2,
      reservations: [],
      updatedAt: '2026-11-24T00:00:00.000Z',
    });
    const audit = (await h.call('GET', '/v1/audit')).json.entries.filter(
      (e: any) => e.action === 'settings.update',
    );
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0].summary.after, {
      policy: {},
      thinClientSeats: 3,
      loanPcs: 2,
      reservations: [],
    });
  });

  it('refuses reservations that do not fit, or name no department, naming the field and writing nothing', async () => {
    const before = await h.rowCounts();
    const over = await h.call('PATCH', '/v1/settings', {
      body: { reservations: [{ departmentId: dept, loanPcs: 5 }] },
    });
    assert.equal(over.status, 422);
    assert.deepEqual(over.json.errors, [
      {
        path: '/reservations/0/loanPcs',
        message: "reservations add up to 5 loan PCs, more than the organisation's 2",
        code: 'loan-pc-over',
        params: { reserved: 5, total: 2 },
      },
    ]);
    const unknown = await h.call('PATCH', '/v1/settings', {
      body: { reservations: [{ departmentId: 'nope', thinClientSeats: 1 }] },
    });
    assert.deepEqual(unknown.json.errors, [
      {
        path: '/reservations/0/departmentId',
        message: 'no department with this id',
        code: 'no-such-id',
        params: {},
      },
    ]);
    const negative = await h.call('PATCH', '/v1/settings', { body: { thinClientSeats: -1 } });
    assert.equal(negative.status, 422);
    assert.equal(negative.json.errors[0].path, '/thinClientSeats');
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('reports remote demand in the draft rotation: peak with each team in the office, the daily spread, and survivability against capacity', () => {
    const report = rot.report;
    const byTeam = Object.fromEntries(
      report.remoteDemand.byOfficeTeam.map((t: any) => [
        t.label,
        [t.officeDays, t.peak.thinClient, t.peak.loanPc],
      ]),
    );
    assert.deepEqual(byTeam, { A: [8, 3, 3], B: [8, 2, 2], C: [7, 3, 1] });
    assert.deepEqual(report.remoteDemand.peak, { thinClient: 3, loanPc: 3 });
    assert.deepEqual(report.remoteDemand.least, { thinClient: 2, loanPc: 1 });
    assert.deepEqual(
      [report.balance.thinClientDemandSpread, report.balance.loanPcDemandSpread],
      [1, 2],
    );
    // No capacity was set when the draft was made: nothing can be short.
    assert.equal(report.remoteDemand.daysShort, 0);
    assert.equal(report.survivability.remote.withinCapacity, null);
  });

  it('checks in survivability that the worst single-team outage stays within capacity', async () => {
    const s = (await h.call('GET', `/v1/rotations/${rot.id}/survivability`)).json;
    assert.equal(s.survives, true, 'three teams: every day stays covered');
    assert.deepEqual(s.remote.capacity, { thinClient: 3, loanPc: 2 });
    assert.equal(s.remote.withinCapacity, false, "team A's office days alone need 3 loan PCs of 2");
    assert.deepEqual(s.remote.peak, { thinClient: 3, loanPc: 3 });
    // C out from the first day: its days go to A and B, so A (3 loan PCs) is in more often.
    assert.equal(s.remote.worst.label, 'C');
    assert.deepEqual(s.remote.worst.remote.shortDates, [
      '2026-12-01',
      '2026-12-03',
      '2026-12-04',
      '2026-12-09',
      '2026-12-11',
      '2026-12-14',
    ]);
    await h.call('PATCH', '/v1/settings', { body: { loanPcs: 3 } });
    const enough = (await h.call('GET', `/v1/rotations/${rot.id}/survivability`)).json;
    assert.equal(
      enough.remote.withinCapacity,
      true,
      'with 3 loan PCs every single-team outage fits',
    );
    await h.call('PATCH', '/v1/settings', { body: { loanPcs: 2 } });
  });

  it('counts nothing for a draft rotation', async () => {
    const r = await capacity(`departmentId=${dept}&from=2026-12-01&to=2026-12-31`);
    assert.equal(r.status, 200, r.text);
    assert.ok(
      r.json.days.every((d: any) => d.demand.thinClient === 0 && d.demand.loanPc === 0 && !d.short),
    );
    assert.deepEqual(r.json.summary, {
      peakThinClient: 0,
      peakLoanPc: 0,
      firstShortageDate: null,
      daysShort: 0,
    });
  });

  it('gives exact demand per date of the published rotation: the remote teams’ needs, nothing on weekends', async () => {
    assert.equal(
      (await h.call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } }))
        .status,
      200,
    );
    const r = await capacity(`departmentId=${dept}&from=2026-11-30&to=2026-12-08`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json).sort(), ['days', 'departmentId', 'from', 'summary', 'to']);
    assert.deepEqual(r.json.days[1], {
      date: '2026-12-01',
      demand: { thinClient: 3, loanPc: 3 },
      capacity: { thinClient: 3, loanPc: 2 },
      shortage: { thinClient: 0, loanPc: 1 },
      short: true,
    });
    assert.deepEqual(figures(r.json.days), {
      '2026-11-30': [0, 0, false], // before the rotation
      '2026-12-01': [3, 3, true], // A (y) in: x and z remote
      '2026-12-02': [2, 2, false], // B (x) in
      '2026-12-03': [3, 1, false], // C (z) in
      '2026-12-04': [3, 3, true],
      '2026-12-05': [0, 0, false], // Saturday
      '2026-12-06': [0, 0, false],
      '2026-12-07': [2, 2, false],
      '2026-12-08': [3, 1, false],
    });
    assert.deepEqual(r.json.summary, {
      peakThinClient: 3,
      peakLoanPc: 3,
      firstShortageDate: '2026-12-01',
      daysShort: 2,
    });
  });

  it('after a team quarantine: its members count on standby, its days go to other teams, and the answer and the chief name the new shortage', async () => {
    const x = teamOf('x1').id;
    const body = { teamId: x, startDate: '2026-12-01', endDate: '2026-12-14' };
    const q = await h.call('POST', '/v1/quarantines', {
      body,
      headers: { 'idempotency-key': 'x-out' },
    });
    assert.equal(q.status, 201, q.text);
    // B's days: 2 Dec to C, 7 Dec to A, 10 Dec to C (the team with the fewest office days so far).
    assert.deepEqual(
      q.json.swaps.map((s: any) => [s.date, rot.teams.find((t) => t.id === s.toTeamId)!.label]),
      [
        ['2026-12-02', 'C'],
        ['2026-12-07', 'A'],
        ['2026-12-10', 'C'],
      ],
    );
    const r = await capacity(`departmentId=${dept}&from=2026-12-01&to=2026-12-15`);
    assert.deepEqual(figures(r.json.days), {
      '2026-12-01': [3, 3, true],
      '2026-12-02': [3, 1, false], // C covers; x on standby still needs its 2 seats and 1 PC
      '2026-12-03': [3, 1, false],
      '2026-12-04': [3, 3, true],
      '2026-12-05': [0, 0, false],
      '2026-12-06': [0, 0, false],
      '2026-12-07': [3, 3, true], // A covers: the new shortage
      '2026-12-08': [3, 1, false],
      '2026-12-09': [3, 3, true],
      '2026-12-10': [3, 1, false],
      '2026-12-11': [3, 1, false],
      '2026-12-12': [0, 0, false],
      '2026-12-13': [0, 0, false],
      '2026-12-14': [3, 3, true],
      '2026-12-15': [2, 2, false], // x back in the office
    });
    const effect = q.json.capacityEffect;
    assert.deepEqual(
      [effect.from, effect.to, effect.newShortageDates],
      ['2026-12-01', '2026-12-14', ['2026-12-07']],
    );
    assert.deepEqual(effect.department.newShortageDates, ['2026-12-07']);
    assert.deepEqual(effect.organisation.newShortageDates, ['2026-12-07']);
    const chief = await h.db
      .selectFrom('outbox')
      .selectAll()
      .where('ref_id', '=', q.json.id)
      .where('recipient', '=', 'kacho@example.jp')
      .executeTakeFirstOrThrow();
    assert.match(
      chief.body,
      /在宅勤務の端末（シンクライアントの同時接続数・貸出PC）が足りなくなる日（対応が必要です）:\n・12月7日\(月\)/,
    );
    const staff = await h.db
      .selectFrom('outbox')
      .selectAll()
      .where('ref_id', '=', q.json.id)
      .where('recipient', '=', 'x1@example.jp')
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(staff.body, /シンクライアント/, 'only the chief is told about capacity');
    // A replay of the same request answers with the same effect, though the plan has changed since.
    const replay = await h.call('POST', '/v1/quarantines', {
      body,
      headers: { 'idempotency-key': 'x-out' },
    });
    assert.deepEqual(replay.json.capacityEffect, effect);
  });

  it('after a member quarantine: one more thin-client seat on their team’s office days', async () => {
    const q = await h.call('POST', '/v1/quarantines', {
      body: { memberId: id.z3, startDate: '2026-12-08', endDate: '2026-12-11' },
    });
    assert.equal(q.status, 201, q.text);
    assert.deepEqual(q.json.capacityEffect.newShortageDates, [
      '2026-12-08',
      '2026-12-10',
      '2026-12-11',
    ]);
    const r = await capacity(`departmentId=${dept}&from=2026-12-08&to=2026-12-11`);
    assert.deepEqual(figures(r.json.days), {
      '2026-12-08': [4, 1, true],
      '2026-12-09': [3, 3, true],
      '2026-12-10': [4, 1, true],
      '2026-12-11': [4, 1, true],
    });
  });

  it('after a lift: the team back in the office and its cover back home, and the answer and the chief name a new shortage', async () => {
    const x = teamOf('x1').id;
    const q = (await h.call('GET', '/v1/quarantines')).json.quarantines.find(
      (r: any) => r.teamId === x,
    );
    // Enough seats for anything; one loan PC. On 10 Dec C covers x's day: y and x at home need 1 PC.
    // With x back in the office, y and z are at home, and z needs 2: short, where it was not.
    await h.call('PATCH', '/v1/settings', { body: { thinClientSeats: 10, loanPcs: 1 } });
    const lift = await h.call('POST', `/v1/quarantines/${q.id}/lift`, {
      body: { date: '2026-12-10' },
    });
    assert.equal(lift.status, 200, lift.text);
    assert.deepEqual(
      lift.json.handedBack.map((b: any) => b.date),
      ['2026-12-10'],
    );
    const effect = lift.json.capacityEffect;
    assert.deepEqual(
      [effect.from, effect.to, effect.newShortageDates],
      ['2026-12-10', '2026-12-14', ['2026-12-10']],
    );
    // The peaks over the window stay: 11 Dec (z3 on standby, 4 seats) and 14 Dec (A in, 3 PCs) are untouched.
    assert.deepEqual(
      [effect.department.peakBefore, effect.department.peakAfter],
      [
        { thinClient: 4, loanPc: 3 },
        { thinClient: 4, loanPc: 3 },
      ],
    );
    const r = await capacity(`departmentId=${dept}&from=2026-12-10&to=2026-12-10`);
    assert.deepEqual(
      figures(r.json.days),
      { '2026-12-10': [2, 2, true] },
      'what the capacity report now says agrees',
    );
    const chief = await h.db
      .selectFrom('outbox')
      .selectAll()
      .where('ref_id', '=', q.id)
      .where('topic', '=', 'quarantine.lifted')
      .where('recipient', '=', 'kacho@example.jp')
      .executeTakeFirstOrThrow();
    assert.match(chief.body, /足りなくなる日（対応が必要です）:\n・12月10日\(木\)/);
    await h.call('PATCH', '/v1/settings', { body: { thinClientSeats: 3, loanPcs: 2 } });
  });

  it('gives a chief their own department without asking, refuses another, and limits the range with a 400 naming ?to', async () => {
    const chief = (await h.tokenFor('chief', { departmentId: dept })).token;
    const own = await capacity('from=2026-12-01&to=2026-12-02', chief);
    assert.equal(own.status, 200, own.text);
    assert.equal(own.json.departmentId, dept);
    assert.deepEqual(figures(own.json.days), {
      '2026-12-01': [3, 3, true],
      '2026-12-02': [3, 1, false],
    });
    const other = (await h.call('POST', '/v1/departments', { body: { name: 'other' } })).json.id;
    assert.equal((await capacity(`departmentId=${other}`, chief)).status, 403);
    assert.equal((await capacity('departmentId=missing')).status, 404);
    const long = await capacity('from=2026-01-01&to=2027-01-03');
    assert.equal(long.status, 400);
    assert.deepEqual(long.json.errors, [
      {
        path: '?to',
        message: 'at most 366 days after from',
        code: 'range-too-long',
        params: { days: 366 },
      },
    ]);
    const reversed = await capacity('from=2026-12-02&to=2026-12-01');
    assert.equal(reversed.status, 400);
    assert.equal(reversed.json.errors[0].path, '?to');
    assert.equal((await capacity('from=2026-02-30')).status, 400);
    const dflt = await capacity(`departmentId=${dept}`);
    assert.deepEqual(
      [dflt.json.from, dflt.json.to, dflt.json.days.length],
      ['2026-11-24', '2026-12-24', 31],
      'today and the next 30 days',
    );
  });
});
