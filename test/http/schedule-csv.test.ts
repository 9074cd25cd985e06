import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';
import { readByPython } from '../support/python-csv.ts';

const PEOPLE = [
  { name: '青木 一郎', kana: 'アオキ イチロウ', email: 'aoki@example.jp' },
  { name: '井上 二郎', kana: 'イノウエ ジロウ', email: 'inoue@example.jp' },
  { name: '上田 三郎', kana: 'ウエダ サブロウ', email: 'ueda@example.jp' },
  // First in reading order: the cell of its team's office days starts with it.
  { name: '=1+2 危険', kana: 'ア', email: 'formula@example.jp' },
  { name: '江藤 五郎', kana: 'エトウ ゴロウ', email: 'eto@example.jp' },
  { name: '小川 六郎', kana: 'オガワ ロクロウ', email: 'ogawa@example.jp' },
];

interface Stage {
  rotationId: string;
  teams: { id: string; label: string; memberIds: string[] }[];
  names: Map<string, string>;
}

/** A department of six in two teams (daily), published for January 2027; optional slots. */
async function stage(h: Harness, language: 'ja' | 'en', slots?: { start: string; end: string }[]) {
  const dept = (
    await h.call('POST', '/v1/departments', { body: { name: `課 ${language}`, language } })
  ).json;
  const members = (
    await h.call('POST', `/v1/departments/${dept.id}/members`, {
      body: { members: PEOPLE.map((p) => ({ ...p, email: `${language}-${p.email}` })) },
    })
  ).json.members as { id: string; name: string }[];
  const rot = await h.call('POST', `/v1/departments/${dept.id}/rotations`, {
    body: {
      name: '一月の分散勤務',
      startDate: '2027-01-04',
      endDate: '2027-01-29',
      teamCount: 2,
      pattern: slots ? { kind: 'daily', slots, handoverMinutes: 60 } : { kind: 'daily' },
    },
  });
  assert.equal(rot.status, 201, rot.text);
  const pub = await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, {
    headers: { 'if-match': '"1"' },
  });
  assert.equal(pub.status, 200, pub.text);
  return {
    departmentId: dept.id as string,
    rotationId: rot.json.id as string,
    version: pub.json.version as number,
    teams: rot.json.teams as Stage['teams'],
    names: new Map(members.map((m) => [m.id, m.name])),
  } satisfies Stage & Record<string, unknown>;
}

/** The names of a cell, its formula guard taken off. */
const namesIn = (cell: string): string[] => (cell ? cell.replace(/^'/, '').split('、') : []);

async function csvOf(h: Harness, path: string, token?: string) {
  const res = await h.app.request(path, {
    headers: { authorization: `Bearer ${token ?? (await h.tokenFor('hr')).token}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder().decode(bytes) };
}

describe('GET /v1/rotations/{id}/schedule.csv', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('is UTF-8 with a BOM and CRLF that Python reads back: one row per day, Japanese headers and weekdays, holidays in words', async () => {
    const s = await stage(h, 'ja');
    const { res, bytes, text } = await csvOf(
      h,
      `/v1/rotations/${s.rotationId}/schedule.csv?from=2027-01-01&to=2027-01-31`,
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="schedule_2027-01-04_2027-01-29\.csv"; filename\*=UTF-8''/,
    );
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends CRLF');
    const rows = readByPython(bytes);
    assert.deepEqual(rows[0], [
      '日付',
      '曜日',
      '時間帯',
      '出勤チーム',
      '出勤者',
      '自宅待機',
      '区分',
    ]);
    // Clamped to the rotation: 4 to 29 January, one row a day with the default single slot.
    assert.equal(rows.length - 1, 26);
    assert.deepEqual(rows[1]!.slice(0, 2), ['2027-01-04', '月']);
    const day = (date: string) => rows.find((r) => r[0] === date)!;
    assert.deepEqual(day('2027-01-09')!.slice(1), ['土', '', '', '', '', '休日']);
    assert.deepEqual(day('2027-01-11')!.slice(1), ['月', '', '', '', '', '祝日（成人の日）']);
    const office = day('2027-01-05')!;
    assert.equal(office[6], '出勤日');
    assert.match(office[2]!, /^\d\d:\d\d–\d\d:\d\d$/);
    const team = s.teams.find((tm) => tm.label === office[3])!;
    assert.deepEqual(
      namesIn(office[4]!).sort(),
      team.memberIds.map((id) => s.names.get(id)!).sort(),
      'everyone of the office team, joined by 、',
    );
    const formulaTeam = s.teams.find((tm) =>
      tm.memberIds.some((id) => s.names.get(id) === '=1+2 危険'),
    )!;
    const itsDays = rows.filter((r) => r[3] === formulaTeam.label);
    assert.ok(itsDays.length > 0);
    for (const r of itsDays)
      assert.match(r[4]!, /^'=1\+2 危険、/, 'a cell read as a formula is guarded');
    assert.ok(
      !rows.flat().some((cell) => /^[=+\-@]/.test(cell)),
      'no cell a spreadsheet would run',
    );
  });

  it('names who is on standby (never why), and a member moved in is not in the office before their officeFrom', async () => {
    const s = await stage(h, 'ja');
    const [a, b] = s.teams;
    const sick = a!.memberIds[0]!;
    const q = await h.call('POST', '/v1/quarantines', {
      body: { memberId: sick, startDate: '2027-01-12', endDate: '2027-01-15', reason: '陽性反応' },
    });
    assert.equal(q.status, 201, q.text);
    const mover = b!.memberIds[0]!;
    const moved = await h.call('POST', `/v1/rotations/${s.rotationId}/moves`, {
      body: { memberId: mover, toTeamId: a!.id, effectiveDate: '2027-01-06' },
      headers: { 'if-match': `"${s.version}"` },
    });
    assert.equal(moved.status, 201, moved.text);
    const officeFrom = moved.json.officeFrom as string;
    assert.ok(officeFrom > '2027-01-07', officeFrom);
    const { bytes, text } = await csvOf(h, `/v1/rotations/${s.rotationId}/schedule.csv`);
    assert.doesNotMatch(text, /陽性/, 'no reason anywhere');
    const rows = readByPython(bytes).slice(1);
    const sickName = s.names.get(sick)!;
    for (const r of rows) {
      const inQuarantine = r[0]! >= '2027-01-12' && r[0]! <= '2027-01-15';
      assert.equal(namesIn(r[5]!).includes(sickName), inQuarantine && r[6] !== '休日', r[0]);
      if (inQuarantine) assert.ok(!namesIn(r[4]!).includes(sickName), `${r[0]} not in the office`);
    }
    const moverName = s.names.get(mover)!;
    const teamAOffice = rows.filter((r) => r[3] === 'A' && r[0]! >= '2027-01-06');
    assert.ok(
      teamAOffice.some((r) => r[0]! < officeFrom),
      'team A is in before the officeFrom',
    );
    for (const r of teamAOffice)
      assert.equal(namesIn(r[4]!).includes(moverName), r[0]! >= officeFrom, r[0]);
  });

  it('gives one row per slot when the day is split, and speaks English for an English department', async () => {
    const s = await stage(h, 'en', [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    const { bytes } = await csvOf(
      h,
      `/v1/rotations/${s.rotationId}/schedule.csv?from=2027-01-04&to=2027-01-10`,
    );
    const rows = readByPython(bytes);
    assert.deepEqual(rows[0], [
      'date',
      'weekday',
      'slot',
      'officeTeam',
      'inOffice',
      'standby',
      'kind',
    ]);
    const monday = rows.filter((r) => r[0] === '2027-01-04');
    assert.deepEqual(
      monday.map((r) => [r[1], r[2], r[6]]),
      [
        ['Mon', '08:00–12:00', 'office day'],
        ['Mon', '13:00–17:00', 'office day'],
      ],
    );
    assert.deepEqual(
      rows.filter((r) => r[0] === '2027-01-09').map((r) => r[6]),
      ['day off'],
    );
    for (const r of monday) assert.ok(r[4]!.length > 0 && !r[4]!.includes('、'), r[4]);
  });

  it('refuses a date that is not one with a 400 naming ?from, and an empty range naming ?to', async () => {
    const s = await stage(h, 'ja');
    const bad = await h.call('GET', `/v1/rotations/${s.rotationId}/schedule.csv?from=2027-02-30`);
    assert.equal(bad.status, 400);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json');
    assert.equal(bad.json.errors[0].path, '?from');
    const empty = await h.call(
      'GET',
      `/v1/rotations/${s.rotationId}/schedule.csv?from=2027-01-20&to=2027-01-10`,
    );
    assert.equal(empty.json.errors[0].path, '?to');
  });
});
