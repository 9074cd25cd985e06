import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

/** The control with this id says it is described by its error, and the error says `message`. */
function assertFieldError(html: string, id: string, message: RegExp) {
  const control = new RegExp(`<(input|select) id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  assert.match(control, new RegExp(`aria-describedby="[^"]*${id}-error`), control);
  assert.match(control, /aria-invalid="true"/);
  assert.match(new RegExp(`id="${id}-error">([^<]*)<`).exec(html)?.[1] ?? '', message);
}

/** The options of a select, as [value, label]. */
const optionsOf = (html: string, id: string): [string, string][] => {
  const select = new RegExp(`<select id="${id}"[^>]*>(.*?)</select>`, 's').exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)]
    .filter((m) => m[1])
    .map((m) => [m[1]!, m[2]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>')]);
};

const section = (html: string, id: string) =>
  new RegExp(`<table id="${id}">(.*?)</table>`, 's').exec(html)?.[1] ?? '';

/** Two departments (now: Tuesday 2026-11-24, 18:00 in Tokyo); the first has two 山田 太郎 and a published rotation of two teams. */
async function stage() {
  const h = await harness();
  const dept = async (name: string, members: object[]) => {
    const d = (await h.call('POST', '/v1/departments', { body: { name } })).json;
    const m = await h.call('POST', `/v1/departments/${d.id}/members`, { body: { members } });
    assert.equal(m.status, 201, m.text);
    return { id: d.id as string, members: m.json.members as { id: string; email: string }[] };
  };
  const policy = await dept('情報政策課', [
    { name: '山田 太郎', kana: 'ヤマダ タロウ', email: 'yamada.t@example.jp', position: 'chief' },
    { name: '山田 太郎', kana: 'やまだ たろう', email: 'taro.yamada@example.jp' },
    { name: '佐藤 花子', kana: 'サトウ ハナコ', email: 'sato@example.jp', position: 'deputy' },
    { name: '鈴木 健', email: 'suzuki@example.jp' },
  ]);
  const payroll = await dept('人事給与課', [
    { name: '山田 太郎', email: 'yamada@kyuyo.example.jp' },
  ]);
  const rot = await h.call('POST', `/v1/departments/${policy.id}/rotations`, {
    body: {
      startDate: '2026-11-25',
      endDate: '2027-01-29',
      teamCount: 2,
      pattern: { kind: 'daily' },
    },
  });
  assert.equal(rot.status, 201, rot.text);
  await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, { headers: { 'if-match': '"1"' } });
  const hr = webClient(h);
  const hrToken = (await h.tokenFor('hr')).token;
  await hr.signIn(hrToken);
  // Days pass: HR's session (30 minutes idle) has ended; they sign in again.
  const later = async (iso: string) => {
    h.setNow(iso);
    await hr.signIn(hrToken);
  };
  const teams = rot.json.teams as { id: string; label: string }[];
  return { h, policy, payroll, teams, hr, later };
}

async function markTeam(h: Harness, teamId: string, startDate: string) {
  const r = await h.call('POST', '/v1/quarantines', {
    body: { teamId, startDate, reason: '陽性' },
  });
  assert.equal(r.status, 201, r.text);
  return r.json.id as string;
}

describe("HR's pages: quarantines, the target picker, the lift preview and the health-centre list", () => {
  it('the picker asks for the department first, then finds a team or a person by name, kana or e-mail, namesakes told apart', async () => {
    const { policy, payroll, hr } = await stage();
    const first = await hr.get('/quarantines');
    assert.deepEqual(optionsOf(first.html, 'subject'), [], 'nothing to pick before a department');
    assert.match(first.html, /id="subject-hint">先に上で部署を選んでください/);
    const all = optionsOf((await hr.get(`/quarantines?dept=${policy.id}`)).html, 'subject');
    assert.equal(all.filter(([v]) => v.startsWith('team:')).length, 2);
    assert.equal(all.filter(([v]) => v.startsWith('member:')).length, 4);
    assert.ok(
      all.every(([, label]) => !label.includes('人事給与課')),
      'one department at a time',
    );
    const byKana = optionsOf(
      (await hr.get(`/quarantines?dept=${policy.id}&q=${encodeURIComponent('たろう')}`)).html,
      'subject',
    ).filter(([v]) => v.startsWith('member:'));
    assert.deepEqual(
      byKana.map(([, label]) => label).sort(),
      [
        '山田 太郎（ヤマダ タロウ） — 情報政策課 <yamada.t@example.jp>',
        '山田 太郎（やまだ たろう） — 情報政策課 <taro.yamada@example.jp>',
      ].sort(),
      'katakana and hiragana readings alike; the namesakes by e-mail',
    );
    const byMail = optionsOf(
      (await hr.get(`/quarantines?dept=${policy.id}&q=SATO%40`)).html,
      'subject',
    );
    assert.deepEqual(
      byMail.map(([v]) => v),
      [`member:${policy.members[2]!.id}`, `positive:${policy.members[2]!.id}`],
    );
    const team = optionsOf(
      (await hr.get(`/quarantines?dept=${policy.id}&q=${encodeURIComponent('Ｂチーム')}`)).html,
      'subject',
    );
    assert.equal(team.length, 1);
    assert.match(team[0]![1], /情報政策課 .*Bチーム$/);
    const other = await hr.get(`/quarantines?dept=${payroll.id}&q=yamada`);
    assert.deepEqual(
      optionsOf(other.html, 'subject').map(([, l]) => l),
      ['山田 太郎 — 人事給与課 <yamada@kyuyo.example.jp>'].flatMap((l) => [l, l]),
      'a member and a positive case; no team, as the department has no rotation',
    );
    const none = await hr.get(`/quarantines?dept=${policy.id}&q=zzz`);
    assert.match(none.html, /id="subject-hint">この部署に該当する人・チームはありません/);
    // A refused mark keeps the picker where it was, the subject chosen, and says why next to it.
    const refused = await hr.post('/quarantines/preview', {
      dept: policy.id,
      q: 'sato',
      subject: `member:${policy.members[2]!.id}`,
      startDate: '2026-11-31',
      endDate: '',
      reason: '',
    });
    assert.equal(refused.status, 422);
    assertFieldError(refused.html, 'startDate', /日付を入力してください/);
    assert.match(
      refused.html,
      new RegExp(`<option value="member:${policy.members[2]!.id}" selected`),
    );
    assert.match(refused.html, /<input type="hidden" name="q" value="sato"\/>/);
  });

  it('a lift is previewed (writing nothing), then confirmed; the quarantine shows as lifted, with the date it was lifted from', async () => {
    const { h, teams, hr, later: passTo } = await stage();
    const id = await markTeam(h, teams[1]!.id, '2026-11-25');
    const page = await hr.get('/quarantines');
    const current = section(page.html, 'active-quarantines');
    // A period in a table: this year's dates without the year.
    assert.match(current, /<td>11月25日\(水\)〜12月8日\(火\)<\/td>/);
    assert.match(current, /実施中|開始前/);
    assert.match(current, new RegExp(`action="/quarantines/${id}/lift/preview"`));
    const counts = await h.rowCounts();
    const bad = await hr.post(`/quarantines/${id}/lift/preview`, { date: '2026-11-01' });
    assert.equal(bad.status, 422);
    assertFieldError(bad.html, `lift-${id}`, /今日より前の日付は指定できません/);
    const preview = await hr.post(`/quarantines/${id}/lift/preview`, { date: '2026-12-01' });
    assert.equal(preview.status, 200, preview.html);
    assert.match(preview.html, /2026年12月1日\(火\)から解除すると/);
    const handedBack = section(preview.html, 'lift-handed-back');
    assert.match(handedBack, /<time datetime="2026-12-0\d">/, 'the days Team B gets back');
    assert.match(handedBack, /Bチーム/);
    assert.match(section(preview.html, 'lift-capacity'), /シンクライアント/);
    assert.deepEqual(await h.rowCounts(), counts, 'the preview wrote nothing');
    const apiPreview = /<tbody>(.*)<\/tbody>/s.exec(handedBack)![1]!.match(/<tr>/g)!.length;
    const lifted = await hr.post(`/quarantines/${id}/lift`, { date: '2026-12-01' });
    assert.equal(lifted.status, 303);
    const after = (await h.call('GET', '/v1/quarantines')).json.quarantines[0];
    assert.equal(after.liftedFrom, '2026-12-01');
    const listed = await hr.get(lifted.location!);
    assert.match(
      listed.html,
      new RegExp(`解除しました（2026年12月1日\\(火\\)から）。戻した出勤日: ${apiPreview}日`),
    );
    const row = section(listed.html, 'active-quarantines');
    assert.match(row, /data-state="lifted"/);
    assert.match(row, /解除（<time datetime="2026-12-01">12月1日\(火\)<\/time>から）/);
    assert.doesNotMatch(row, /lift\/preview/, 'a lifted quarantine offers no second lift');
    const again = await hr.post(`/quarantines/${id}/lift/preview`, { date: '2026-12-02' });
    assert.equal(again.status, 409, 'a second lift (a resent form) is refused');
    assert.match(again.html, /<li>この自宅待機はすでに解除されているか/);
    // After the lift date it is history, still shown as lifted (not as ended).
    await passTo('2026-12-02T01:00:00Z');
    const later = await hr.get('/quarantines');
    assert.doesNotMatch(later.html, /id="active-quarantines"/);
    assert.match(section(later.html, 'quarantine-history'), /data-state="lifted"/);
  });

  it('the history is filtered by department, team and period; a bad date is named next to its field', async () => {
    const { h, policy, payroll, teams, hr, later } = await stage();
    await markTeam(h, teams[0]!.id, '2026-11-25');
    await markTeam(h, teams[1]!.id, '2026-12-20');
    await later('2027-01-20T01:00:00Z');
    const rows = (q: string) =>
      hr
        .get(`/quarantines?${q}`)
        .then(
          (p) =>
            section(p.html, 'quarantine-history').match(/<tr data-state="ended"/g)?.length ?? 0,
        );
    assert.equal(await rows(''), 2);
    assert.equal(await rows(`hdept=${policy.id}`), 2);
    assert.equal(await rows(`hdept=${payroll.id}`), 0);
    assert.equal(await rows(`hteam=${teams[1]!.id}`), 1);
    assert.equal(await rows('hfrom=2026-12-15'), 1);
    assert.equal(await rows('hto=2026-12-01'), 1);
    assert.equal(await rows('hfrom=2026-12-09&hto=2026-12-19'), 0);
    const bad = await hr.get('/quarantines?hfrom=2026-13-01&hto=2026-12-01');
    assert.equal(bad.status, 422);
    assertFieldError(bad.html, 'hfrom', /日付を入力してください/);
    const backwards = await hr.get('/quarantines?hfrom=2026-12-10&hto=2026-12-01');
    assertFieldError(backwards.html, 'hto', /開始より前/);
  });

  it('the health-centre list: a printable page with department, period, maker and time, and its CSV; each made is audited', async () => {
    const { h, policy, hr } = await stage();
    const caseId = policy.members[2]!.id;
    const lookup = await hr.get(`/exposures?memberId=${caseId}&from=2026-11-25&to=2026-11-30`);
    assert.equal(lookup.status, 200);
    assert.match(
      lookup.html,
      /<option value="[^"]+" selected="">佐藤 花子/,
      'the picker on the case',
    );
    const href = /href="(\/exposures\/list\?[^"]+)"/
      .exec(lookup.html)![1]!
      .replaceAll('&amp;', '&');
    const audited = async () =>
      ((await h.call('GET', '/v1/audit?from=2026-01-01')).json.entries as any[]).filter(
        (e) => e.action === 'exposure.list',
      ).length;
    assert.equal(await audited(), 0, 'looking up is not making the list');
    const page = await hr.get(href);
    assert.equal(page.status, 200);
    assert.match(page.html, /<h1>接触者リスト（保健所提出用）<\/h1>/);
    const meta = /<table id="health-centre-meta">(.*?)<\/table>/s.exec(page.html)![1]!;
    assert.match(meta, /情報政策課/);
    assert.match(meta, /佐藤 花子 &lt;sato@example.jp&gt;/);
    assert.match(meta, /2026年11月25日\(水\)〜2026年11月30日\(月\)/);
    assert.match(meta, /hr test（人事）/);
    assert.match(meta, /2026年11月24日 18:00 JST/);
    const list = section(page.html, 'health-centre-list');
    // The same days and people as the API's exposure lookup (whichever team the split gave her).
    const api = (
      await h.call('GET', `/v1/exposures?memberId=${caseId}&from=2026-11-25&to=2026-11-30`)
    ).json;
    const emailOf = new Map(policy.members.map((m) => [m.id, m.email]));
    const listed = [...list.matchAll(/<tbody>(.*?)<\/tbody>/gs)].map((b) => ({
      date: /datetime="([^"]+)"/.exec(b[1]!)![1],
      emails: [...b[1]!.matchAll(/<td>([^<]+@[^<]+)<\/td>/g)].map((m) => m[1]).sort(),
    }));
    assert.ok(api.days.length > 0);
    assert.deepEqual(
      listed,
      api.days.map((d: any) => ({
        date: d.date,
        emails: d.coPresentMemberIds.map((id: string) => emailOf.get(id)).sort(),
      })),
    );
    assert.match(list, /<time datetime="\d{4}-\d{2}-\d{2}">11月\d+日\([月火水木金]\)<\/time>/);
    assert.doesNotMatch(page.html, /陽性|自宅待機中/, 'no health information');
    assert.equal(await audited(), 1);
    const csv = await hr.get(href.replace('/exposures/list?', '/exposures/list.csv?'));
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    // (text() drops the BOM; the API's test reads the bytes)
    assert.equal(csv.html.split('\r\n')[0], '日付,氏名,部署,メールアドレス');
    assert.match(csv.headers.get('content-disposition') ?? '', /^attachment; filename=/);
    assert.equal(await audited(), 2);
    const bad = await hr.get(`/exposures/list?memberId=${caseId}&from=2026-11-30&to=2026-11-25`);
    assert.equal(bad.status, 422);
    assertFieldError(
      bad.html,
      'to',
      /^開始日（2026年11月30日\(月\)）より前の日付は指定できません$/,
    );
    const nobody = await hr.get('/exposures/list.csv?memberId=nobody');
    assert.equal(nobody.status, 422);
    assertFieldError(nobody.html, 'memberId', /この職員は見つかりません/);
    assert.equal(await audited(), 2, 'a refused list is not recorded as made');
  });

  it("a person's quarantine (a positive case) leads to the exposure lookup over the policy's look-back, and on to the list", async () => {
    const { h, policy, hr } = await stage();
    const caseId = policy.members[3]!.id;
    const marked = await h.call('POST', '/v1/quarantines', {
      body: { positiveMemberId: caseId, onsetDate: '2026-11-24' },
    });
    assert.equal(marked.status, 201, marked.text);
    const page = await hr.get('/quarantines');
    const href = new RegExp(`href="(/exposures\\?memberId=${caseId}[^"]*)"`)
      .exec(page.html)![1]!
      .replaceAll('&amp;', '&');
    // The default look-back is 2 days before onset; today is 2026-11-24.
    assert.equal(href, `/exposures?memberId=${caseId}&from=2026-11-22&to=2026-11-24`);
    const lookup = await hr.get(href);
    assert.equal(lookup.status, 200);
    assert.match(lookup.html, /href="\/exposures\/list\?memberId=/);
  });

  it("speaks the department's language on the health-centre list, and the page's on HR's own pages", async () => {
    const h = await harness();
    const d = (
      await h.call('POST', '/v1/departments', { body: { name: 'IT Division', language: 'en' } })
    ).json;
    const m = (
      await h.call('POST', `/v1/departments/${d.id}/members`, {
        body: { members: [{ name: 'Ann Lee', email: 'ann@example.jp' }] },
      })
    ).json.members;
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    const page = await hr.get(`/exposures/list?memberId=${m[0].id}&from=2026-11-25&to=2026-11-26`);
    assert.equal(page.status, 200);
    assert.match(page.html, /<html lang="en">/);
    assert.match(page.html, /Contact list for the health centre/);
    assert.match(page.html, /Wed 25 Nov 2026 – Thu 26 Nov 2026/);
    assert.match(page.html, /24 Nov 2026 18:00 GMT\+9/);
    const en = await hr.get('/quarantines?lang=en');
    assert.match(en.html, /History \(lifted and ended\)/);
  });
});
