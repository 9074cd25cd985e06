import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-override-admin-token-0123456789abcdef';
/** A date `days` from now in Tokyo (the department's zone). */
const tokyoIn = (days: number) =>
  new Date(Date.now() + days * 864e5).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

describe(
  'a chief overrides a day from the month sheet, in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let rotationId: string;
    let chiefToken: string;
    const schedule = async (from: string, to: string) =>
      (await stage.api('GET', `/v1/rotations/${rotationId}/schedule?from=${from}&to=${to}`))
        .days as { date: string; kind: string; officeTeamId: string | null }[];

    before(async () => {
      stage = await browserStage(ADMIN);
      const dept = await stage.api('POST', '/v1/departments', { name: '情報政策課' });
      await stage.api('POST', `/v1/departments/${dept.id}/members`, {
        members: Array.from({ length: 9 }, (_, i) => ({
          name: `職員 ${i}`,
          email: `o${i}@example.jp`,
        })),
      });
      const rot = await stage.api('POST', `/v1/departments/${dept.id}/rotations`, {
        startDate: tokyoIn(1),
        endDate: tokyoIn(60),
        teamCount: 3,
        pattern: { kind: 'daily' },
      });
      rotationId = rot.id;
      await stage.api('POST', `/v1/rotations/${rot.id}/publish`, undefined, ADMIN, {
        'if-match': '"1"',
      });
      chiefToken = (
        await stage.api('POST', '/v1/tokens', {
          role: 'chief',
          departmentId: dept.id,
          label: '課長',
        })
      ).token;
    });
    after(async () => stage?.close());

    it('follows a day’s link, swaps it with another day, confirms, and the schedule shows it', async () => {
      const days = (await schedule(tokyoIn(1), tokyoIn(40))).filter((d) => d.kind === 'office');
      const a = days[2]!;
      const b = days.find((d) => d.date > a.date && d.officeTeamId !== a.officeTeamId)!;
      const { context, page } = await stage.signedIn(chiefToken);
      try {
        await page.goto(`/rotations/${rotationId}/month?month=${a.date.slice(0, 7)}`);
        await page.locator(`a[href$="/overrides/new?date=${a.date}"]`).first().click();
        await page.waitForURL(/\/overrides\/new\?date=/);
        assert.match(await page.locator('h1').innerText(), /出勤日の変更/);
        await page.locator('#otherDate').fill(b.date);
        await page
          .locator('section[aria-labelledby="swap-h"]')
          .getByRole('button', { name: '内容を確認する' })
          .click();
        await page.waitForSelector('#override-moved');
        assert.match(await page.locator('main').innerText(), /勤務予定の変わる人（\d+名）/);
        await page.getByRole('button', { name: '変更する' }).click();
        await page.waitForSelector('#overrides');
        assert.match(await page.locator('main').innerText(), /出勤日を変更しました/);
      } finally {
        await context.close();
      }
      const after = await schedule(a.date, b.date);
      assert.equal(after[0]!.officeTeamId, b.officeTeamId);
      assert.equal(after[after.length - 1]!.officeTeamId, a.officeTeamId);
    });
  },
);
