import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';
import { eventsOf } from '../support/ics-lint.ts';

const roster = readFileSync(new URL('../fixtures/roster.csv', import.meta.url), 'utf8');
const REASON = 'COVID-19 陽性 (PCR) — confidential';

describe('quarantines and swaps', () => {
  let h: Harness;
  let hr: string;
  let rot: { id: string; teams: { id: string; label: string; memberIds: string[] }[] };
  let deptId: string;
  const label = (id: string | null) => rot.teams.find((t) => t.id === id)?.label ?? '-';
  const schedule = async (from: string, to: string) =>
    (await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=${from}&to=${to}`)).json
      .days as any[];

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
    hr = (await h.tokenFor('hr')).token;
  });
  after(() => h.close());

  it("moves a quarantined team's office days to the healthy team with the fewest office days so far, ties by label", async () => {
    const before = await schedule('2026-12-01', '2026-12-31');
    const B = rot.teams[1]!.id;
    const r = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: B, startDate: '2026-12-03', reason: REASON },
      headers: { 'idempotency-key': 'mark-b-1' },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.endDate, '2026-12-16', 'default: start + 13');
    const bDays = before
      .filter((d) => d.officeTeamId === B && d.date >= '2026-12-03' && d.date <= '2026-12-16')
      .map((d) => d.date);
    assert.deepEqual(
      r.json.swaps.map((s: any) => s.date),
      bDays,
    );
    assert.deepEqual(r.json.uncovered, []);
    // Replay the rule by hand: count office days so far per team, fewest wins, ties by label.
    const after = await schedule('2026-12-01', '2026-12-31');
    const counts = new Map<string, number>();
    for (const d of after) {
      if (d.kind !== 'office') continue;
      const swap = r.json.swaps.find((s: any) => s.date === d.date);
      if (swap) {
        const healthy = rot.teams.filter((t) => t.id !== B);
        const best = healthy.sort(
          (x, y) =>
            (counts.get(x.id) ?? 0) - (counts.get(y.id) ?? 0) || x.label.localeCompare(y.label),
        )[0]!;
        assert.equal(
          swap.toTeamId,
          best.id,
          `${d.date}: ${label(swap.toTeamId)} should be ${best.label}`,
        );
        assert.equal(d.officeTeamId, best.id);
      }
      counts.set(d.officeTeamId, (counts.get(d.officeTeamId) ?? 0) + 1);
      if (d.date >= '2026-12-03' && d.date <= '2026-12-16') {
        assert.notEqual(
          d.officeTeamId,
          B,
          `${d.date}: the quarantined team is never in the office`,
        );
        assert.deepEqual(d.standbyTeamIds, [B]);
      }
    }
    for (const d of after.filter((x) => x.date < '2026-12-03'))
      assert.deepEqual(
        d,
        before.find((x) => x.date === d.date),
        'days before are unchanged',
      );
  });

  it('answers the same Idempotency-Key with the same quarantine, and refuses it with another body', async () => {
    const C = rot.teams[2]!.id;
    const body = { teamId: C, startDate: '2027-01-12', endDate: '2027-01-15' };
    const first = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body,
      headers: { 'idempotency-key': 'same-key' },
    });
    assert.equal(first.status, 201);
    const again = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body,
      headers: { 'idempotency-key': 'same-key' },
    });
    assert.equal(again.status, 201);
    assert.deepEqual(again.json, first.json);
    const before = await h.rowCounts();
    const other = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { ...body, endDate: '2027-01-16' },
      headers: { 'idempotency-key': 'same-key' },
    });
    assert.equal(other.status, 422);
    assert.equal(other.json.errors[0].path, 'Idempotency-Key');
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('creates one quarantine from 50 concurrent requests with one Idempotency-Key', async () => {
    const A = rot.teams[0]!.id;
    const body = { teamId: A, startDate: '2027-01-20', endDate: '2027-01-22' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.call('POST', '/v1/quarantines', {
          token: hr,
          body,
          headers: { 'idempotency-key': 'burst-50' },
        }),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [201]);
    assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
    const rows = await h.db
      .selectFrom('quarantines')
      .selectAll()
      .where('team_id', '=', A)
      .where('start_date', '=', '2027-01-20')
      .execute();
    assert.equal(rows.length, 1);
    const swaps = await h.db
      .selectFrom('swaps')
      .selectAll()
      .where('quarantine_id', '=', rows[0]!.id)
      .execute();
    assert.equal(swaps.length, answers[0]!.json.swaps.length, 'and one set of swaps');
  });

  it('lifts early: days from the lift date go back to the original team, and the answer says which', async () => {
    const list = (await h.call('GET', '/v1/quarantines?active=true', { token: hr })).json
      .quarantines;
    const q = list.find((x: any) => x.startDate === '2026-12-03')!;
    const r = await h.call('POST', `/v1/quarantines/${q.id}/lift`, {
      token: hr,
      body: { date: '2026-12-10' },
    });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.handedBack.length > 0);
    assert.ok(
      r.json.handedBack.every((x: any) => x.date >= '2026-12-10' && x.toTeamId === q.teamId),
    );
    const days = await schedule('2026-12-10', '2026-12-16');
    for (const hb of r.json.handedBack)
      assert.equal(days.find((d) => d.date === hb.date)!.officeTeamId, q.teamId);
    assert.ok(days.every((d) => d.standbyTeamIds.length === 0));
    assert.equal(
      (
        await h.call('POST', `/v1/quarantines/${q.id}/lift`, {
          token: hr,
          body: { date: '2026-12-11' },
        })
      ).status,
      409,
    );
  });

  it('a member quarantine takes only that person out: their feed says standby, never why', async () => {
    const memberId = rot.teams[0]!.memberIds[0]!;
    const r = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { memberId, startDate: '2026-12-01', reason: REASON },
    });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json.swaps, []);
    const sched = (
      await h.call('GET', `/v1/members/${memberId}/schedule?from=2026-12-01&to=2026-12-14`)
    ).json;
    assert.ok(sched.days.length > 0 && sched.days.every((d: any) => d.kind === 'standby'));
    const feed = (await h.call('POST', '/v1/feeds', { body: { scope: 'member', id: memberId } }))
      .json;
    const body = await (await h.app.request(`/feeds/${feed.token}.ics`)).text();
    assert.ok(eventsOf(body).some((e) => e.SUMMARY === '自宅待機'));
    for (const text of [
      body,
      JSON.stringify(sched),
      JSON.stringify(await schedule('2026-12-01', '2026-12-31')),
    ])
      assert.ok(!text.includes('COVID') && !text.includes('陽性'));
    const hrView = (await h.call('GET', '/v1/quarantines', { token: hr })).json.quarantines;
    assert.ok(
      hrView.some((q: any) => q.reason === REASON),
      'HR sees the reason',
    );
  });

  it('a positive case quarantines every team it shared the office with, and lists who was there', async () => {
    h.setNow('2026-12-18T00:00:00Z');
    const positive = rot.teams[2]!.memberIds[0]!;
    const exp = await h.call(
      'GET',
      `/v1/exposures?memberId=${positive}&from=2026-12-01&to=2026-12-17`,
      { token: hr },
    );
    assert.equal(exp.status, 200, exp.text);
    assert.ok(exp.json.days.length > 0);
    const teammates = rot.teams[2]!.memberIds.filter((m) => m !== positive).sort();
    for (const d of exp.json.days)
      assert.deepEqual(d.coPresentMemberIds, teammates, `${d.date}: co-present are the teammates`);
    assert.deepEqual(exp.json.teamIds, [rot.teams[2]!.id]);

    // A draft over the same days (another split, not worked to) changes nothing: nobody met anybody in it.
    const draft = (
      await h.call('POST', `/v1/departments/${deptId}/rotations`, {
        body: {
          startDate: '2026-12-18',
          endDate: '2027-01-29',
          teamCount: 2,
          seed: 7,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    const published = new Set(rot.teams.map((t) => t.id));
    const tooLong = await h.call(
      'GET',
      `/v1/exposures?memberId=${positive}&from=1900-01-01&to=2199-12-31`,
      { token: hr },
    );
    assert.equal(tooLong.status, 422);
    assert.deepEqual(tooLong.json.errors, [
      {
        path: '?to',
        message: 'at most 366 days after from',
        code: 'range-too-long',
        params: { days: 366 },
      },
    ]);
    const ahead = await h.call(
      'GET',
      `/v1/exposures?memberId=${positive}&from=2026-12-18&to=2026-12-31`,
      { token: hr },
    );
    assert.ok(
      ahead.json.days.length > 0 && ahead.json.teamIds.every((t: string) => published.has(t)),
      `draft teams listed: ${ahead.text}`,
    );
    const onDraft = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: draft.teams[0].id, startDate: '2026-12-21' },
    });
    assert.equal(onDraft.status, 422);
    assert.deepEqual(
      onDraft.json.errors.map((e: any) => e.path),
      ['/teamId'],
    );

    const r = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { positiveMemberId: positive, onsetDate: '2026-12-17' },
    });
    assert.equal(r.status, 201, r.text);
    assert.ok(
      r.json.quarantines.every((q: any) => q.teamId === null || published.has(q.teamId)),
      'only teams of the published rotation',
    );
    const subjects = r.json.quarantines.map((q: any) => [q.subject, q.memberId ?? q.teamId]);
    assert.deepEqual(
      subjects.sort(),
      [
        ['member', positive],
        ['team', rot.teams[2]!.id],
      ].sort(),
    );
    assert.equal(r.json.id, r.json.quarantines.find((q: any) => q.subject === 'member').id);
  });

  it('never rewrites the past: a quarantine entered late changes today and later only, and exposure still sees the past', async () => {
    h.setNow('2026-12-22T00:00:00Z');
    const A = rot.teams[0]!.id;
    const past = await h.db
      .selectFrom('shifts')
      .selectAll()
      .where('rotation_id', '=', rot.id)
      .where('date', '<', '2026-12-22')
      .orderBy('id')
      .execute();
    const r = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: A, startDate: '2026-12-15', endDate: '2026-12-24' },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.effectiveFrom, '2026-12-22');
    assert.ok(r.json.swaps.every((s: any) => s.date >= '2026-12-22'));
    const pastAfter = await h.db
      .selectFrom('shifts')
      .selectAll()
      .where('rotation_id', '=', rot.id)
      .where('date', '<', '2026-12-22')
      .orderBy('id')
      .execute();
    assert.deepEqual(pastAfter, past);
    const member = rot.teams[0]!.memberIds[1]!;
    const exp = (
      await h.call('GET', `/v1/exposures?memberId=${member}&from=2026-12-15&to=2026-12-21`, {
        token: hr,
      })
    ).json;
    assert.ok(exp.days.length > 0, 'the past office days still count for exposure');
  });

  it('refuses bad requests with 422 naming the field, and staff or chiefs with 403', async () => {
    const bad = [
      [
        { teamId: rot.teams[0]!.id, memberId: rot.teams[0]!.memberIds[0], startDate: '2027-01-04' },
        '',
      ],
      [{ teamId: rot.teams[0]!.id, startDate: '2027-01-10', endDate: '2027-01-04' }, '/endDate'],
      [
        { memberId: rot.teams[0]!.memberIds[0], startDate: '2027-01-10', endDate: '9999-12-31' },
        '/endDate',
      ],
      [{ teamId: rot.teams[0]!.id, startDate: '2027-01-10', endDate: '2028-01-11' }, '/endDate'],
      [{ teamId: 'nope', startDate: '2027-01-04' }, '/teamId'],
    ] as const;
    for (const [body, path] of bad) {
      const before = await h.rowCounts();
      const r = await h.call('POST', '/v1/quarantines', { token: hr, body });
      assert.equal(r.status, 422, JSON.stringify(body));
      assert.ok(
        r.json.errors.some((e: any) => e.path === path),
        JSON.stringify(r.json.errors),
      );
      assert.deepEqual(await h.rowCounts(), before);
    }
    const chief = (await h.tokenFor('chief', { departmentId: deptId })).token;
    const staff = (await h.tokenFor('staff', { memberId: rot.teams[0]!.memberIds[0]! })).token;
    for (const token of [chief, staff]) {
      assert.equal(
        (
          await h.call('POST', '/v1/quarantines', {
            token,
            body: { teamId: rot.teams[0]!.id, startDate: '2027-01-04' },
          })
        ).status,
        403,
      );
      assert.equal((await h.call('GET', '/v1/quarantines', { token })).status, 403);
    }
  });
});

describe('quarantine notifications', () => {
  it('tell the team in standby, the covering teams and the chief through the outbox, in the same transaction, never with the reason', async () => {
    const h = await harness({ now: '2026-12-01T00:00:00Z' });
    const deptId = (await h.call('POST', '/v1/departments', { body: { name: '情報政策課' } })).json
      .id;
    const members = (
      await h.call('POST', `/v1/departments/${deptId}/members`, { body: roster, type: 'text/csv' })
    ).json.members as any[];
    const rot = (
      await h.call('POST', `/v1/departments/${deptId}/rotations`, {
        body: {
          startDate: '2026-12-01',
          endDate: '2027-01-29',
          teamCount: 2,
          pattern: { kind: 'daily' },
        },
      })
    ).json;
    assert.equal(
      (await h.call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"1"' } }))
        .status,
      200,
    );
    const B = rot.teams[1];
    const r = await h.call('POST', '/v1/quarantines', {
      body: { teamId: B.id, startDate: '2026-12-02', reason: REASON },
    });
    assert.equal(r.status, 201, r.text);
    const rows = await h.db.selectFrom('outbox').selectAll().execute();
    const emailOf = (id: string) => members.find((m) => m.id === id)!.email;
    const recipients = new Set(rows.map((x) => x.recipient));
    for (const id of [...B.memberIds, ...rot.teams[0].memberIds])
      assert.ok(recipients.has(emailOf(id)), `${emailOf(id)} is told`);
    const chief = members.find((m) => m.position === 'chief')!;
    const chiefMsg = rows
      .filter((x) => x.recipient === chief.email)
      .map((x) => x.body)
      .join('\n');
    assert.ok(r.json.swaps.length > 0);
    assert.ok(
      rows.every(
        (x) =>
          !x.body.includes('COVID') && !x.body.includes('陽性') && !x.subject.includes('COVID'),
      ),
      'no reason anywhere',
    );
    assert.ok(chiefMsg.length > 0);
    assert.ok(
      rows.every((x) => x.channel === 'log' && x.status === 'pending'),
      'without configuration, messages wait to be logged',
    );

    // All or nothing: when the outbox cannot be written, the quarantine and its swaps are not written either.
    await h.db.schema.dropTable('outbox').execute();
    const before = await h.db.selectFrom('quarantines').selectAll().execute();
    const shiftsBefore = await h.db.selectFrom('shifts').selectAll().orderBy('id').execute();
    const failed = await h.call('POST', '/v1/quarantines', {
      body: { teamId: rot.teams[0].id, startDate: '2026-12-20' },
    });
    assert.equal(failed.status, 500);
    assert.deepEqual(await h.db.selectFrom('quarantines').selectAll().execute(), before);
    assert.deepEqual(
      await h.db.selectFrom('shifts').selectAll().orderBy('id').execute(),
      shiftsBefore,
    );
    await h.close();
  });
});
