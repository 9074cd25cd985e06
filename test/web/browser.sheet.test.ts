import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-sheet-admin-token-0123456789abcdef';
/** A date `days` from now in Tokyo (the department's zone). */
const tokyoIn = (days: number) =>
  new Date(Date.now() + days * 864e5).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
const FAMILY = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
];

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

describe(
  'the month sheet in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let sheetUrl: string;
    let chiefToken: string;

    before(async () => {
      stage = await browserStage(ADMIN);
      const dept = await stage.api('POST', '/v1/departments', { name: '情報政策課' });
      // 24 people in 3 teams: a department of a usual size on one printed page.
      await stage.api('POST', `/v1/departments/${dept.id}/members`, {
        members: Array.from({ length: 24 }, (_, i) => ({
          name: `${FAMILY[i % 12]} ${['一郎', '花子'][Math.floor(i / 12)]}`,
          email: `p${i}@example.jp`,
        })),
      });
      const rot = await stage.api('POST', `/v1/departments/${dept.id}/rotations`, {
        name: '分散勤務',
        startDate: tokyoIn(1),
        endDate: tokyoIn(70),
        teamCount: 3,
        pattern: { kind: 'daily' },
      });
      chiefToken = (
        await stage.api('POST', '/v1/tokens', {
          role: 'chief',
          departmentId: dept.id,
          label: '課長',
        })
      ).token;
      sheetUrl = `/rotations/${rot.id}/month?month=${tokyoIn(1).slice(0, 7)}`;
    });
    after(async () => stage?.close());

    it('shows the grid at 1280 px, an agenda without sideways scrolling at 320 px, and prints on one A4 landscape page', async () => {
      const { context, page } = await stage.signedIn(chiefToken);
      try {
        await page.goto(sheetUrl);
        assert.equal(await page.locator('#month-grid').isVisible(), true);
        assert.equal(await page.locator('#month-agenda').isVisible(), false);
        assert.equal(await page.locator('#sheet-roster li').count(), 24);
        await stage.shot(page, 'sheet-1280');

        await page.setViewportSize({ width: 320, height: 640 });
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          inner: window.innerWidth,
        }));
        assert.ok(widths.scroll <= widths.inner, `no sideways scroll: ${JSON.stringify(widths)}`);
        assert.equal(await page.locator('#month-grid').isVisible(), false);
        assert.ok((await page.locator('#month-agenda li').count()) > 0);
        assert.equal(await page.locator('#month-agenda li').first().isVisible(), true);
        await stage.shot(page, 'sheet-320');

        await page.setViewportSize({ width: 1280, height: 900 });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('#month-grid').isVisible(), true);
        assert.equal(await page.locator('#month-agenda').isVisible(), false);
        assert.equal(
          await page.locator('a.change').first().isVisible(),
          false,
          'no links on paper',
        );
        const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
        const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
        assert.equal(pages, 1, 'one month on one page');
        assert.deepEqual(stage.cspViolations, []);
      } finally {
        await context.close();
      }
    });
  },
);
