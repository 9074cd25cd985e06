import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

const REASON = 'インフルエンザ陽性（本人申告）';

/** Every table of the page sits in a scroll container (no sideways page scroll on a phone). */
function assertTablesScroll(html: string) {
  const tables = html.match(/<table/g)?.length ?? 0;
  const wrapped = html.match(/<div class="scroll" tabindex="0"><table/g)?.length ?? 0;
  assert.ok(tables > 0);
  assert.equal(wrapped, tables, 'each table inside <div class="scroll">');
}

describe('the board pages', () => {
  let h: Harness;
  let deptId: string;
  let otherId: string;
  let sick: string;
  let well: string;
  const signedIn = async (token: string) => {
    const w = webClient(h);
    return { w, landed: (await w.signIn(token)).location };
  };

  before(async () => {
    h = await harness({ now: '2026-12-01T00:00:00Z' }); // Tuesday 09:00 in Tokyo
    const seeded = await seedDepartment(h);
    deptId = seeded.department.id;
    otherId = (await seedDepartment(h, '総務課')).department.id;
    [sick, well] = [seeded.members[1]!.id, seeded.members[2]!.id];
    const rot = await h.call('POST', `/v1/departments/${deptId}/rotations`, {
      body: {
        startDate: '2026-12-01',
        endDate: '2027-01-29',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    const marked = await h.call('POST', '/v1/quarantines', {
      body: { memberId: sick, startDate: '2026-12-01', endDate: '2026-12-14', reason: REASON },
      headers: { 'idempotency-key': 'pages-standby' },
    });
    assert.equal(marked.status, 201, marked.text);
  });
  after(() => h.close());

  it("lands a chief on their department's board, in Japanese: who is on standby until when, never why", async () => {
    const { w, landed } = await signedIn(
      (await h.tokenFor('chief', { departmentId: deptId })).token,
    );
    assert.equal(landed, `/departments/${deptId}/board`);
    const page = await w.get(landed!);
    assert.equal(page.status, 200);
    assert.match(page.html, /<html lang="ja">/);
    assert.match(page.html, /<h1>情報政策課の出勤状況<\/h1>/);
    assert.match(
      page.html,
      /<h2 id="board-day"><time datetime="2026-12-01">2026年12月1日\(火\)<\/time> 出勤/,
    );
    assert.match(page.html, /自宅待機（1名）/);
    // The office team's heading: its hours as clocks write them (8:30, not 08:30) and a counter.
    assert.match(page.html, /<h3 id="slot-0">[A-Z]チーム 8:30〜17:15（\d+名）<\/h3>/);
    const standby = /<table id="standby">(.*?)<\/table>/s.exec(page.html)![1]!;
    assert.match(standby, /佐藤 花子/);
    // In a table, a date of this year is written without its year.
    assert.match(standby, /<time datetime="2026-12-14">12月14日\(月\)<\/time>/);
    assert.ok(!page.html.includes(REASON) && !page.html.includes('インフルエンザ'));
    assert.match(
      page.html,
      new RegExp(`<a href="/departments/${deptId}">名簿とローテーション</a>`),
    );
    assert.match(page.html, /<label for="board-date">表示する日<\/label>/);
    assertTablesScroll(page.html);
    const en = await w.get(`${landed}?lang=en`);
    assert.match(en.html, /<h1>Board — 情報政策課<\/h1>/);
    assert.match(en.html, /Standby \(1 person\)/);
    assert.match(en.html, /<time datetime="2026-12-14">Mon 14 Dec<\/time>/);
    assert.match(en.html, /Tue 1 Dec 2026/);
  });

  it('lets HR read the department board, with nothing to change on it, and the organisation board', async () => {
    const { w } = await signedIn((await h.tokenFor('hr')).token);
    const page = await w.get(`/departments/${deptId}/board?lang=ja`);
    assert.equal(page.status, 200);
    assert.match(page.html, /閲覧のみ/);
    assert.ok(!page.html.includes(`href="/departments/${deptId}"`), 'no way to the chief’s pages');
    assert.ok(
      !/method="post"/.test(page.html.replace(/<form method="post" action="\/signout"/, '')),
    );
    const org = await w.get('/board');
    assert.equal(org.status, 200);
    assert.match(org.html, /<h1>全庁の出勤状況<\/h1>/);
    assert.match(org.html, /<a href="\/board">全庁の出勤状況<\/a>/, 'in the navigation');
    const lines = /<table id="departments">(.*?)<\/table>/s.exec(org.html)![1]!;
    assert.match(lines, /情報政策課/);
    assert.match(lines, /総務課/);
    assert.match(lines, /3名/);
    // Remote demand counts devices with their counter.
    assert.match(org.html, /<td>\d+台<\/td>/);
    assert.match(org.html, /<td>\d+席<\/td>/, 'thin-client seats by their own counter');
    const standby = /<table id="standby">(.*?)<\/table>/s.exec(org.html)![1]!;
    assert.match(standby, /佐藤 花子<\/th><td>情報政策課<\/td>/);
    assert.ok(!org.html.includes(REASON));
    assertTablesScroll(org.html);
  });

  it('shows staff on standby a banner on their own page, until when and never why; others none', async () => {
    const { w, landed } = await signedIn((await h.tokenFor('staff', { memberId: sick })).token);
    assert.equal(landed, '/me');
    const me = await w.get('/me');
    assert.equal(me.status, 200);
    assert.match(
      me.html,
      /<div class="standby-banner" role="status" id="standby-banner">自宅待機中です。2026年12月14日\(月\)まで出勤しないでください。<\/div>/,
    );
    assert.match(me.html, /<h2 id="my-day">今日と明日<\/h2>/);
    assert.match(me.html, /<dt>次に出勤する日<\/dt>/);
    assert.ok(!me.html.includes(REASON));
    const en = await w.get('/me?lang=en');
    assert.match(
      en.html,
      /You are on standby at home\. Please do not come to the office until Mon 14 Dec 2026\./,
    );
    const other = await signedIn((await h.tokenFor('staff', { memberId: well })).token);
    const page = await other.w.get('/me?lang=ja');
    assert.ok(!page.html.includes('id="standby-banner"'));
    assert.match(page.html, /<dt>今日 <time datetime="2026-12-01">/);
    // Their office days: listed without the year, at 8:30 (not 08:30).
    const next = /<ul id="next-office-days">(.*?)<\/ul>/s.exec(page.html)![1]!;
    assert.match(
      next,
      /<time datetime="2026-12-\d\d">12月\d+日\([月火水木金]\)<\/time> 8:30〜17:15/,
    );
    assert.doesNotMatch(page.html, /08:30/);
  });

  it('refuses the boards to staff, the department board to another chief, the organisation board to chiefs', async () => {
    const staff = (await signedIn((await h.tokenFor('staff', { memberId: well })).token)).w;
    const otherChief = (
      await signedIn((await h.tokenFor('chief', { departmentId: otherId })).token)
    ).w;
    const admin = (await signedIn((await h.tokenFor('admin')).token)).w;
    const got = async (w: typeof staff, path: string) => (await w.get(path)).status;
    assert.deepEqual(
      [
        await got(staff, `/departments/${deptId}/board`),
        await got(staff, '/board'),
        await got(otherChief, `/departments/${deptId}/board`),
        await got(otherChief, '/board'),
        await got(admin, `/departments/${deptId}/board`),
        await got(admin, '/board'),
      ],
      [403, 403, 403, 403, 200, 200],
    );
    assert.equal((await admin.get(`/departments/${deptId}/board?date=2026-13-01`)).status, 422);
  });
});
