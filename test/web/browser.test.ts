import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-e2e-admin-token-0123456789abcdef';
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
/** A date `days` from now in Tokyo (the department's zone). */
const tokyoIn = (days: number) =>
  new Date(Date.now() + days * 864e5).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

// One story in a real browser against a real Node server; the steps build on each other, in order.
// Skipped only on a developer machine without chromium; in CI (.ci/run installs it) its absence fails.
if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

describe(
  'the web pages in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let departmentId: string;
    let chiefToken: string;
    let rotationUrl: string;

    before(async () => {
      stage = await browserStage(ADMIN);
      departmentId = (await stage.api('POST', '/v1/departments', { name: '情報政策課' })).id;
      chiefToken = (
        await stage.api('POST', '/v1/tokens', { role: 'chief', departmentId, label: '課長' })
      ).token;
    });
    after(async () => stage?.close());

    it('a chief uploads a roster, creates and publishes a rotation, sees the report and the month grid, and moves a member', async () => {
      const { context, page } = await stage.signedIn(chiefToken);
      try {
        // A chief lands on the department's board; the members are a link away.
        assert.equal(new URL(page.url()).pathname, `/departments/${departmentId}/board`);
        await page.getByRole('link', { name: '名簿とローテーション' }).click();
        await page.waitForURL(`**/departments/${departmentId}`);
        // A roster with mistakes: every wrong row named by line, nothing added.
        await page.getByLabel('CSVファイル').setInputFiles(fixture('roster-bad.csv'));
        await page.getByRole('button', { name: '取り込む' }).click();
        assert.deepEqual(await page.locator('#csv-errors tbody th').allTextContents(), [
          '3',
          '4',
          '5',
        ]);
        assert.equal(
          await page.getByLabel('CSVファイル').getAttribute('aria-describedby'),
          'csv-hint csv-error',
        );
        await stage.shot(page, 'chief-csv-errors');
        await page.getByLabel('CSVファイル').setInputFiles(fixture('roster.csv'));
        await page.getByRole('button', { name: '取り込む' }).click();
        await page.getByRole('status').filter({ hasText: '8名を登録しました' }).waitFor();
        assert.equal(await page.locator('#members tbody tr').count(), 8);
        await stage.shot(page, 'chief-members');

        await page.getByRole('link', { name: 'ローテーションを作成' }).click();
        await page.getByLabel('開始日').fill(tokyoIn(1));
        await page.getByLabel('終了日').fill(tokyoIn(70));
        await page.getByLabel('チーム数').fill('3');
        await page.getByLabel('network: 各チームの最低人数').fill('1');
        await page
          .getByLabel('組み合わせ 1: 1人目')
          .selectOption({ label: '高橋 美咲 <takahashi@example.jp>' });
        await page
          .getByLabel('組み合わせ 1: 2人目')
          .selectOption({ label: '伊藤 由美 <ito@example.jp>' });
        await stage.shot(page, 'chief-rotation-form');
        await page.getByRole('button', { name: '作成して結果を見る' }).click();
        await page.waitForURL(/\/rotations\/[\w-]+$/);
        rotationUrl = new URL(page.url()).pathname;
        assert.equal(await page.locator('.team-card').count(), 3, 'three teams side by side');
        assert.equal(await page.locator('#coverage tbody tr').count(), 2, 'the skill and the pair');
        assert.equal(await page.locator('#coverage .ng').count(), 0, 'every constraint met');
        assert.match(await page.locator('#survivability').innerText(), /✓/);
        assert.equal(await page.locator('#remote-demand tbody tr').count(), 5);
        await page.getByRole('button', { name: '公開する' }).click();
        await page.getByRole('status').filter({ hasText: '公開しました' }).waitFor();
        assert.equal(await page.locator('#rotation-status').innerText(), '公開済み');
        await stage.shot(page, 'chief-rotation-report');

        await page
          .getByLabel('職員', { exact: true })
          .selectOption({ label: '鈴木 健 <suzuki@example.jp>' });
        const suzukiTeam = (
          await page.locator('.team-card', { hasText: '鈴木 健' }).locator('h3').innerText()
        ).trim();
        const other = (await page.locator('.team-card h3').allInnerTexts()).find(
          (l) => l.trim() !== suzukiTeam,
        )!;
        await page.getByLabel('異動先').selectOption({ label: other.trim() });
        await page.getByLabel('異動日').fill(tokyoIn(2));
        await page.getByRole('button', { name: '異動する' }).click();
        const notice = await page.locator('#move-result').innerText();
        assert.match(notice, /新しいチームでの初出勤は \d{4}年\d{1,2}月\d{1,2}日\(.\) 以降です/);

        await page.getByRole('link', { name: '月間表' }).click();
        assert.ok((await page.locator('#month-grid td[data-kind="office"]').count()) > 0);
        await stage.shot(page, 'chief-month-grid');
      } finally {
        await context.close();
      }
    });

    it('HR picks a team (department, then search), previews and confirms it, sees the swap on the month grid, previews and confirms a lift, sees it listed as lifted, and prints the health-centre list', async () => {
      const hr = await stage.api('POST', '/v1/tokens', { role: 'hr', label: '人事課' });
      const { context, page } = await stage.signedIn(hr.token);
      try {
        assert.equal(new URL(page.url()).pathname, '/quarantines');
        // The picker, without script: the department first, then a search the server narrows.
        await page.getByLabel('部署（まず選んでください）').selectOption({ label: '情報政策課' });
        await page.getByLabel('検索（氏名・フリガナ・メール・チーム）').fill('Ｂチーム');
        await page.getByRole('button', { name: '部署で表示・検索する' }).click();
        await page.waitForURL(/[?&]q=/);
        const found = page.locator('#subject option:not([value=""])');
        assert.equal(await found.count(), 1, 'only team B is found');
        const teamB = await found.innerText();
        assert.match(teamB, /Bチーム$/);
        await page.getByLabel('対象').selectOption({ label: teamB });
        await page.getByLabel('開始日').fill(tokyoIn(1));
        await page.getByLabel('理由（人事のみ閲覧）').fill('陽性者');
        await page.getByRole('button', { name: '確認する（まだ登録しません）' }).click();
        await page.locator('#preview-swaps').waitFor();
        const swapDate = await page
          .locator('#preview-swaps tbody th time')
          .first()
          .getAttribute('datetime');
        assert.match(swapDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
        // In a table: 12月4日(金), with the year only for a date in another year than today's.
        const year = swapDate!.startsWith(tokyoIn(0).slice(0, 4)) ? '' : '\\d{4}年';
        assert.match(
          await page.locator('#preview-swaps tbody th').first().innerText(),
          new RegExp(`^${year}\\d{1,2}月\\d{1,2}日\\([月火水木金土日]\\)$`),
          'dates written the Japanese way',
        );
        await stage.shot(page, 'hr-preview');
        const before = await stage.api('GET', '/v1/quarantines?active=true');
        assert.equal(before.quarantines.length, 0, 'the preview wrote nothing');
        await page.getByRole('button', { name: '登録する' }).click();
        await page.getByRole('status').filter({ hasText: '自宅待機を登録しました' }).waitFor();
        assert.equal(await page.locator('#active-quarantines tbody tr').count(), 1);
        await stage.shot(page, 'hr-quarantines');

        await page.getByRole('link', { name: '月間表' }).click();
        assert.equal(new URL(page.url()).pathname, `${rotationUrl}/month`);
        await page.goto(`${rotationUrl}/month?month=${swapDate!.slice(0, 7)}`);
        const cell = page.locator(`#month-grid td[data-date="${swapDate}"]`);
        assert.match(await cell.locator('.mark.swap').innerText(), /交代 [A-C]チーム→[A-C]チーム/);
        assert.ok(
          (await page.locator('#month-grid .mark.standby').count()) > 0,
          'standby days marked',
        );
        await stage.shot(page, 'hr-month-grid-swapped');
        await page.emulateMedia({ media: 'print' });
        assert.equal(
          await page.locator('header.top').isVisible(),
          false,
          'printing leaves out the navigation',
        );
        await page.emulateMedia({ media: 'screen' });

        // The lift: previewed (days handed back, capacity), then confirmed.
        await page.goto('/quarantines');
        await page.getByLabel('解除日').fill(tokyoIn(5));
        await page.getByRole('button', { name: '解除内容を確認する' }).click();
        await page.locator('#lift-capacity').waitFor();
        assert.ok(
          (await page.locator('#lift-handed-back tbody tr').count()) > 0,
          'days handed back to team B',
        );
        await stage.shot(page, 'hr-lift-preview');
        const [q] = (await stage.api('GET', '/v1/quarantines')).quarantines;
        assert.equal(q.liftedFrom, null, 'the lift preview wrote nothing');
        await page.getByRole('button', { name: '解除する' }).click();
        await page.getByRole('status').filter({ hasText: '解除しました' }).waitFor();
        const row = page.locator('#active-quarantines tbody tr');
        assert.equal(await row.getAttribute('data-state'), 'lifted');
        assert.match(await row.innerText(), /解除（(\d{4}年)?\d{1,2}月\d{1,2}日\(.\)から）/);
        assert.equal(await row.locator('form').count(), 0, 'no second lift');
        assert.equal(
          (await stage.api('GET', '/v1/quarantines')).quarantines[0].liftedFrom,
          tokyoIn(5),
        );
        await stage.shot(page, 'hr-lifted');

        // The health-centre list of a member of team B: the lookup, then the printable page.
        const rotation = await stage.api('GET', `/v1${rotationUrl}`);
        const members = (await stage.api('GET', `/v1/departments/${departmentId}/members`))
          .members as { id: string; email: string; name: string }[];
        const b = rotation.teams.find((t: any) => teamB.endsWith(`${t.label}チーム`));
        const person = members.find(
          (m) => b.memberIds.includes(m.id) && m.email !== 'suzuki@example.jp',
        )!;
        await page.getByRole('link', { name: '接触の確認' }).click();
        await page.getByLabel('部署（まず選んでください）').selectOption({ label: '情報政策課' });
        await page.getByLabel('検索（氏名・フリガナ・メール・チーム）').fill(person.email);
        await page.getByRole('button', { name: '部署で表示・検索する' }).click();
        await page.waitForURL(/[?&]q=/);
        await page.getByLabel('職員', { exact: true }).selectOption(person.id);
        await page.getByLabel('開始日').fill(tokyoIn(0));
        await page.getByLabel('終了日').fill(tokyoIn(30));
        await page.getByRole('button', { name: '確認する' }).click();
        await page.locator('#exposure-days').waitFor();
        await page.getByRole('link', { name: '印刷用リストを作成' }).click();
        await page.locator('#health-centre-list').waitFor();
        assert.equal(
          await page.getByRole('heading', { level: 1 }).innerText(),
          '接触者リスト（保健所提出用）',
        );
        const meta = await page.locator('#health-centre-meta').innerText();
        for (const part of ['情報政策課', person.name, '人事課（人事）', / [12]?\d:\d{2} JST/])
          assert.match(meta, typeof part === 'string' ? new RegExp(part) : part);
        const exposure = await stage.api(
          'GET',
          `/v1/exposures?memberId=${person.id}&from=${tokyoIn(0)}&to=${tokyoIn(30)}`,
        );
        assert.equal(
          await page.locator('#health-centre-list tbody').count(),
          exposure.days.length,
          'one group a day the person was in the office',
        );
        await stage.shot(page, 'hr-health-centre-list');
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('header.top').isVisible(), false);
        assert.equal(await page.locator('button[data-print]').isVisible(), false);
        assert.ok(await page.locator('#health-centre-list').isVisible(), 'the list prints');
        assert.ok(await page.locator('#health-centre-meta').isVisible(), 'with who and when');
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        assert.equal(pdf.subarray(0, 4).toString(), '%PDF', 'it prints on A4');
        await page.emulateMedia({ media: 'screen' });
        const audit = (await stage.api('GET', '/v1/audit?from=2026-01-01')).entries as any[];
        assert.ok(
          audit.some((e) => e.action === 'exposure.list' && e.subject.id === person.id),
          'making the list is audited',
        );
      } finally {
        await context.close();
      }
    });

    it('staff see their next office days and team, and copy a feed link', async () => {
      const members = (await stage.api('GET', `/v1/departments/${departmentId}/members`))
        .members as { id: string; email: string }[];
      const staff = await stage.api('POST', '/v1/tokens', {
        role: 'staff',
        memberId: members.find((m) => m.email === 'tanaka@example.jp')!.id,
        label: '田中',
      });
      const { context, page } = await stage.signedIn(staff.token, { clipboard: true });
      try {
        assert.equal(new URL(page.url()).pathname, '/me');
        assert.equal(await page.getAttribute('html', 'lang'), 'ja');
        assert.ok((await page.locator('#next-office-days li').count()) > 0, 'lists office days');
        await page.getByRole('button', { name: '購読URLを発行する' }).click();
        const webcal = await page.getByLabel('Apple カレンダー（webcal）').inputValue();
        assert.match(webcal, /^webcal:\/\/.+\/feeds\/bsf_[\w-]+\.ics$/);
        await page.locator('button[data-copy="feed-webcal"]').click();
        await page.getByRole('status').filter({ hasText: 'コピーしました' }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), webcal);
        const https = await page.getByLabel('Outlook（Web から購読）').inputValue();
        const feed = await fetch(https.replace(/^https?:\/\/[^/]+/, stage.base));
        assert.equal(feed.status, 200, 'the copied link is a live feed');
        await stage.shot(page, 'staff-me');
        await page.goto('/me?lang=en');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.ok(await page.getByRole('heading', { name: 'My schedule' }).isVisible());
        await stage.shot(page, 'staff-me-en');
      } finally {
        await context.close();
      }
    });

    it('12. the pages work under their Content-Security-Policy: styled, scripted, and nothing refused', async () => {
      const { context, page } = await stage.signedIn(chiefToken);
      try {
        const res = await page.goto(`/departments/${departmentId}`);
        assert.match(res!.headers()['content-security-policy'] ?? '', /style-src 'sha256-/);
        const skip = await page.evaluate(
          () => getComputedStyle(document.querySelector('a.skip')!).position,
        );
        assert.equal(skip, 'absolute', 'the inline stylesheet applies');
      } finally {
        await context.close();
      }
      assert.deepEqual(stage.cspViolations, [], 'no page of these tests broke the policy');
    });
  },
);
