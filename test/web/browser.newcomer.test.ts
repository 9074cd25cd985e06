import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  browserStage,
  HAVE_CHROMIUM,
  virtualAuthenticator,
  type BrowserStage,
} from '../support/browser.ts';

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

// The story: a newcomer starts bunsan, opens the printed link, registers a passkey,
// creates a department, invites a chief and — through the chief — a member, and each signs in
// without ever seeing a token.
describe(
  'a newcomer rolls bunsan out without a token, in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    before(async () => {
      stage = await browserStage('newcomer-admin-token-0123456789abcdefgh', { localhost: true });
    });
    after(async () => stage?.close());

    it('first admin by the printed link → department → chief invited → member invited → each signed in', async () => {
      const link = stage.lines.join('\n').match(/http:\/\/localhost:\d+\/invite\/inv_\S+/)?.[0];
      assert.ok(link, stage.lines.join('\n'));
      const admin = await stage.fresh();
      const chief = await stage.fresh();
      const member = await stage.fresh();
      try {
        // The first admin.
        await virtualAuthenticator(admin.page);
        await admin.page.goto(new URL(link).pathname);
        await admin.page.getByLabel('この端末の名前').fill('管理用PC');
        await admin.page.getByRole('button', { name: 'パスキーを登録してサインイン' }).click();
        await admin.page.waitForURL('**/departments');
        await admin.page.getByRole('link', { name: '部署を作成' }).click();
        await admin.page.getByLabel('部署名').fill('総務課');
        await admin.page.getByRole('button', { name: '作成する' }).click();
        await admin.page.waitForURL(/\/departments\/[\w-]+\/settings\?created=1$/);
        const departmentId = /departments\/([\w-]+)\/settings/.exec(admin.page.url())![1]!;

        // The chief, invited on the admin's people page; the link shown once.
        await admin.page.goto('/admin/people');
        await admin.page.getByLabel('氏名').fill('山田 課長');
        await admin.page.getByLabel('メールアドレス').fill('kacho@example.jp');
        await admin.page.getByLabel('役割').selectOption({ label: '課長' });
        await admin.page.getByLabel('部署').selectOption({ label: '総務課' });
        await admin.page.getByRole('button', { name: '招待する' }).click();
        const chiefLink = await admin.page.locator('#invitation-url').textContent();
        assert.match(chiefLink!, /\/invite\/inv_/);

        await virtualAuthenticator(chief.page);
        await chief.page.goto(new URL(chiefLink!).pathname);
        await chief.page.getByRole('button', { name: 'パスキーを登録してサインイン' }).click();
        // A chief lands on the department's board; the members are a link away.
        await chief.page.waitForURL(`**/departments/${departmentId}/board`);
        await chief.page.getByRole('link', { name: '名簿とローテーション' }).click();
        await chief.page.waitForURL(`**/departments/${departmentId}`);

        // The chief adds a member and invites everyone not invited yet; the list to print.
        await chief.page.getByRole('link', { name: '職員を追加' }).click();
        await chief.page.getByLabel('氏名').fill('佐藤 花子');
        await chief.page.getByLabel('メールアドレス').fill('sato@example.jp');
        await chief.page.getByRole('button', { name: '保存' }).click();
        await chief.page
          .getByRole('status')
          .filter({ hasText: '佐藤 花子 さんを保存しました' })
          .waitFor();
        await chief.page.goto(`/departments/${departmentId}`);
        await chief.page.getByRole('button', { name: '職員全員を招待' }).click();
        const memberLink = await chief.page.locator('#invitation-links code').first().textContent();
        assert.match(memberLink!, /\/invite\/inv_/);

        // The member takes the invitation without a passkey and sees their own page.
        await member.page.goto(new URL(memberLink!).pathname);
        await member.page.getByRole('button', { name: 'パスキーを使わずに続ける' }).click();
        await member.page.waitForURL('**/me');
        await member.page.getByText('佐藤 花子').first().waitFor();

        for (const { context } of [admin, chief, member]) {
          const cookie = (await context.cookies()).find((c) => c.name === 'bunsan_session');
          assert.match(cookie!.value, /^ses_/, 'a session, never a token, in the cookie');
        }
        assert.deepEqual(stage.cspViolations, []);
      } finally {
        for (const x of [admin, chief, member]) await x.context.close();
      }
    });
  },
);
