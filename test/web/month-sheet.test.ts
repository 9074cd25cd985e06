import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertOverrideQuery } from '../../src/db/repos/overrides.ts';
import type { OverrideRecord } from '../../src/domain/override/index.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient, type WebClient } from '../support/web-session.ts';

interface Team {
  id: string;
  label: string;
  memberIds: string[];
}

/** The inside of each grid cell, by its date. */
function cells(html: string): Map<string, string> {
  const grid = /<table class="month" id="month-grid">(.*?)<\/table>/s.exec(html)?.[1] ?? '';
  return new Map(
    [...grid.matchAll(/<td [^>]*data-date="([\d-]+)"[^>]*>(.*?)<\/td>/gs)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
}

/** The names listed under each team of the roster block, by team label. */
function roster(html: string): Map<string, string[]> {
  const block = /<section class="sheet-roster"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? '';
  return new Map(
    [...block.matchAll(/data-team="(\w+)">(.*?)<\/div>/gs)].map((m) => [
      m[1]!,
      [...m[2]!.matchAll(/<li data-member="[^"]+">(.*?)<\/li>/gs)].map((li) => li[1]!),
    ]),
  );
}

const overrideRecord = (
  rotationId: string,
  departmentId: string,
  o: Pick<OverrideRecord, 'kind' | 'dates'> & Partial<OverrideRecord>,
): OverrideRecord => ({
  id: `ov-${o.kind}-${o.dates[0]}`,
  rotationId,
  departmentId,
  teamId: null,
  slot: null,
  reason: null,
  cancelledShiftIds: [],
  addedShiftIds: [],
  version: 2,
  createdBy: 'test',
  createdAt: '2026-11-24T09:00:00Z',
  undoneAt: null,
  undoneBy: null,
  ...o,
});

describe('the month sheet (/rotations/:id/month)', () => {
  let h: Harness;
  let rotationId: string;
  let departmentId: string;
  let teams: Team[];
  let names: Map<string, string>;
  let mover: string;
  let chief: WebClient;
  let hr: WebClient;
  before(async () => {
    h = await harness();
    const seeded = await seedDepartment(h);
    departmentId = seeded.department.id;
    const listed = await h.call('GET', `/v1/departments/${departmentId}/members`);
    names = new Map(listed.json.members.map((m: { id: string; name: string }) => [m.id, m.name]));
    const rot = await h.call('POST', `/v1/departments/${departmentId}/rotations`, {
      body: {
        name: '年末の分散勤務',
        startDate: '2026-12-01',
        endDate: '2027-01-29',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    assert.equal(rot.status, 201, rot.text);
    rotationId = rot.json.id;
    teams = rot.json.teams;
    const pub = await h.call('POST', `/v1/rotations/${rotationId}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    assert.equal(pub.status, 200, pub.text);
    // Team B in standby 14–18 December: its days go to A (swaps), the reason is HR's only.
    const q = await h.call('POST', '/v1/quarantines', {
      body: {
        teamId: teams[1]!.id,
        startDate: '2026-12-14',
        endDate: '2026-12-18',
        reason: '陽性者',
      },
    });
    assert.equal(q.status, 201, q.text);
    // A member of A moves to B from 3 December: leaves A, joins B, in its office after bridging.
    mover = teams[0]!.memberIds[0]!;
    const moved = await h.call('POST', `/v1/rotations/${rotationId}/moves`, {
      body: { memberId: mover, toTeamId: teams[1]!.id, effectiveDate: '2026-12-03' },
      headers: { 'if-match': `"${pub.json.version}"` },
    });
    assert.equal(moved.status, 201, moved.text);
    // The chief's overrides, as the override use case stores them (the sheet only marks them).
    for (const o of [
      { kind: 'swap' as const, dates: ['2026-12-08', '2026-12-09'] },
      { kind: 'assign' as const, dates: ['2026-12-22'], teamId: teams[1]!.id },
      { kind: 'close' as const, dates: ['2026-12-23'], reason: '電気設備点検' },
      { kind: 'close' as const, dates: ['2026-12-24'], undoneAt: '2026-11-24T10:00:00Z' },
    ])
      await h.db.executeQuery(
        insertOverrideQuery(h.db, overrideRecord(rotationId, departmentId, o)),
      );
    await h.db
      .updateTable('rotations')
      .set({ closed_dates: JSON.stringify(['2026-12-23']) as never })
      .where('id', '=', rotationId)
      .execute();
    await h.db
      .updateTable('shifts')
      .set({ status: 'cancelled' })
      .where('rotation_id', '=', rotationId)
      .where('date', '=', '2026-12-23')
      .execute();
    chief = webClient(h);
    await chief.signIn((await h.tokenFor('chief', { departmentId })).token);
    hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
  });
  after(() => h.close());

  it("names the department, the rotation and its period, and each team's members in reading order", async () => {
    const page = await chief.get(`/rotations/${rotationId}/month?month=2026-12`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>情報政策課 年末の分散勤務 出勤表 2026年12月<\/h1>/);
    assert.match(page.html, /ローテーション期間: 2026年12月1日\(火\)〜2027年1月29日\(金\)/);
    // The month navigation names the months, across the year end too.
    assert.match(page.html, /month=2026-11"[^>]*>← 2026年11月<\/a>/);
    assert.match(page.html, /month=2027-01"[^>]*>2027年1月 →<\/a>/);
    const listed = roster(page.html);
    assert.deepEqual([...listed.keys()], ['A', 'B']);
    const moverName = names.get(mover)!;
    for (const team of teams) {
      const shown = listed.get(team.label)!.map((n) => n.replace(/<span.*$/s, ''));
      const expected = [...names.keys()].filter(
        (id) => team.memberIds.includes(id) || id === mover,
      );
      // The members list is in reading order: so is each team.
      assert.deepEqual(
        shown,
        expected.map((id) => names.get(id)!),
        team.label,
      );
    }
    const a = listed.get('A')!.find((n) => n.startsWith(moverName))!;
    const b = listed.get('B')!.find((n) => n.startsWith(moverName))!;
    assert.match(a, /12月2日\(水\)まで/, 'leaves A within the month');
    assert.match(b, /12月3日\(木\)から/, 'joins B within the month');
    assert.match(b, /出勤は12月\d+日\(.\)から/, 'in B’s office only after bridging');
    const stayers = [...listed.values()].flat().filter((n) => !n.startsWith(moverName));
    assert.ok(stayers.length > 0);
    for (const n of stayers)
      assert.doesNotMatch(n, /から|まで/, 'a member there all month has no note');
  });

  it('marks swaps (quarantine) and overrides on their days, each explained in the legend, and never says why', async () => {
    const page = await chief.get(`/rotations/${rotationId}/month?month=2026-12`);
    const day = cells(page.html);
    assert.match(day.get('2026-12-08')!, /class="mark ov ov-swap">⇄ 12月9日\(水\)と入替</);
    assert.match(day.get('2026-12-09')!, /class="mark ov ov-swap">⇄ 12月8日\(火\)と入替</);
    assert.match(day.get('2026-12-22')!, /class="mark ov ov-assign">→ Bチームに変更</);
    assert.match(day.get('2026-12-23')!, /class="mark ov ov-close">× 出勤なし（電気設備点検）</);
    assert.match(page.html, /<td class="closed-ov" data-date="2026-12-23" data-kind="closed">/);
    const marked = [...day].filter(([, c]) => c.includes('mark ov ')).map(([d]) => d);
    assert.deepEqual(
      marked,
      ['2026-12-08', '2026-12-09', '2026-12-22', '2026-12-23'],
      'an undone override is not shown',
    );
    const swapped = [...day].filter(([, c]) => c.includes('class="mark swap"')).map(([d]) => d);
    assert.ok(
      swapped.length > 0 && swapped.every((d) => d >= '2026-12-14' && d <= '2026-12-18'),
      swapped.join(),
    );
    for (const d of swapped) assert.match(day.get(d)!, /※ 交代 Bチーム→Aチーム/);
    const standby = [...day].filter(([, c]) => c.includes('class="mark standby"')).map(([d]) => d);
    assert.ok(
      standby.includes('2026-12-14') &&
        standby.every((d) => d >= '2026-12-14' && d <= '2026-12-18'),
    );
    assert.doesNotMatch(page.html, /陽性/);
    const legend =
      /<section class="legend-box" id="legend".*?<\/section>/s.exec(page.html)?.[0] ?? '';
    for (const text of [
      '※ 交代',
      '自宅待機',
      '⇄ 課長の変更',
      '→ 課長の変更',
      '× 課長の変更',
      'Aチーム',
      'Bチーム',
    ])
      assert.ok(legend.includes(text), text);
  });

  it('prints on one A4 landscape page and turns into an agenda of working days on a phone; its CSV is linked', async () => {
    const page = await hr.get(`/rotations/${rotationId}/month?month=2026-12`);
    assert.match(page.html, /@media print \{[^]*@page \{ size: A4 landscape;/);
    assert.match(
      page.html,
      /@media \(max-width: 40rem\) \{ table\.month \{ display: none; \} \.agenda \{ display: block; \} \}/,
    );
    const agenda =
      /<ol class="agenda" id="month-agenda"[^>]*>(.*?)<\/ol>/s.exec(page.html)?.[1] ?? '';
    const dates = [...agenda.matchAll(/<li [^>]*data-date="([\d-]+)"/g)].map((m) => m[1]);
    const working = [...cells(page.html)]
      .filter(
        ([d, c]) =>
          !/土|日/.test(
            new Date(`${d}T00:00:00Z`).toLocaleDateString('ja-JP', {
              weekday: 'short',
              timeZone: 'UTC',
            }),
          ) && c !== '',
      )
      .map(([d]) => d);
    assert.deepEqual(
      dates,
      working,
      'one row per working day (December 2026 has no public holiday)',
    );
    assert.equal(dates.length, 23);
    // The agenda is a list of the month's days: each without the year the title already says.
    assert.match(agenda, /<time datetime="2026-12-01">12月1日\(火\)<\/time>/);
    assert.doesNotMatch(agenda, /年/);
    const csvHref = `/rotations/${rotationId}/schedule.csv?from=2026-12-01&amp;to=2026-12-31`;
    assert.ok(page.html.includes(`href="${csvHref}"`), 'the month as CSV');
    const csv = await hr.get(csvHref.replace('&amp;', '&'));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      csv.html,
      /^\uFEFF?日付,曜日,時間帯,出勤チーム,出勤者,自宅待機,区分\r\n2026-12-01,火,/,
    );
    const bad = await hr.get(`/rotations/${rotationId}/schedule.csv?from=2026-12-32`);
    assert.equal(bad.status, 422);
  });

  it('speaks English too: the title, the marks and the legend', async () => {
    const en = webClient(h);
    await en.signIn((await h.tokenFor('hr')).token);
    const page = await en.get(`/rotations/${rotationId}/month?month=2026-12&lang=en`);
    assert.match(page.html, /<html lang="en">/);
    assert.match(page.html, /<h1>情報政策課 年末の分散勤務: office days, December 2026<\/h1>/);
    assert.match(cells(page.html).get('2026-12-08')!, />⇄ traded with Wed 9 Dec</);
    assert.match(page.html, /Chief(&#39;|')s change: two days traded their office teams/);
    assert.match(page.html, / \(until Wed 2 Dec\)/);
  });

  it('shows HR the department and the report without a form that writes', async () => {
    for (const path of [`/departments/${departmentId}`, `/rotations/${rotationId}`]) {
      const read = await hr.get(path);
      assert.equal(read.status, 200, path);
      assert.equal(read.html.match(/<form /g)?.length, 1, `${path}: only sign-out`);
      assert.match(read.html, /閲覧のみ（変更は課長が行います）/);
      const own = await chief.get(path);
      assert.ok((own.html.match(/<form /g)?.length ?? 0) > 1, `${path}: the chief's forms`);
    }
    const dept = await hr.get(`/departments/${departmentId}`);
    assert.doesNotMatch(dept.html, /href="\/members\//, 'no link to the member edit page');
    assert.match(dept.html, /href="\/departments\/[^"]+\/members\.csv"/);
    assert.match(dept.html, new RegExp(`href="/rotations/${rotationId}"`));
  });
  it("links the chief's working days from today on to the override form; HR and admin read without a link", async () => {
    // Last: sessions signed in before the clock moves on have idled out.
    h.setNow('2026-12-10T00:30:00Z'); // 09:30 in Tokyo
    try {
      const chief = webClient(h);
      await chief.signIn((await h.tokenFor('chief', { departmentId })).token);
      const page = await chief.get(`/rotations/${rotationId}/month?month=2026-12`);
      const day = cells(page.html);
      const link = (d: string) => `href="/rotations/${rotationId}/overrides/new?date=${d}"`;
      assert.ok(day.get('2026-12-10')!.includes(link('2026-12-10')), 'today');
      assert.ok(day.get('2026-12-23')!.includes(link('2026-12-23')), 'a day an override closed');
      assert.ok(!day.get('2026-12-09')!.includes('overrides/new'), 'not a past day');
      assert.ok(!day.get('2026-12-12')!.includes('overrides/new'), 'not a Saturday');
      assert.match(
        day.get('2026-12-10')!,
        /<a class="no-print change" href="[^"]+" aria-label="2026年12月10日\(木\)の出勤を変更">変更<\/a>/,
      );
      for (const role of ['hr', 'admin'] as const) {
        const reader = webClient(h);
        await reader.signIn((await h.tokenFor(role)).token);
        const read = await reader.get(`/rotations/${rotationId}/month?month=2026-12`);
        assert.equal(read.status, 200);
        assert.doesNotMatch(read.html, /overrides\/new/);
        assert.equal(read.html.match(/<form /g)?.length, 1, 'only sign-out');
      }
    } finally {
      h.setNow('2026-11-24T09:00:00Z');
    }
  });
});
