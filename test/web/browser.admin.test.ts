import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-e2e-admin-pages-token-0123456789abcdef';

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

// The admin's story in a real browser against a real Node server; each step checks what the JSON
// API then answers. Skipped only on a developer machine without chromium.
describe(
  'the admin pages in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    before(async () => {
      stage = await browserStage(ADMIN);
    });
    after(async () => stage?.close());

    it('an admin creates a department (a wrong value named by its field, in Japanese), edits it, and the API answers the same', async () => {
      const { context, page } = await stage.signedIn(ADMIN);
      try {
        assert.equal(new URL(page.url()).pathname, '/departments');
        await page.getByRole('link', { name: '部署を作成' }).click();
        await page.getByLabel('部署名').fill('危機管理課');
        await page.getByLabel('タイムゾーン', { exact: true }).selectOption('Asia/Tokyo');
        await page.getByLabel('始業時刻').fill('09:00');
        await page.getByLabel('終業時刻').fill('08:00');
        await page.getByLabel('休業日').fill('2026-12-29\n2026-12-32');
        await page.getByRole('button', { name: '作成する' }).click();
        assert.match(
          await page.locator('#officeEnd-error').innerText(),
          /終業時刻は始業時刻より後にしてください/,
        );
        assert.match(await page.locator('#closedDates-error').innerText(), /2行目「2026-12-32」/);
        assert.equal(
          await page.getByLabel('終業時刻').getAttribute('aria-describedby'),
          'officeEnd-error',
        );
        assert.equal(await page.getByLabel('休業日').inputValue(), '2026-12-29\n2026-12-32');
        await stage.shot(page, 'admin-department-errors');
        assert.deepEqual((await stage.api('GET', '/v1/departments')).departments, []);

        await page.getByLabel('終業時刻').fill('17:30');
        await page.getByLabel('休業日').fill('2026-12-29\n2026-12-30');
        await page.getByRole('button', { name: '作成する' }).click();
        await page.getByRole('status').filter({ hasText: '部署を作成しました' }).waitFor();
        const id = /^\/departments\/([\w-]+)\/settings$/.exec(new URL(page.url()).pathname)?.[1];
        assert.ok(id, page.url());

        await page.getByLabel('部署名').fill('危機管理課（本庁）');
        await page.getByLabel('土', { exact: true }).check();
        await page.getByLabel('金', { exact: true }).uncheck();
        await page.getByLabel('祝日カレンダー').selectOption({ label: 'なし' });
        await page.getByLabel('タイムゾーン', { exact: true }).selectOption('Asia/Seoul');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
        await stage.shot(page, 'admin-department-settings');
        const d = await stage.api('GET', `/v1/departments/${id}`);
        assert.deepEqual(
          [d.name, d.timezone, d.officeHours, d.workdays, d.holidays, d.closedDates],
          [
            '危機管理課（本庁）',
            'Asia/Seoul',
            { start: '09:00', end: '17:30' },
            [1, 2, 3, 4, 6],
            'none',
            ['2026-12-29', '2026-12-30'],
          ],
        );
      } finally {
        await context.close();
      }
    });

    it('an admin sets remote capacity and a department’s Slack webhook, and the API answers the same', async () => {
      const dept = await stage.api('POST', '/v1/departments', { name: '税務課' });
      const { context, page } = await stage.signedIn(ADMIN);
      try {
        await page.getByRole('link', { name: '組織の設定' }).click();
        const capacity = page.locator('#capacity-form');
        await capacity.getByLabel('シンクライアント席数', { exact: true }).fill('12');
        await capacity.getByLabel('貸出PC台数', { exact: true }).fill('30');
        await capacity.getByLabel('税務課: シンクライアント席数').fill('13');
        await capacity.getByRole('button', { name: '保存' }).click();
        assert.match(
          await page.locator(`#res-thin-${dept.id}-error`).innerText(),
          /シンクライアントの部署ごとの割り当てが合計13席で、組織の12席を超えています/,
        );
        await capacity.getByLabel('税務課: シンクライアント席数').fill('5');
        await capacity.getByRole('button', { name: '保存' }).click();
        await page.getByRole('status').filter({ hasText: '保存しました' }).waitFor();
        const s = await stage.api('GET', '/v1/settings');
        assert.deepEqual(
          [s.thinClientSeats, s.loanPcs, s.reservations],
          [12, 30, [{ departmentId: dept.id, thinClientSeats: 5, loanPcs: null }]],
        );
        await stage.shot(page, 'admin-settings');

        await page.getByRole('link', { name: '通知先' }).click();
        const secret = 'https://hooks.slack.com/services/T0001/B0001/abcdefSECRET';
        await page.getByLabel('税務課の新しい Webhook URL').fill('http://hooks.example/plain');
        await page
          .locator('#webhooks tr', { hasText: '税務課' })
          .getByRole('button', { name: '保存' })
          .click();
        assert.match(await page.locator(`#webhook-${dept.id}-error`).innerText(), /https/);
        assert.equal(
          (await stage.api('GET', `/v1/departments/${dept.id}`)).slackWebhookConfigured,
          false,
        );
        await page.getByLabel('税務課の新しい Webhook URL').fill(secret);
        await page
          .locator('#webhooks tr', { hasText: '税務課' })
          .getByRole('button', { name: '保存' })
          .click();
        await page.getByRole('status').filter({ hasText: 'Webhook を保存しました' }).waitFor();
        assert.equal(
          await page.locator(`#webhooks td[data-department="${dept.id}"]`).innerText(),
          '設定済み（••••••••）',
        );
        assert.equal((await page.content()).includes('abcdefSECRET'), false, 'never shown back');
        assert.equal(
          (await stage.api('GET', `/v1/departments/${dept.id}`)).slackWebhookConfigured,
          true,
        );
        await stage.shot(page, 'admin-notifications');
      } finally {
        await context.close();
      }
    });

    it('an admin issues a token (shown once), and revokes it; the API follows', async () => {
      const { context, page } = await stage.signedIn(ADMIN);
      try {
        await page.getByRole('link', { name: 'APIトークン' }).click();
        await page.getByLabel('役割').selectOption({ label: '人事' });
        await page.getByLabel('名前（用途）').fill('人事システム連携');
        await page.getByRole('button', { name: '発行する' }).click();
        const token = await page.locator('#new-token').inputValue();
        assert.match(token, /^bsn_/);
        await stage.shot(page, 'admin-token-issued');
        const asHr = await fetch(`${stage.base}/v1/settings`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(asHr.status, 200, 'the issued token works');
        await page.goto('/admin/tokens');
        assert.equal((await page.content()).includes(token), false, 'shown only once');
        await page.getByRole('button', { name: '「人事システム連携」を失効させる' }).click();
        await page.getByRole('status').filter({ hasText: 'トークンを失効させました' }).waitFor();
        const after = await fetch(`${stage.base}/v1/settings`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(after.status, 401, 'the revoked token is refused');
        const listed = (await stage.api('GET', '/v1/tokens')).tokens.find(
          (k: { label: string }) => k.label === '人事システム連携',
        );
        assert.ok(listed.revokedAt);
      } finally {
        await context.close();
      }
      assert.deepEqual(stage.cspViolations, [], 'no admin page broke the policy');
    });
  },
);
