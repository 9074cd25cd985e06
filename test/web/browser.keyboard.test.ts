import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-keyboard-admin-token-0123456789abcdef';
const tokyoIn = (days: number) =>
  new Date(Date.now() + days * 864e5).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

/** Presses Tab until the focused element matches `selector` (at most 80 times); fails otherwise. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

/** With a select focused, ArrowDown until its value satisfies `want`. */
async function arrowTo(page: Page, want: (value: string) => boolean): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const value = await page.evaluate(() => (document.activeElement as HTMLSelectElement).value);
    if (want(value)) return value;
    await page.keyboard.press('ArrowDown');
  }
  assert.fail('no option fits');
}

describe(
  'HR marks a team quarantined and confirms it with the keyboard alone',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let hrToken: string;
    before(async () => {
      stage = await browserStage(ADMIN);
      const dept = await stage.api('POST', '/v1/departments', { name: '情報政策課' });
      await stage.api('POST', `/v1/departments/${dept.id}/members`, {
        members: Array.from({ length: 6 }, (_, i) => ({
          name: `職員 ${i}`,
          email: `k${i}@example.jp`,
        })),
      });
      const rot = await stage.api('POST', `/v1/departments/${dept.id}/rotations`, {
        startDate: tokyoIn(1),
        endDate: tokyoIn(40),
        teamCount: 3,
        pattern: { kind: 'daily' },
      });
      await stage.api('POST', `/v1/rotations/${rot.id}/publish`, undefined, ADMIN, {
        'if-match': '"1"',
      });
      hrToken = (await stage.api('POST', '/v1/tokens', { role: 'hr', label: '人事' })).token;
    });
    after(async () => stage?.close());

    it('Tab, arrows, typing and Enter: department, team, start date, preview, confirm', async () => {
      const { context, page } = await stage.signedIn(hrToken);
      try {
        await page.goto('/quarantines');
        await tabTo(page, 'select#dept');
        await arrowTo(page, (v) => v !== '');
        await tabTo(page, '#picker button[type="submit"]');
        await page.keyboard.press('Enter');
        await page.waitForURL(/dept=/);

        await tabTo(page, 'select#subject');
        const subject = await arrowTo(page, (v) => v.startsWith('team:'));
        await tabTo(page, 'input#startDate');
        const start = tokyoIn(3);
        // Headless Debian Chromium lays a date field out month, day, year whatever the page's
        // language; each part moves on to the next once typed in full.
        await page.keyboard.type(`${start.slice(5, 7)}${start.slice(8, 10)}${start.slice(0, 4)}`);
        assert.equal(await page.inputValue('#startDate'), start);
        await tabTo(page, 'button[type="submit"]:not(#picker button)');
        await page.keyboard.press('Enter');
        await page.waitForSelector('#preview-swaps, #preview-uncovered');

        await tabTo(page, 'form[action="/quarantines"] button[type="submit"]');
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => !u.pathname.endsWith('/preview'));
        const marked = await stage.api('GET', '/v1/quarantines?active=true', undefined, hrToken);
        assert.equal(marked.quarantines.length, 1);
        assert.equal(marked.quarantines[0].teamId, subject.slice('team:'.length));
        assert.equal(marked.quarantines[0].startDate, start);
      } finally {
        await context.close();
      }
    });
  },
);
