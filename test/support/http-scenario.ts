// One representative walk through the HTTP API over a real connection, run against every runtime
// (Node + SQLite, workerd + D1) with the same assertions; it returns a digest of what it saw, with
// ids and instants left out, so the runtimes can also be compared with each other.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { safePath } from '../../src/http/api.ts';
import { jsonClient, type Answer } from './client.ts';

const roster = readFileSync(new URL('../fixtures/roster.csv', import.meta.url), 'utf8');
const rosterBad = readFileSync(new URL('../fixtures/roster-bad.csv', import.meta.url), 'utf8');
const rosterCp932 = readFileSync(new URL('../fixtures/roster-cp932.csv', import.meta.url));

export type { Answer } from './client.ts';

/**
 * A client of a running server (a request that hangs fails after 30 s, naming it without a feed
 * token); `base` may be a function, asked before each request (several instances taking turns).
 */
export function httpClient(base: string | (() => string), adminToken: string) {
  return jsonClient(async (path, init) => {
    try {
      const res = await fetch((typeof base === 'string' ? base : base()) + path, {
        ...init,
        signal: AbortSignal.timeout(30_000),
      });
      // Read the body here, so that a body that never ends fails with the request's name too.
      const text = await res.text();
      return new Response(text === '' ? null : text, { status: res.status, headers: res.headers });
    } catch (e) {
      throw new Error(
        `${init.method} ${safePath(path)}: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
  }, adminToken);
}
export type Call = ReturnType<typeof httpClient>;

const day = (from: Date, n: number) =>
  new Date(from.getTime() + n * 86_400_000).toISOString().slice(0, 10);

function expectProblem(r: Answer, status: number, what: string) {
  assert.equal(r.status, status, `${what}: ${r.text}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  assert.equal(r.json.status, status, what);
  assert.match(r.json.type, /^urn:bunsan:problem:/, what);
}

/**
 * Departments, members (JSON, CSV, a refused CSV, a bulk import of more rows than D1 binds in one
 * statement), a rotation created and published, its schedule, a member feed with 304
 * revalidation, a team quarantine with swaps and its lift, capacity, and problem+json errors.
 */
export async function runScenario(call: Call, now = new Date()): Promise<Record<string, unknown>> {
  const digest: Record<string, unknown> = {};
  const start = day(now, 7);
  const end = day(now, 70);

  // Health and errors before any data.
  assert.equal((await call('GET', '/healthz', { token: null })).status, 200);
  expectProblem(await call('GET', '/v1/departments', { token: null }), 401, 'no token');
  expectProblem(
    await call('GET', '/v1/departments', { token: 'bsn_not-a-token' }),
    401,
    'unknown token',
  );
  expectProblem(await call('GET', '/v1/no-such-thing'), 404, 'unknown route');

  // Departments.
  expectProblem(
    await call('POST', '/v1/departments', { body: { timezone: 'Asia/Tokyo' } }),
    422,
    'department without a name',
  );
  expectProblem(
    await call('POST', '/v1/departments', { body: '{"name":', type: 'application/json' }),
    400,
    'broken JSON',
  );
  const dept = await call('POST', '/v1/departments', {
    body: { name: '情報政策課', closedDates: [day(now, 30)] },
  });
  assert.equal(dept.status, 201, dept.text);
  const deptId: string = dept.json.id;
  digest.department = { ...dept.json, id: undefined, createdAt: undefined, updatedAt: undefined };
  const list = await call('GET', '/v1/departments');
  assert.equal(list.status, 200);
  assert.ok(JSON.stringify(list.json).includes(deptId));
  expectProblem(
    await call('GET', '/v1/departments/00000000-0000-0000-0000-000000000000'),
    404,
    'unknown department',
  );

  // Members: CSV, a CSV with mistakes refused as a whole, JSON in bulk.
  const csv = await call('POST', `/v1/departments/${deptId}/members`, {
    body: roster,
    type: 'text/csv',
  });
  assert.equal(csv.status, 201, csv.text);
  const bad = await call('POST', `/v1/departments/${deptId}/members`, {
    body: rosterBad,
    type: 'text/csv',
  });
  expectProblem(bad, 422, 'roster with mistakes');
  digest.rosterErrors = bad.json.errors;
  // Japanese Excel's default CSV (Shift_JIS, Japanese headers and values), in a department of its own.
  const excelDept = await call('POST', '/v1/departments', { body: { name: '総務課' } });
  const excel = await call('POST', `/v1/departments/${excelDept.json.id}/members`, {
    body: rosterCp932,
    type: 'text/csv',
  });
  assert.equal(excel.status, 201, excel.text);
  digest.excelRoster = excel.json.members.map(
    (m: any) => `${m.name}|${m.email}|${m.skills.join(';')}|${m.position}|${m.remoteAccess}`,
  );
  // The same file synced as the whole roster changes nothing; a JSON roster without one member
  // and with a new one, on the members list's ETag, deactivates and adds; a stale ETag is refused;
  // the export syncs back to no change.
  const excelMembers = `/v1/departments/${excelDept.json.id}/members`;
  const excelRosterPath = `/v1/departments/${excelDept.json.id}/roster`;
  const same = await call('POST', `${excelRosterPath}?preview=true`, {
    body: rosterCp932,
    type: 'text/csv',
  });
  assert.equal(same.status, 200, same.text);
  digest.rosterSame = [same.json.added.length, same.json.updated.length, same.json.unchanged];
  assert.deepEqual(digest.rosterSame, [0, 0, 4], 'the same file changes nothing');
  const rosterEtag = (await call('GET', excelMembers)).headers.get('etag')!;
  const next = {
    members: [
      ...excel.json.members.slice(1).map((m: any) => ({ name: m.name, email: m.email })),
      { name: '新井 新', email: 'arai@example.jp', skills: ['庶務'] },
    ],
  };
  const synced = await call('POST', excelRosterPath, {
    body: next,
    headers: { 'if-match': rosterEtag },
  });
  assert.equal(synced.status, 200, synced.text);
  assert.deepEqual(synced.json.deactivated.length, 1);
  assert.deepEqual(synced.json.added.length, 1);
  digest.rosterSync = {
    added: synced.json.added.map((a: any) => a.email),
    deactivated: synced.json.deactivated.map((d: any) => d.email),
    unchanged: synced.json.unchanged,
  };
  expectProblem(
    await call('POST', excelRosterPath, { body: next, headers: { 'if-match': rosterEtag } }),
    412,
    'a sync on a stale roster version',
  );
  const exported = await call('GET', `${excelMembers}.csv`);
  assert.equal(exported.status, 200);
  const roundTrip = await call('POST', `${excelRosterPath}?preview=true`, {
    body: exported.text,
    type: 'text/csv',
  });
  assert.equal(roundTrip.status, 200, roundTrip.text);
  digest.rosterRoundTrip = [
    roundTrip.json.added.length,
    roundTrip.json.updated.length,
    roundTrip.json.deactivated.length,
    roundTrip.json.unchanged,
  ];
  assert.deepEqual(digest.rosterRoundTrip, [0, 0, 0, 4], 'the export syncs back to no change');
  const bulk = Array.from({ length: 120 }, (_, i) => ({
    name: `職員 ${i}`,
    email: `staff${i}@example.jp`,
    skills: i % 4 ? [] : ['network'],
    remoteAccess: i % 3 ? 'company-pc' : 'thin-client',
  }));
  const json = await call('POST', `/v1/departments/${deptId}/members`, { body: { members: bulk } });
  assert.equal(json.status, 201, json.text);
  expectProblem(
    await call('POST', `/v1/departments/${deptId}/members`, { body: { members: [bulk[0]] } }),
    409,
    'a duplicate e-mail',
  );
  const members = await call('GET', `/v1/departments/${deptId}/members`);
  assert.equal(members.status, 200);
  const memberList = members.json.members;
  assert.equal(memberList.length, csv.json.members.length + bulk.length);
  digest.members = memberList.map(
    (m: any) => `${m.name}|${m.email}|${m.skills.join(';')}|${m.position}|${m.remoteAccess}`,
  );

  // A rotation: refused when it cannot be met, created as a draft, published with If-Match.
  const impossible = await call('POST', `/v1/departments/${deptId}/rotations`, {
    body: {
      startDate: start,
      endDate: end,
      teamCount: 3,
      pattern: { kind: 'daily' },
      constraints: { requiredSkills: [{ skill: 'no-one-has-it', min: 1 }] },
    },
  });
  expectProblem(impossible, 422, 'unmet constraint');
  digest.unmet = impossible.json.errors.map((e: any) => e.code);
  const created = await call('POST', `/v1/departments/${deptId}/rotations`, {
    body: {
      startDate: start,
      endDate: end,
      teamCount: 3,
      seed: 7,
      pattern: { kind: 'daily' },
      constraints: { requiredSkills: [{ skill: 'network', min: 1 }] },
    },
  });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.status, 'draft');
  const rot = created.json as {
    id: string;
    version: number;
    teams: { id: string; label: string; memberIds: string[] }[];
  };
  const label = (id: string | null) => rot.teams.find((t) => t.id === id)?.label ?? null;
  const emailOf = new Map<string, string>(memberList.map((m: any) => [m.id, m.email]));
  // Ids are random, and the split orders members by id: who is in which team may differ between
  // two servers, so the digest keeps what the split guarantees — labels, sizes, every member placed.
  digest.teams = {
    labels: rot.teams.map((t) => t.label),
    sizes: rot.teams.map((t) => t.memberIds.length).sort(),
  };
  assert.deepEqual(
    rot.teams.flatMap((t) => t.memberIds.map((m) => emailOf.get(m))).sort(),
    memberList.map((m: any) => m.email).sort(),
  );
  expectProblem(
    await call('POST', `/v1/rotations/${rot.id}/publish`),
    428,
    'publish without If-Match',
  );
  expectProblem(
    await call('POST', `/v1/rotations/${rot.id}/publish`, { headers: { 'if-match': '"99"' } }),
    412,
    'publish with a stale version',
  );
  const published = await call('POST', `/v1/rotations/${rot.id}/publish`, {
    headers: { 'if-match': `"${rot.version}"` },
  });
  assert.equal(published.status, 200, published.text);

  const schedule = async () => {
    const r = await call('GET', `/v1/rotations/${rot.id}/schedule?from=${start}&to=${end}`);
    assert.equal(r.status, 200, r.text);
    return r.json.days as {
      date: string;
      kind: string;
      officeTeamId: string | null;
      standbyTeamIds: string[];
    }[];
  };
  const before = await schedule();
  assert.ok(before.filter((d) => d.kind === 'office').length > 30);
  digest.scheduleBefore = before.map((d) => `${d.date} ${d.kind} ${label(d.officeTeamId) ?? '-'}`);

  // A member's calendar feed: 200 with validators, then 304 on either of them.
  const memberId = rot.teams[1]!.memberIds[0]!;
  const feed = await call('POST', '/v1/feeds', { body: { scope: 'member', id: memberId } });
  assert.equal(feed.status, 201, feed.text);
  const feedPath = `/feeds/${feed.json.token}.ics`;
  const ics = await call('GET', feedPath, { token: null });
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
  const etag = ics.headers.get('etag')!;
  const lastModified = ics.headers.get('last-modified')!;
  assert.ok(etag && lastModified);
  assert.equal(
    (await call('GET', feedPath, { token: null, headers: { 'if-none-match': etag } })).status,
    304,
  );
  assert.equal(
    (await call('GET', feedPath, { token: null, headers: { 'if-modified-since': lastModified } }))
      .status,
    304,
  );
  assert.equal(
    (await call('GET', feedPath, { token: null, headers: { 'accept-encoding': 'gzip' } })).status,
    200,
  );
  expectProblem(
    await call('GET', '/feeds/bsnf_no-such-feed.ics', { token: null }),
    404,
    'unknown feed',
  );
  digest.feedEvents = ics.text.split('BEGIN:VEVENT').length - 1;

  // HR quarantines team B: its office days go to the healthy teams; the same key answers the same.
  const hr = await call('POST', '/v1/tokens', { body: { role: 'hr', label: 'HR desk' } });
  assert.equal(hr.status, 201, hr.text);
  const B = rot.teams[1]!.id;
  const qBody = { teamId: B, startDate: day(now, 10), reason: 'positive test' };
  const q = await call('POST', '/v1/quarantines', {
    token: hr.json.token,
    body: qBody,
    headers: { 'idempotency-key': `scenario-${deptId}` },
  });
  assert.equal(q.status, 201, q.text);
  assert.ok(q.json.swaps.length > 0);
  const replay = await call('POST', '/v1/quarantines', {
    token: hr.json.token,
    body: qBody,
    headers: { 'idempotency-key': `scenario-${deptId}` },
  });
  assert.equal(replay.status, 201);
  assert.equal(replay.json.id, q.json.id);
  expectProblem(
    await call('POST', '/v1/quarantines', {
      token: hr.json.token,
      body: { ...qBody, endDate: day(now, 12) },
      headers: { 'idempotency-key': `scenario-${deptId}` },
    }),
    422,
    'same key, other body',
  );
  expectProblem(
    await call('POST', '/v1/quarantines', {
      token: (await call('POST', '/v1/tokens', { body: { role: 'staff', memberId, label: 's' } }))
        .json.token,
      body: qBody,
    }),
    403,
    'staff cannot quarantine',
  );
  digest.swaps = q.json.swaps.map(
    (s: any) => `${s.date} ${label(s.fromTeamId)}→${label(s.toTeamId)}`,
  );
  digest.uncovered = q.json.uncovered;
  const during = await schedule();
  for (const d of during) {
    if (d.date >= q.json.startDate && d.date <= q.json.endDate)
      assert.notEqual(d.officeTeamId, B, `${d.date}: team B is in standby`);
  }
  const changed = await call('GET', feedPath, { token: null, headers: { 'if-none-match': etag } });
  assert.equal(changed.status, 200, 'the feed changed with the quarantine');
  assert.notEqual(changed.headers.get('etag'), etag);
  assert.doesNotMatch(changed.text, /positive/, 'never a reason in a feed');
  const active = await call('GET', '/v1/quarantines?active=true', { token: hr.json.token });
  assert.equal(active.status, 200);

  // Lift early: days from the lift date go back to team B.
  const lift = await call('POST', `/v1/quarantines/${q.json.id}/lift`, {
    token: hr.json.token,
    body: { date: day(now, 14) },
  });
  assert.equal(lift.status, 200, lift.text);
  digest.handedBack = lift.json.handedBack.map((s: any) => s.date);
  const after = await schedule();
  digest.scheduleAfter = after.map(
    (d) =>
      `${d.date} ${d.kind} ${label(d.officeTeamId) ?? '-'} ${d.standbyTeamIds.map(label).join(',')}`,
  );
  expectProblem(
    await call('POST', `/v1/quarantines/${q.json.id}/lift`, {
      token: hr.json.token,
      body: { date: day(now, 15) },
    }),
    409,
    'lifting twice',
  );

  // The chief's single-day overrides: two days swap their office teams (If-Match on the rotation's
  // version), a day closes, and the close is undone before its day.
  const ahead = after.filter((d) => d.kind === 'office' && d.date >= day(now, 35));
  const [a, b] = [ahead[0]!, ahead.find((d) => d.officeTeamId !== ahead[0]!.officeTeamId)!];
  const version = (await call('GET', `/v1/rotations/${rot.id}`)).json.version as number;
  expectProblem(
    await call('POST', `/v1/rotations/${rot.id}/overrides`, {
      body: { kind: 'swap', dates: [a.date, b.date] },
    }),
    428,
    'an override without If-Match',
  );
  const swap = await call('POST', `/v1/rotations/${rot.id}/overrides`, {
    body: { kind: 'swap', dates: [a.date, b.date] },
    headers: { 'if-match': `"${version}"` },
  });
  assert.equal(swap.status, 201, swap.text);
  const closeDay = ahead.find((d) => d.date !== a.date && d.date !== b.date)!.date;
  const close = await call('POST', `/v1/rotations/${rot.id}/overrides`, {
    body: { kind: 'close', date: closeDay, reason: '停電' },
    headers: { 'if-match': `"${swap.json.version}"` },
  });
  assert.equal(close.status, 201, close.text);
  const withOverrides = await schedule();
  const kindOn = (date: string) => withOverrides.find((d) => d.date === date)!;
  assert.equal(label(kindOn(a.date).officeTeamId), label(b.officeTeamId));
  assert.equal(label(kindOn(b.date).officeTeamId), label(a.officeTeamId));
  assert.equal(kindOn(closeDay).kind, 'closed');
  const undo = await call('DELETE', `/v1/rotations/${rot.id}/overrides/${close.json.override.id}`, {
    headers: { 'if-match': `"${close.json.version}"` },
  });
  assert.equal(undo.status, 200, undo.text);
  digest.overrides = [
    swap.json.moved.map((m: any) => `${m.date} ${label(m.fromTeamId)}→${label(m.toTeamId)}`),
    close.json.moved.map((m: any) => `${m.date} ${label(m.fromTeamId)}→${label(m.toTeamId)}`),
    undo.json.moved.map((m: any) => `${m.date} ${label(m.fromTeamId)}→${label(m.toTeamId)}`),
    (await call('GET', `/v1/rotations/${rot.id}/overrides`)).json.overrides.map(
      (o: any) => `${o.kind} ${o.dates.join(',')} ${o.undoneAt ? 'undone' : 'in force'}`,
    ),
  ];

  // Organisation settings: a policy field set and put back (a JSON merge patch in the database), and capacity.
  const set = await call('PATCH', '/v1/settings', {
    body: { policy: { quarantineDays: 10, exposureLookbackDays: 3 }, loanPcs: 500 },
  });
  assert.equal(set.status, 200, set.text);
  const back = await call('PATCH', '/v1/settings', { body: { policy: { quarantineDays: null } } });
  assert.deepEqual(
    [
      back.json.policySet,
      back.json.policy.quarantineDays,
      back.json.policy.exposureLookbackDays,
      back.json.loanPcs,
    ],
    [['exposureLookbackDays'], 14, 3, 500],
  );
  const read = (await call('GET', '/v1/settings')).json;
  assert.deepEqual([read.policySet, read.loanPcs], [['exposureLookbackDays'], 500], 'as stored');
  await call('PATCH', '/v1/settings', {
    body: { policy: { exposureLookbackDays: null }, loanPcs: null },
  });

  // Remote capacity, day by day.
  const capacity = await call(
    'GET',
    `/v1/capacity?departmentId=${deptId}&from=${start}&to=${day(now, 20)}`,
  );
  assert.equal(capacity.status, 200, capacity.text);
  assert.equal(capacity.json.days.length, 14);
  digest.capacity = capacity.json.days.map(
    (d: any) => `${d.date} ${typeof d.demand.thinClient} ${typeof d.demand.loanPc}`,
  );

  // The boards, read as remote capacity is (office slots aggregated by the engine's own function).
  const board = await call('GET', `/v1/departments/${deptId}/board?date=${start}`);
  assert.equal(board.status, 200, board.text);
  const orgBoard = await call('GET', `/v1/board?date=${start}`);
  assert.equal(orgBoard.status, 200, orgBoard.text);
  // Who is in which team is the split's (random ids): the digest keeps what does not depend on it.
  digest.board = [
    board.json.kind,
    board.json.office.map((s: any) => `${s.slot} ${s.start}-${s.end}`),
    board.json.next.map((d: any) => `${d.date} ${d.kind} ${d.teams.length}`),
    board.json.uncovered,
    orgBoard.json.departments.map(
      (d: any) => `${d.kind} ${d.members} ${d.office + d.remote + d.standby}`,
    ),
  ];

  // The notices of the quarantine and its lift wait in the outbox (or were already delivered).
  const outbox = await call('GET', '/v1/outbox?limit=500');
  assert.equal(outbox.status, 200);
  assert.ok(outbox.json.messages.length > 0);
  const byKind: Record<string, number> = {};
  // An override's notices go to the members of the teams it moves and to the chiefs, once each:
  // how many depends on whether a chief is in those teams, which the split decides by random ids.
  for (const m of outbox.json.messages) {
    const key = m.topic.startsWith('override.')
      ? `${m.topic} ${m.channel} (some)`
      : `${m.topic} ${m.channel}`;
    byKind[key] = m.topic.startsWith('override.') ? 1 : (byKind[key] ?? 0) + 1;
  }
  digest.outbox = byKind;
  return digest;
}
