import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { harness, seedDepartment } from '../support/harness.ts';
import { rotationForm } from '../support/rotation-form.ts';
import { webClient } from '../support/web-session.ts';

const fixture = (name: string) =>
  new File([readFileSync(new URL(`../fixtures/${name}`, import.meta.url))], name, {
    type: 'text/csv',
  });
/** The control with this id says it is described by its error, and the error says `message`. */
function assertFieldError(html: string, id: string, message: RegExp) {
  const control = new RegExp(`<(input|select) id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  assert.match(
    control,
    new RegExp(`aria-describedby="[^"]*${id}-error`),
    `${id} is described by its error: ${control}`,
  );
  assert.match(control, /aria-invalid="true"/);
  const error = new RegExp(`id="${id}-error">([^<]*)<`).exec(html)?.[1] ?? '';
  assert.match(error, message);
}

/** A department of three, its chief signed in on the pages (now: Tuesday 2026-11-24 in Tokyo). */
async function stage() {
  const h = await harness();
  const { department, members } = await seedDepartment(h);
  const chief = webClient(h);
  await chief.signIn((await h.tokenFor('chief', { departmentId: department.id })).token);
  return { h, departmentId: department.id as string, members, chief };
}

describe('web pages: forms refuse bad input next to the field and write nothing', () => {
  it('the rotation form: numbers, dates and pairs checked before the use case', async () => {
    const { h, departmentId, members, chief } = await stage();
    assert.equal((await chief.get(`/departments/${departmentId}/rotations/new`)).status, 200);
    const counts = await h.rowCounts();
    const res = await chief.post(
      `/departments/${departmentId}/rotations/new`,
      rotationForm({ teamCount: 'three', startDate: '', sepA0: members[0]!.id }),
    );
    assert.equal(res.status, 422);
    assertFieldError(res.html, 'teamCount', /整数で入力してください/);
    assertFieldError(res.html, 'startDate', /日付を入力してください/);
    assertFieldError(res.html, 'sepB0', /2人とも選んでください/);
    assert.match(res.html, /role="alert"/);
    assert.match(res.html, /value="three"/, 'what was typed is kept');
    assert.deepEqual(await h.rowCounts(), counts);
  });

  it('the rotation form: an unmet constraint is named next to its skill, and the schema next to its field', async () => {
    const { h, departmentId, chief } = await stage();
    await chief.get(`/departments/${departmentId}/rotations/new`);
    const counts = await h.rowCounts();
    const shortage = await chief.post(
      `/departments/${departmentId}/rotations/new`,
      rotationForm({ skillMin0: '1' }),
    );
    assert.equal(shortage.status, 422);
    assertFieldError(
      shortage.html,
      'skillMin0',
      /スキル「network」の保有者が足りません：2チームに1名ずつ、計2名必要ですが、保有者は1名です/,
    ); // in Japanese, with its specifics
    const tooMany = await chief.post(
      `/departments/${departmentId}/rotations/new`,
      rotationForm({ teamCount: '0' }),
    );
    assert.equal(tooMany.status, 422);
    assertFieldError(tooMany.html, 'teamCount', /.+/);
    const badCycle = await chief.post(
      `/departments/${departmentId}/rotations/new`,
      rotationForm({ pattern: 'cycle', cycle: '' }),
    );
    assert.equal(badCycle.status, 422);
    assert.deepEqual(await h.rowCounts(), counts);
    const made = await chief.post(`/departments/${departmentId}/rotations/new`, rotationForm());
    assert.equal(made.status, 303);
    assert.match(made.location ?? '', /^\/rotations\/[\w-]+$/);
  });

  it('the roster CSV: every wrong row by line, all or nothing; no file is named next to the field', async () => {
    const { h, departmentId, chief } = await stage();
    await chief.get(`/departments/${departmentId}`);
    const counts = await h.rowCounts();
    const bad = await chief.post(`/departments/${departmentId}/members`, {
      csv: fixture('roster-bad.csv'),
    });
    assert.equal(bad.status, 422);
    const lines = [...bad.html.matchAll(/<tr><th scope="row">(\d+)<\/th><td>([^<]+)<\/td>/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    // Each column as the file's header names it, in the page's language (the glossary's words).
    assert.deepEqual(lines, ['3:氏名', '4:メールアドレス', '5:役職']);
    assertFieldError(bad.html, 'csv', /何も変更していません/);
    const none = await chief.post(`/departments/${departmentId}/members`, {
      csv: new File([], 'empty.csv'),
    });
    assert.equal(none.status, 422);
    assertFieldError(none.html, 'csv', /CSVファイルを選んでください/);
    const dupe = await chief.post(`/departments/${departmentId}/members`, {
      csv: new File(['name,email\n山田,yamada@example.jp\n'], 'dupe.csv'),
    });
    assert.equal(dupe.status, 422, 'an e-mail already in the department');
    assert.match(dupe.html, /<th scope="row">2<\/th><td>メールアドレス<\/td>/);
    assert.deepEqual(await h.rowCounts(), counts);
    const good = await chief.post(`/departments/${departmentId}/members`, {
      csv: new File(
        ['\ufeffname,email,skills\n新人 一郎,shinjin@example.jp,network;payroll\n'],
        'new.csv',
      ),
    });
    assert.equal(good.status, 303);
    assert.match((await chief.get(good.location!)).html, /1名を登録しました.*新人 一郎/s);
  });

  it('publish with a stale version and a move without a member are refused; a move shows its bridging date', async () => {
    const { h, departmentId, members, chief } = await stage();
    await chief.get(`/departments/${departmentId}/rotations/new`);
    const rotation = (
      await chief.post(`/departments/${departmentId}/rotations/new`, rotationForm())
    ).location!;
    const page = await chief.get(rotation);
    assert.match(page.html, /id="coverage"/);
    const counts = await h.rowCounts();
    const stale = await chief.post(`${rotation}/publish`, { version: '7' });
    assert.equal(stale.status, 412);
    assert.match(stale.html, /role="alert"/);
    const noMember = await chief.post(`${rotation}/moves`, {
      version: '1',
      memberId: '',
      toTeamId: '',
      effectiveDate: 'soon',
    });
    assert.equal(noMember.status, 422);
    assertFieldError(noMember.html, 'memberId', /職員を選んでください/);
    assertFieldError(noMember.html, 'toTeamId', /チームを選んでください/);
    assertFieldError(noMember.html, 'effectiveDate', /日付/);
    const past = await chief.post(`${rotation}/moves`, {
      version: '1',
      memberId: members[2]!.id,
      toTeamId: /name="toTeamId"[\s\S]*?<option value="([^"]+)"/.exec(page.html)![1]!,
      effectiveDate: '2026-11-01',
    });
    assert.ok(past.status === 422 || past.status === 409, String(past.status));
    const impossible = await chief.post(`${rotation}/moves`, {
      version: '1',
      memberId: members[2]!.id,
      toTeamId: /name="toTeamId"[\s\S]*?<option value="([^"]+)"/.exec(page.html)![1]!,
      effectiveDate: '2026-12-45',
    });
    assert.equal(impossible.status, 422, 'a date that looks like one but is not a day');
    assertFieldError(impossible.html, 'effectiveDate', /日付/);
    assert.deepEqual(await h.rowCounts(), counts);

    assert.equal((await chief.post(`${rotation}/publish`, { version: '1' })).status, 303);
    const view = (await h.call('GET', `/v1${rotation}`)).json;
    const from = view.teams.find((t: { memberIds: string[] }) =>
      t.memberIds.includes(members[2]!.id),
    );
    const to = view.teams.find((t: { id: string }) => t.id !== from.id);
    await chief.get(rotation);
    const moved = await chief.post(`${rotation}/moves`, {
      version: String(view.version),
      memberId: members[2]!.id,
      toTeamId: to.id,
      effectiveDate: '2026-12-10',
    });
    assert.equal(moved.status, 303);
    const notice = await chief.get(moved.location!);
    assert.match(
      notice.html,
      new RegExp(
        `Suzuki Kenさんを${to.label}チームへ異動しました（2026年12月10日\\(木\\)から）。新しいチームでの初出勤は 20\\d\\d年\\d+月\\d+日\\(.\\) 以降です`,
      ),
    );
    assert.match(notice.html, /前のチームでの最終出勤日: 2026年12月\d+日\(.\)/);
    // A crafted link (unknown member or team, a date that is none) shows no such notice.
    const crafted = await chief.get(
      `${rotation}?moved=nobody&to=x&on=2026-12-10&officeFrom=2026-12-24`,
    );
    assert.equal(crafted.status, 200);
    assert.doesNotMatch(crafted.html, /異動しました/);
    const badDate = await chief.get(
      moved.location!.replace(/officeFrom=[^&]+/, 'officeFrom=someday'),
    );
    assert.doesNotMatch(badDate.html, /異動しました/);
  });

  it('the month grid marks holidays and buffer days, and refuses a bad month', async () => {
    const { h, departmentId, chief } = await stage();
    const r = await h.call('POST', `/v1/departments/${departmentId}/rotations`, {
      body: {
        startDate: '2026-12-21',
        endDate: '2027-01-29',
        teamCount: 2,
        pattern: { kind: 'weekly', bufferDays: 1 },
      },
    });
    assert.equal(r.status, 201, r.text);
    const grid = await chief.get(`/rotations/${r.json.id}/month?month=2027-01`);
    assert.equal(grid.status, 200);
    assert.match(grid.html, /<td class="off" data-date="2027-01-01" data-kind="holiday">.*?元日/);
    assert.match(grid.html, /data-kind="buffer"/);
    assert.match(grid.html, /<th scope="col">月<\/th>/);
    assert.match(grid.html, /@media print/);
    const firstMonth = await chief.get(`/rotations/${r.json.id}/month`);
    assert.match(
      firstMonth.html,
      /2026-12/,
      "without a month: today's month kept within the rotation",
    );
    assert.equal((await chief.get(`/rotations/${r.json.id}/month?month=2027-13`)).status, 422);
  });

  it('HR: a mark without a subject is refused, the preview writes nothing, the confirm marks once however often it is sent', async () => {
    const { h, departmentId } = await stage();
    const r = await h.call('POST', `/v1/departments/${departmentId}/rotations`, {
      body: {
        startDate: '2026-11-25',
        endDate: '2027-01-29',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    await h.call('POST', `/v1/rotations/${r.json.id}/publish`, { headers: { 'if-match': '"1"' } });
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    const page = await hr.get('/quarantines');
    assert.match(page.html, /<optgroup label="チーム">/);
    const counts = await h.rowCounts();
    const none = await hr.post('/quarantines/preview', {
      subject: '',
      startDate: 'tomorrow',
      endDate: '',
      reason: '',
    });
    assert.equal(none.status, 422);
    assertFieldError(none.html, 'subject', /チームまたは職員を選んでください/);
    assertFieldError(none.html, 'startDate', /日付を入力してください/);
    const teamB = r.json.teams[1];
    const backwards = await hr.post('/quarantines/preview', {
      subject: `team:${teamB.id}`,
      startDate: '2026-11-26',
      endDate: '2026-11-25',
      reason: '',
    });
    assert.equal(backwards.status, 422);
    assertFieldError(
      backwards.html,
      'endDate',
      /^開始日（2026年11月26日\(木\)）より前の日付は指定できません$/,
    );
    const preview = await hr.post('/quarantines/preview', {
      subject: `team:${teamB.id}`,
      startDate: '2026-11-25',
      endDate: '',
      reason: '陽性',
    });
    assert.equal(preview.status, 200);
    assert.match(preview.html, /id="preview-swaps"/);
    assert.deepEqual(await h.rowCounts(), counts, 'the preview wrote nothing');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(preview.html)![1]!;
    const confirm = {
      idempotencyKey: key,
      subject: `team:${teamB.id}`,
      startDate: '2026-11-25',
      endDate: '',
      reason: '陽性',
    };
    const first = await hr.post('/quarantines', confirm);
    assert.equal(first.status, 303);
    const again = await hr.post('/quarantines', confirm);
    assert.equal(again.status, 303);
    const active = (await h.call('GET', '/v1/quarantines?active=true')).json.quarantines;
    assert.equal(active.length, 1);
    const swaps = (await h.call('GET', `/v1/audit?from=2026-01-01`)).json;
    assert.ok(JSON.stringify(swaps).includes('quarantine.mark'), 'audited as the API does');

    const listed = await hr.get(first.location!);
    assert.match(listed.html, /自宅待機を登録しました。交代 \d+件/);
    const liftField = `lift-${active[0].id}`;
    assert.equal(
      (await hr.post(`/quarantines/${active[0].id}/lift`, { date: '2026-12-00' })).status,
      422,
      'not a day: refused, not a 500',
    );
    const badLift = await hr.post(`/quarantines/${active[0].id}/lift`, { date: '2026-11-01' });
    assert.equal(badLift.status, 422);
    assertFieldError(badLift.html, liftField, /今日より前の日付は指定できません/);
    const lifted = await hr.post(`/quarantines/${active[0].id}/lift`, { date: '2026-11-30' });
    assert.equal(lifted.status, 303);
    assert.equal(
      (await h.call('GET', '/v1/quarantines')).json.quarantines[0].liftedFrom,
      '2026-11-30',
    );
    assert.match((await hr.get(lifted.location!)).html, /解除しました（2026年11月30日\(月\)から）/);
  });

  it('HR: a positive case previews every exposed team and the person, then marks them in one request', async () => {
    const { h, departmentId } = await stage();
    const r = await h.call('POST', `/v1/departments/${departmentId}/rotations`, {
      body: {
        startDate: '2026-11-24',
        endDate: '2027-01-29',
        teamCount: 2,
        pattern: { kind: 'daily' },
        constraints: { keepLeadersApart: false },
      },
    });
    await h.call('POST', `/v1/rotations/${r.json.id}/publish`, { headers: { 'if-match': '"1"' } });
    assert.equal(r.status, 201, r.text);
    const [teamA, teamB] = r.json.teams;
    const positive = teamA.memberIds[0];
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    assert.match((await hr.get('/quarantines')).html, new RegExp(`value="positive:${positive}"`));
    const withEnd = await hr.post('/quarantines/preview', {
      subject: `positive:${positive}`,
      startDate: '2026-11-24',
      endDate: '2026-12-01',
      reason: '',
    });
    assert.equal(withEnd.status, 422);
    assertFieldError(withEnd.html, 'endDate', /終了日は入力しません/);
    const future = await hr.post('/quarantines/preview', {
      subject: `positive:${positive}`,
      startDate: '2026-11-26',
      endDate: '',
      reason: '',
    });
    assert.equal(future.status, 422);
    assertFieldError(
      future.html,
      'startDate',
      /^今日（2026年11月24日\(火\)）より後の日付は指定できません$/,
    );
    const counts = await h.rowCounts();
    const preview = await hr.post('/quarantines/preview', {
      subject: `positive:${positive}`,
      startDate: '2026-11-24',
      endDate: '',
      reason: '',
    });
    assert.equal(preview.status, 200, preview.html);
    assert.deepEqual(await h.rowCounts(), counts, 'the preview wrote nothing');
    // The API's answer for the same request (computed by the same use case) names who the preview must show.
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(preview.html)![1]!;
    const confirm = await hr.post('/quarantines', {
      idempotencyKey: key,
      subject: `positive:${positive}`,
      startDate: '2026-11-24',
      endDate: '',
      reason: '',
    });
    assert.equal(confirm.status, 303);
    const marked = (await h.call('GET', '/v1/quarantines')).json.quarantines;
    assert.ok(
      marked.some((q: any) => q.memberId === positive),
      'the person stays home',
    );
    assert.ok(
      marked.some((q: any) => q.teamId === teamA.id),
      'their team, which shared the office with them, is quarantined',
    );
    const names = /<p>\s*<strong>([^<]*)<\/strong>/.exec(preview.html)![1]!;
    assert.equal(
      names.split('、').length,
      marked.length,
      `the preview named each of them: ${names}`,
    );
    assert.ok(
      !marked.some((q: any) => q.teamId === teamB.id) || names.includes('B'),
      'B only when exposed',
    );
  });

  it('HR: the exposure lookup lists who shared office days, and refuses a backwards range', async () => {
    const { h, departmentId, members } = await stage();
    const r = await h.call('POST', `/v1/departments/${departmentId}/rotations`, {
      body: {
        startDate: '2026-11-25',
        endDate: '2027-01-29',
        teamCount: 1,
        pattern: { kind: 'daily' },
        constraints: { keepLeadersApart: false },
      },
    });
    assert.equal(r.status, 201, r.text);
    await h.call('POST', `/v1/rotations/${r.json.id}/publish`, { headers: { 'if-match': '"1"' } });
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    const found = await hr.get(
      `/exposures?memberId=${members[0]!.id}&from=2026-11-25&to=2026-11-30`,
    );
    assert.equal(found.status, 200);
    assert.match(
      found.html,
      /<th scope="row"><time datetime="2026-11-25">11月25日\(水\)<\/time><\/th>.*?佐藤 花子/s,
    );
    const backwards = await hr.get(
      `/exposures?memberId=${members[0]!.id}&from=2026-11-30&to=2026-11-25`,
    );
    assert.equal(backwards.status, 422);
    assertFieldError(
      backwards.html,
      'to',
      /^開始日（2026年11月30日\(月\)）より前の日付は指定できません$/,
    );
    const notADay = await hr.get(`/exposures?memberId=${members[0]!.id}&from=2026-02-30`);
    assert.equal(notADay.status, 422, 'not a day: refused next to the field, not a 500');
    assertFieldError(notADay.html, 'from', /日付/);
  });
});
