import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

const roster = readFileSync(new URL('../fixtures/roster.csv', import.meta.url), 'utf8');

describe('rotations', () => {
  let h: Harness;
  let dept: string;
  let chief: string;
  let members: { id: string; name: string; email: string; position: string }[];
  const base = {
    startDate: '2026-12-01',
    endDate: '2027-01-31',
    teamCount: 2,
    pattern: { kind: 'daily' },
  };

  before(async () => {
    h = await harness({ now: '2026-11-24T00:00:00Z' });
    dept = (
      await h.call('POST', '/v1/departments', {
        body: { name: '情報政策課', closedDates: ['2026-12-29', '2026-12-30', '2026-12-31'] },
      })
    ).json.id;
    members = (
      await h.call('POST', `/v1/departments/${dept}/members`, { body: roster, type: 'text/csv' })
    ).json.members;
    chief = (await h.tokenFor('chief', { departmentId: dept })).token;
  });
  after(() => h.close());

  const create = (body: unknown) =>
    h.call('POST', `/v1/departments/${dept}/rotations`, { token: chief, body });

  it('creates a draft that puts every active member in exactly one team, chief and deputy apart, and explains each team', async () => {
    const r = await create({
      ...base,
      constraints: { requiredSkills: [{ skill: 'network', min: 1 }] },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.headers.get('etag'), '"1"');
    assert.equal(r.headers.get('location'), `/v1/rotations/${r.json.id}`);
    assert.equal(r.json.status, 'draft');
    assert.deepEqual(
      r.json.teams.map((t: any) => t.label),
      ['A', 'B'],
    );
    const all = r.json.teams.flatMap((t: any) => t.memberIds).sort();
    assert.deepEqual(all, members.map((m) => m.id).sort());
    const chiefId = members.find((m) => m.position === 'chief')!.id;
    const deputyId = members.find((m) => m.position === 'deputy')!.id;
    const teamOf = (id: string) => r.json.teams.find((t: any) => t.memberIds.includes(id)).label;
    assert.notEqual(teamOf(chiefId), teamOf(deputyId));
    for (const t of r.json.report.teams) {
      assert.ok(t.explanation.requiredSkills[0].holderIds.length >= 1);
      assert.ok(
        t.why.some((w: string) => w.startsWith('meets skill network (needs 1)')),
        t.why.join('\n'),
      );
      assert.ok(t.officeDays > 0);
    }
    assert.ok(r.json.report.balance.sizeSpread <= 1);
    assert.equal(r.json.report.survivability.survives, true);
  });

  it('shows the schedule day by day: teams alternate on working days; weekends, holidays and closed days are empty', async () => {
    const rot = (await create(base)).json;
    const s = await h.call(
      'GET',
      `/v1/rotations/${rot.id}/schedule?from=2026-12-25&to=2027-01-12`,
      { token: chief },
    );
    assert.equal(s.status, 200, s.text);
    const label = (id: string | null) => rot.teams.find((t: any) => t.id === id)?.label ?? '-';
    const line = s.json.days.map(
      (d: any) =>
        `${d.date.slice(5)} ${d.kind} ${label(d.officeTeamId)}${d.holiday ? ` ${d.holiday}` : ''}`,
    );
    const office = s.json.days.filter((d: any) => d.kind === 'office');
    for (let i = 1; i < office.length; i++)
      assert.notEqual(office[i].officeTeamId, office[i - 1].officeTeamId, 'daily alternates');
    assert.deepEqual(
      line.filter((l: string) => !l.includes('office')),
      [
        '12-26 weekend -',
        '12-27 weekend -',
        '12-29 closed -',
        '12-30 closed -',
        '12-31 closed -',
        '01-01 holiday - 元日',
        '01-02 weekend -',
        '01-03 weekend -',
        '01-09 weekend -',
        '01-10 weekend -',
        '01-11 holiday - 成人の日',
      ],
    );
    const day = office[0];
    assert.deepEqual(
      day.remoteTeamIds,
      rot.teams.map((t: any) => t.id).filter((id: string) => id !== day.officeTeamId),
    );
    assert.deepEqual(day.standbyTeamIds, []);
  });

  it('refuses an impossible split with 422 naming each unmet constraint', async () => {
    const before = await h.rowCounts();
    const r = await create({
      ...base,
      teamCount: 3,
      constraints: {
        requiredSkills: [
          { skill: 'security', min: 1 },
          { skill: 'payroll', min: 2 },
        ],
        maxTeamSize: 2,
      },
    });
    assert.equal(r.status, 422);
    const paths = r.json.errors.map((e: any) => e.path);
    assert.ok(paths.includes('/constraints/requiredSkills/1'), JSON.stringify(r.json.errors));
    assert.ok(paths.includes('/constraints/maxTeamSize'), JSON.stringify(r.json.errors));
    assert.ok(
      r.json.errors.every(
        (e: any) => typeof e.message === 'string' && e.message.length > 10 && e.code,
      ),
    );
    // Beside the English, the same reason as data: what the pages' templates say it with.
    const payroll = r.json.errors.find((e: any) => e.path === '/constraints/requiredSkills/1');
    assert.equal(payroll.code, 'skill-shortage');
    assert.deepEqual(
      [payroll.params.skill, payroll.params.min, payroll.params.teamCount, payroll.params.needed],
      ['payroll', 2, 3, 6],
    );
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('refuses a start in the past, an end before the start, and an unknown cycle label', async () => {
    const past = await create({ ...base, startDate: '2026-11-20' });
    assert.equal(past.status, 422);
    assert.equal(past.json.errors[0].path, '/startDate');
    const backwards = await create({ ...base, endDate: '2026-11-30' });
    assert.equal(backwards.json.errors[0].path, '/endDate');
    const cycle = await create({ ...base, pattern: { kind: 'cycle', cycle: ['A', 'C'] } });
    assert.equal(cycle.status, 422);
    assert.ok(
      cycle.json.errors.some((e: any) => e.path.startsWith('/pattern/cycle')),
      JSON.stringify(cycle.json.errors),
    );
  });

  it('publishes with If-Match only, once, and never two published rotations over the same dates', async () => {
    const rot = (await create({ ...base, startDate: '2027-02-01', endDate: '2027-03-31' })).json;
    const path = `/v1/rotations/${rot.id}/publish`;
    assert.equal((await h.call('POST', path, { token: chief })).status, 428);
    assert.equal(
      (await h.call('POST', path, { token: chief, headers: { 'if-match': '"7"' } })).status,
      412,
    );
    const ok = await h.call('POST', path, { token: chief, headers: { 'if-match': '"1"' } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.status, 'published');
    assert.equal(ok.headers.get('etag'), '"2"');
    assert.equal(
      (await h.call('POST', path, { token: chief, headers: { 'if-match': '"2"' } })).status,
      409,
    );
    const other = (await create({ ...base, startDate: '2027-03-15', endDate: '2027-04-30' })).json;
    const clash = await h.call('POST', `/v1/rotations/${other.id}/publish`, {
      token: chief,
      headers: { 'if-match': '"1"' },
    });
    assert.equal(clash.status, 409);
    assert.match(clash.json.errors[0].message, new RegExp(rot.id));
    const get = await h.call('GET', `/v1/rotations/${rot.id}`, {
      token: chief,
      headers: { 'if-none-match': '"2"' },
    });
    assert.equal(get.status, 304);
  });

  it('moves a member so they join the new team only after the exposure window since their last office day', async () => {
    const rot = (await create(base)).json;
    const [teamA, teamB] = rot.teams;
    const mover = teamA.memberIds[0];
    const sched = (
      await h.call('GET', `/v1/rotations/${rot.id}/schedule?to=2026-12-09`, { token: chief })
    ).json;
    const lastA = sched.days.filter((d: any) => d.officeTeamId === teamA.id).at(-1).date;
    const path = `/v1/rotations/${rot.id}/moves`;
    const body = { memberId: mover, toTeamId: teamB.id, effectiveDate: '2026-12-10' };
    assert.equal((await h.call('POST', path, { token: chief, body })).status, 428);

    const early = await h.call('POST', path, {
      token: chief,
      body: { ...body, officeFrom: '2026-12-10' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(early.status, 422);
    assert.equal(early.json.errors[0].path, '/officeFrom');

    const r = await h.call('POST', path, { token: chief, body, headers: { 'if-match': '"1"' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.lastOfficeDayWithOldTeam, lastA);
    const expected = new Date(Date.parse(`${lastA}T00:00:00Z`) + 14 * 86400_000)
      .toISOString()
      .slice(0, 10);
    assert.equal(r.json.officeFrom, expected);
    assert.equal(r.headers.get('etag'), '"2"');

    const view = (await h.call('GET', `/v1/rotations/${rot.id}`, { token: chief })).json;
    const ms = view.memberships.filter((m: any) => m.memberId === mover);
    assert.deepEqual(
      ms.map((m: any) => [m.teamId, m.fromDate, m.toDate, m.officeFrom]),
      [
        [teamA.id, '2026-12-01', '2026-12-09', '2026-12-01'],
        [teamB.id, '2026-12-10', null, expected],
      ],
    );
    const stale = await h.call('POST', path, {
      token: chief,
      body: { ...body, toTeamId: teamA.id, effectiveDate: '2026-12-20' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(stale.status, 412);
  });

  it('places a newcomer at once and takes a leaver out from a date, keeping their history', async () => {
    const rot = (await create(base)).json;
    const added = await h.call('POST', `/v1/departments/${dept}/members`, {
      token: chief,
      body: { members: [{ name: '新人 さん', email: 'new@example.jp' }] },
    });
    const newcomer = added.json.members[0].id;
    const place = await h.call('POST', `/v1/rotations/${rot.id}/moves`, {
      token: chief,
      body: { memberId: newcomer, toTeamId: rot.teams[1].id, effectiveDate: '2026-12-07' },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(place.status, 201, place.text);
    assert.deepEqual(
      [place.json.fromTeamId, place.json.officeFrom, place.json.lastOfficeDayWithOldTeam],
      [null, '2026-12-07', null],
    );
    const leaver = rot.teams[0].memberIds[1];
    const leave = await h.call('POST', `/v1/rotations/${rot.id}/moves`, {
      token: chief,
      body: { memberId: leaver, toTeamId: null, effectiveDate: '2026-12-15' },
      headers: { 'if-match': '"2"' },
    });
    assert.equal(leave.status, 201, leave.text);
    const view = (await h.call('GET', `/v1/rotations/${rot.id}`, { token: chief })).json;
    assert.deepEqual(
      view.memberships.filter((m: any) => m.memberId === leaver).map((m: any) => m.toDate),
      ['2026-12-14'],
    );
    const audit = (await h.call('GET', '/v1/audit')).json.entries.map((e: any) => e.action);
    assert.ok(audit.includes('rotation.member-place') && audit.includes('rotation.member-leave'));
  });

  it('regenerates a draft with another seed, bumping its version; a published rotation cannot be', async () => {
    const rot = (await create({ ...base, seed: 1 })).json;
    const r = await h.call('POST', `/v1/rotations/${rot.id}/regenerate`, {
      token: chief,
      body: { seed: 2 },
      headers: { 'if-match': '"1"' },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.version, 2);
    assert.equal(r.json.seed, 2);
    assert.deepEqual(
      r.json.teams.flatMap((t: any) => t.memberIds).sort(),
      rot.teams.flatMap((t: any) => t.memberIds).sort(),
    );
    // Every field is optional: no body at all is {} (the stored seed), not a 415.
    const bare = await h.call('POST', `/v1/rotations/${rot.id}/regenerate`, {
      token: chief,
      headers: { 'if-match': '"2"' },
    });
    assert.equal(bare.status, 200, bare.text);
    assert.deepEqual([bare.json.version, bare.json.seed], [3, 2]);
    const published = (await create({ ...base, startDate: '2028-01-04', endDate: '2028-01-31' }))
      .json;
    assert.equal(
      (
        await h.call('POST', `/v1/rotations/${published.id}/publish`, {
          token: chief,
          headers: { 'if-match': '"1"' },
        })
      ).status,
      200,
    );
    const refused = await h.call('POST', `/v1/rotations/${published.id}/regenerate`, {
      token: chief,
      body: {},
      headers: { 'if-match': '"2"' },
    });
    assert.equal(refused.status, 409);
  });

  it('answers survivability: two teams survive any 14-day outage; one team cannot', async () => {
    const two = (await create(base)).json;
    const s = await h.call('GET', `/v1/rotations/${two.id}/survivability`, { token: chief });
    assert.equal(s.status, 200);
    assert.equal(s.json.survives, true);
    assert.ok(s.json.worst.reassigned > 0);
    const one = (await create({ ...base, teamCount: 1, constraints: { keepLeadersApart: false } }))
      .json;
    const s1 = (await h.call('GET', `/v1/rotations/${one.id}/survivability`, { token: chief }))
      .json;
    assert.equal(s1.survives, false);
    assert.ok(s1.worst.uncoveredDates.length >= 9, JSON.stringify(s1.worst));
  });

  it("lets staff read their own department's schedule but not another's, nor the report", async () => {
    const rot = (await create(base)).json;
    const staff = (await h.tokenFor('staff', { memberId: members[3]!.id })).token;
    assert.equal(
      (await h.call('GET', `/v1/rotations/${rot.id}/schedule`, { token: staff })).status,
      200,
    );
    assert.equal((await h.call('GET', `/v1/rotations/${rot.id}`, { token: staff })).status, 403);
    const other = (await h.call('POST', '/v1/departments', { body: { name: 'other' } })).json.id;
    const otherChief = (await h.tokenFor('chief', { departmentId: other })).token;
    assert.equal(
      (await h.call('GET', `/v1/rotations/${rot.id}/schedule`, { token: otherChief })).status,
      403,
    );
    assert.equal(
      (await h.call('POST', `/v1/departments/${dept}/rotations`, { token: otherChief, body: base }))
        .status,
      403,
    );
  });
});
