import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-e2e-admin-token-0123456789abcdef';
const isoIn = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);

// One story in a real browser against a real Node server; the steps build on each other, in order.
describe('the web pages in headless Chromium', { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' }, () => {
  let stage: BrowserStage;
  let departmentId: string;
  let members: { id: string; email: string }[];

  before(async () => {
    stage = await browserStage(ADMIN);
    departmentId = (await stage.api('POST', '/v1/departments', { name: '情報政策課' })).id;
    members = (
      await stage.api('POST', `/v1/departments/${departmentId}/members`, {
        members: [
          { name: '山田 太郎', email: 'yamada@example.jp', skills: ['network'], position: 'chief' },
          { name: '佐藤 花子', email: 'sato@example.jp', skills: ['network'], position: 'deputy' },
          { name: '鈴木 健', email: 'suzuki@example.jp', skills: ['network'] },
          { name: '高橋 美咲', email: 'takahashi@example.jp' },
        ],
      })
    ).members;
    const rotation = await stage.api('POST', `/v1/departments/${departmentId}/rotations`, { startDate: isoIn(1), endDate: isoIn(90), teamCount: 2, pattern: { kind: 'daily' } });
    await fetch(`${stage.base}/v1/rotations/${rotation.id}/publish`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'if-match': '"1"' } });
  });
  after(async () => stage?.close());

  it('staff see their next office days and team, and copy a feed link', async () => {
    const staff = await stage.api('POST', '/v1/tokens', { role: 'staff', memberId: members[2]!.id, label: 'suzuki' });
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
    } finally {
      await context.close();
    }
  });
});
