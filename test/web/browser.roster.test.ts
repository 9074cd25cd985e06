import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-roster-admin-token-0123456789abcdef';
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

// The story in a real browser: a chief saves the roster from Excel the default way
// (CP932), uploads it, sees the preview, applies it, edits one person, exports the roster, and
// imports the export again with nothing changing.
describe(
  'roster upkeep in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let departmentId: string;
    let chiefToken: string;

    before(async () => {
      stage = await browserStage(ADMIN);
      departmentId = (await stage.api('POST', '/v1/departments', { name: '総務課' })).id;
      chiefToken = (
        await stage.api('POST', '/v1/tokens', { role: 'chief', departmentId, label: '課長' })
      ).token;
    });
    after(async () => stage?.close());

    it('uploads a CP932 roster, previews, applies, edits one person, exports and re-imports with no change', async () => {
      const { context, page } = await stage.signedIn(chiefToken);
      try {
        await page.goto(`/departments/${departmentId}`);
        await page.getByLabel('名簿ファイル（CSV）').setInputFiles(fixture('roster-cp932.csv'));
        await page.getByRole('button', { name: '変更内容を確認' }).click();
        await page.getByRole('heading', { name: '追加される職員（4名）' }).waitFor();
        assert.ok(
          (await page.locator('#plan-added li').allTextContents()).some((t) =>
            t.includes('髙橋　①郎'),
          ),
        );
        assert.equal(await page.locator('#plan-deactivated li').count(), 0);
        await stage.shot(page, 'chief-roster-preview');
        const before = await stage.api('GET', `/v1/departments/${departmentId}/members`);
        assert.equal(before.members.length, 0, 'the preview wrote nothing');
        await page.getByRole('button', { name: 'この内容で反映する' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: '名簿を反映しました（追加 4名・変更 0名・無効化 0名）' })
          .waitFor();

        await page.getByRole('link', { name: '鈴木 一郎' }).click();
        await page.getByLabel('役職').selectOption({ label: '課長補佐' });
        await page.getByLabel('フリガナ').fill('スズキ イチロウ');
        await page.getByRole('button', { name: '保存' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: '鈴木 一郎 さんを保存しました' })
          .waitFor();
        const suzuki = (
          await stage.api('GET', `/v1/departments/${departmentId}/members`)
        ).members.find((m: any) => m.email === 'suzuki@example.jp');
        assert.deepEqual([suzuki.position, suzuki.kana], ['deputy', 'スズキ イチロウ']);

        await page.getByRole('link', { name: '戻る' }).click();
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: '名簿をダウンロード（CSV）' }).click();
        const file = join(mkdtempSync(join(tmpdir(), 'bunsan-roster-')), 'members.csv');
        await (await download).saveAs(file);
        const bytes = readFileSync(file);
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        assert.match(
          bytes.toString('utf8'),
          /鈴木 一郎,スズキ イチロウ,suzuki@example.jp,,課長補佐,シンクライアント/,
        );
        writeFileSync(file, bytes);

        await page.getByLabel('名簿ファイル（CSV）').setInputFiles(file);
        await page.getByRole('button', { name: '変更内容を確認' }).click();
        await page.getByText('名簿と登録内容は同じです。反映するものはありません。').waitFor();
        assert.equal(await page.getByRole('button', { name: 'この内容で反映する' }).count(), 0);
        await stage.shot(page, 'chief-roster-no-change');
        assert.deepEqual(stage.cspViolations, []);
      } finally {
        await context.close();
      }
    });
  },
);
