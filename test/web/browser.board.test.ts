import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-board-admin-token-0123456789abcdef';
const REASON = '新型コロナ陽性（検査結果）';
/** A date `days` from now in Tokyo (the department's zone). */
const tokyoIn = (days: number) =>
  new Date(Date.now() + days * 864e5).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

/** How far the page is wider than a 320-pixel phone (0: no sideways scroll). */
const overflowAt320 = async (page: Page, path: string) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(path);
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
};

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

describe(
  'the boards in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let departmentId: string;
    let sick: { id: string; name: string };

    before(async () => {
      stage = await browserStage(ADMIN);
      departmentId = (await stage.api('POST', '/v1/departments', { name: '情報政策課' })).id;
      const members = (
        await stage.api('POST', `/v1/departments/${departmentId}/members`, {
          members: [
            { name: '山田 太郎', email: 'yamada@example.jp', position: 'chief' },
            { name: '佐藤 花子', email: 'sato@example.jp', position: 'deputy' },
            { name: '鈴木 健', email: 'suzuki@example.jp' },
            { name: '高橋 一郎', email: 'takahashi@example.jp' },
          ],
        })
      ).members;
      sick = { id: members[2].id, name: '鈴木 健' };
      const rot = await stage.api('POST', `/v1/departments/${departmentId}/rotations`, {
        startDate: tokyoIn(0),
        endDate: tokyoIn(60),
        teamCount: 2,
        pattern: { kind: 'daily' },
      });
      const res = await fetch(`${stage.base}/v1/rotations/${rot.id}/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'if-match': '"1"' },
      });
      assert.equal(res.status, 200);
      const q = await fetch(`${stage.base}/v1/quarantines`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          'idempotency-key': 'browser-board',
        },
        body: JSON.stringify({
          memberId: sick.id,
          startDate: tokyoIn(0),
          endDate: tokyoIn(6),
          reason: REASON,
        }),
      });
      assert.equal(q.status, 201, await q.text());
    });
    after(async () => stage?.close());

    it('a member on standby sees the banner on their page, until when and never why, on a phone too', async () => {
      const token = (
        await stage.api('POST', '/v1/tokens', { role: 'staff', memberId: sick.id, label: '職員' })
      ).token;
      const { context, page } = await stage.signedIn(token);
      try {
        assert.equal(new URL(page.url()).pathname, '/me');
        const banner = page.getByRole('status').filter({ hasText: '自宅待機中です' });
        await banner.waitFor();
        const [y, m, d] = tokyoIn(6).split('-').map(Number);
        assert.match((await banner.textContent())!, new RegExp(`${y}年${m}月${d}日`));
        assert.ok(!(await page.content()).includes(REASON));
        await page.getByRole('heading', { name: '今日と明日' }).waitFor();
        assert.equal(await overflowAt320(page, '/me'), 0, 'no sideways scroll at 320px');
        await stage.shot(page, 'staff-standby-banner');
      } finally {
        await context.close();
      }
    });

    it('a chief lands on the board after sign-in; HR reads it and the organisation board; no sideways scroll at 320px', async () => {
      const chief = (
        await stage.api('POST', '/v1/tokens', { role: 'chief', departmentId, label: '課長' })
      ).token;
      const { context, page } = await stage.signedIn(chief);
      try {
        assert.equal(new URL(page.url()).pathname, `/departments/${departmentId}/board`);
        await page.getByRole('heading', { level: 1, name: '情報政策課の出勤状況' }).waitFor();
        await page.locator('#standby').getByText(sick.name).waitFor();
        assert.ok(!(await page.content()).includes(REASON));
        assert.equal(await overflowAt320(page, `/departments/${departmentId}/board`), 0);
        await stage.shot(page, 'chief-board-320');
      } finally {
        await context.close();
      }
      const hr = (await stage.api('POST', '/v1/tokens', { role: 'hr', label: '人事' })).token;
      const h = await stage.signedIn(hr);
      try {
        await h.page.getByRole('link', { name: '全庁の出勤状況' }).click();
        await h.page.locator('#departments').getByRole('link', { name: '情報政策課' }).click();
        await h.page.getByText('閲覧のみ').waitFor();
        assert.equal(await overflowAt320(h.page, '/board'), 0);
        await h.page.locator('#standby').getByText(sick.name).waitFor();
        await stage.shot(h.page, 'hr-organisation-board-320');
      } finally {
        await h.context.close();
      }
      assert.deepEqual(stage.cspViolations, []);
    });
  },
);
