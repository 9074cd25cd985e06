import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, seedDepartment, seedPublishedRotation } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

const csvFile = (text: string) => new File([text], 'roster.csv', { type: 'text/csv' });
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** A department of three with a published rotation; its chief signed in on the pages. */
async function stage() {
  const h = await harness();
  const { department, members } = await seedDepartment(h);
  await seedPublishedRotation(h, department.id);
  const chief = webClient(h);
  await chief.signIn((await h.tokenFor('chief', { departmentId: department.id })).token);
  return { h, departmentId: department.id as string, members, chief };
}

describe('roster pages', () => {
  it('uploads a roster, shows the preview (nothing written), then applies exactly it', async () => {
    const { h, departmentId, chief } = await stage();
    await chief.get(`/departments/${departmentId}`);
    const counts = await h.rowCounts();
    const preview = await chief.post(`/departments/${departmentId}/roster`, {
      roster: csvFile(
        '氏名,メールアドレス,スキル,役職\n山田 太郎,yamada@example.jp,network、budget,課長\n佐藤 花子,sato@example.jp,payroll,課長補佐\n新人 一郎,shinjin@example.jp,,係員\n',
      ),
      effectiveDate: '',
    });
    assert.equal(preview.status, 200, preview.html.slice(0, 500));
    assert.match(preview.html, /追加される職員（1名）.*新人 一郎/s);
    assert.match(preview.html, /変更される職員（1名）.*スキル：network → network、budget/s);
    assert.match(preview.html, /無効化される職員（1名）.*Suzuki Ken/s);
    assert.match(preview.html, /Suzuki Ken：「.*」の[A-Z]チームから 2027年1月4日\(月\) に外れます/);
    assert.deepEqual(await h.rowCounts(), counts, 'a preview writes nothing');
    const roster = decode(/name="roster" value="([^"]*)"/.exec(preview.html)![1]!);
    const version = /name="version" value="(\d+)"/.exec(preview.html)![1]!;
    const applied = await chief.post(`/departments/${departmentId}/roster/apply`, {
      roster,
      version,
      effectiveDate: '2026-11-24',
    });
    assert.equal(applied.status, 303, applied.html.slice(0, 500));
    const page = await chief.get(applied.location!);
    assert.match(page.html, /名簿を反映しました（追加 1名・変更 1名・無効化 1名）/);
    // The same form again is refused: the roster moved on since its preview.
    const again = await chief.post(`/departments/${departmentId}/roster/apply`, {
      roster,
      version,
      effectiveDate: '2026-11-24',
    });
    assert.equal(again.status, 412);
    assert.match(again.html, /もう一度ファイルを選んで確認してください/);
  });

  it('names a bad effective date and a bad row next to their fields, in Japanese', async () => {
    const { departmentId, chief } = await stage();
    await chief.get(`/departments/${departmentId}`);
    const past = await chief.post(`/departments/${departmentId}/roster`, {
      roster: csvFile('氏名,メール\n山田 太郎,yamada@example.jp\n'),
      effectiveDate: '2026-11-01',
    });
    assert.equal(past.status, 422);
    assert.match(past.html, /id="roster-effective-error">[^<]*今日/);
    const bad = await chief.post(`/departments/${departmentId}/roster`, {
      roster: csvFile('氏名,メール\n,yamada@example.jp\n'),
      effectiveDate: '',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /<th scope="row">2<\/th><td>氏名<\/td>/);
    assert.match(bad.html, /id="roster-file-error">CSVに誤りがあります/);
  });

  it('adds one member, edits them, previews and confirms their deactivation, then reactivates', async () => {
    const { h, departmentId, chief } = await stage();
    await chief.get(`/departments/${departmentId}/members/new`);
    const refused = await chief.post(`/departments/${departmentId}/members/new`, {
      name: '',
      kana: '',
      email: 'not-an-email',
      skills: '',
      position: 'staff',
      remoteAccess: 'company-pc',
    });
    assert.equal(refused.status, 422);
    assert.match(refused.html, /id="name-error">/);
    assert.match(refused.html, /id="email-error">/);
    const made = await chief.post(`/departments/${departmentId}/members/new`, {
      name: '新人 一郎',
      kana: 'シンジン イチロウ',
      email: 'shinjin@example.jp',
      skills: 'network、law',
      position: 'staff',
      remoteAccess: 'loan-pc',
    });
    assert.equal(made.status, 303, made.html.slice(0, 400));
    const memberPath = made.location!.split('?')[0]!;
    const id = memberPath.split('/').pop()!;
    assert.match((await chief.get(made.location!)).html, /新人 一郎 さんを保存しました/);
    const edited = await chief.post(memberPath, {
      name: '新人 一郎',
      kana: 'シンジン イチロウ',
      email: 'shinjin@example.jp',
      skills: 'network',
      position: 'deputy',
      remoteAccess: 'thin-client',
    });
    assert.equal(edited.status, 303);
    const api = (await h.call('GET', `/v1/members/${id}`)).json;
    assert.deepEqual(
      [api.skills, api.position, api.remoteAccess, api.kana],
      [['network'], 'deputy', 'thin-client', 'シンジン イチロウ'],
    );

    const preview = await chief.post(`${memberPath}/deactivate`, { effectiveDate: '2026-12-01' });
    assert.equal(preview.status, 200);
    assert.match(preview.html, /新人 一郎 さんの無効化：影響の確認/);
    assert.equal((await h.call('GET', `/v1/members/${id}`)).json.active, true, 'not yet');
    const done = await chief.post(`${memberPath}/deactivate`, {
      effectiveDate: '2026-12-01',
      confirm: 'yes',
    });
    assert.equal(done.status, 303);
    assert.match((await chief.get(done.location!)).html, /新人 一郎 さんを無効化しました/);
    assert.equal((await h.call('GET', `/v1/members/${id}`)).json.active, false);
    await chief.post(`${memberPath}/reactivate`, {});
    const back = await chief.post(`${memberPath}/reactivate`, { confirm: 'yes' });
    assert.equal(back.status, 303);
    assert.equal((await h.call('GET', `/v1/members/${id}`)).json.active, true);
  });

  it('downloads the roster as Excel opens it (BOM, the department language)', async () => {
    const { h, departmentId } = await stage();
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    const res = await h.app.request(`/departments/${departmentId}/members.csv`, {
      headers: { cookie: hr.cookieHeader() },
    });
    assert.equal(res.status, 200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(new TextDecoder().decode(bytes), /^\uFEFF?氏名,フリガナ,メールアドレス/);
  });
});
