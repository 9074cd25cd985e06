import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  browserStage,
  HAVE_CHROMIUM,
  virtualAuthenticator,
  type BrowserStage,
} from '../support/browser.ts';

const ADMIN = 'web-passkey-admin-token-0123456789abcdef';

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

// Passkeys need a host name: the server's PUBLIC_URL and the browser both use localhost.
describe(
  'people sign in with passkeys, in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let departmentId: string;

    before(async () => {
      stage = await browserStage(ADMIN, { localhost: true });
      departmentId = (await stage.api('POST', '/v1/departments', { name: '情報政策課' })).id;
    });
    after(async () => stage?.close());

    it('a chief follows the invitation, registers a passkey, signs out, and signs in with it alone', async () => {
      const invited = await stage.api('POST', '/v1/invitations', {
        email: 'kacho@example.jp',
        name: '山田 課長',
        role: 'chief',
        departmentId,
      });
      assert.match(invited.url, /^http:\/\/localhost:\d+\/invite\/inv_/);
      const { context, page } = await stage.fresh();
      try {
        await virtualAuthenticator(page);
        await page.goto(new URL(invited.url).pathname);
        await page.getByText('山田 課長 さん（課長）として招待されています').waitFor();
        assert.equal(
          await page.getByRole('button', { name: 'パスキーを使わずに続ける' }).count(),
          0,
          'a chief needs a second factor',
        );
        await page.getByLabel('この端末の名前').fill('事務所のPC');
        await stage.shot(page, 'invite-passkey');
        await page.getByRole('button', { name: 'パスキーを登録してサインイン' }).click();
        await page.waitForURL(`**/departments/${departmentId}/board`);
        const cookie = (await context.cookies()).find((c) => c.name === 'bunsan_session')!;
        assert.match(cookie.value, /^ses_/);

        await page.getByRole('button', { name: 'サインアウト' }).click();
        await page.waitForURL('**/signin');
        // The old session is over: the department page sends us back to sign in.
        await page.goto(`/departments/${departmentId}`);
        await page.waitForURL('**/signin');

        await page.getByRole('button', { name: 'パスキーでサインイン' }).click();
        await page.waitForURL(`**/departments/${departmentId}/board`);
        await stage.shot(page, 'signed-in-with-passkey');

        // Their own account: the passkey by its name; the last second factor of a chief stays.
        await page.getByRole('link', { name: 'アカウント' }).click();
        await page.locator('#passkeys').getByText('事務所のPC').waitFor();
        await page.locator('#sessions').getByText('（この端末）').waitFor();
        await stage.shot(page, 'account');
        await page.getByRole('button', { name: '削除' }).click();
        await page.getByText('パスキーか認証アプリを少なくとも1つ').waitFor();

        // The link worked once.
        await page.goto(new URL(invited.url).pathname);
        await page.getByText('この招待リンクは使用済みです').waitFor();
        const list = await stage.api('GET', '/v1/invitations');
        assert.equal(list.invitations[0].state, 'used');
        const audit = (await stage.api('GET', '/v1/audit')).entries.map((e: any) => e.action);
        for (const a of ['invitation.create', 'passkey.add', 'session.start', 'session.end'])
          assert.ok(audit.includes(a), a);
        assert.deepEqual(stage.cspViolations, []);
      } finally {
        await context.close();
      }
    });

    it('a member follows the invitation without a passkey and lands on their own page', async () => {
      const member = (
        await stage.api('POST', `/v1/departments/${departmentId}/members`, {
          members: [{ name: '佐藤 花子', email: 'sato@example.jp' }],
        })
      ).members[0];
      const invited = await stage.api('POST', '/v1/invitations', { memberId: member.id });
      const { context, page } = await stage.fresh();
      try {
        await page.goto(new URL(invited.url).pathname);
        await page.getByRole('button', { name: 'パスキーを使わずに続ける' }).click();
        await page.waitForURL('**/me');
        await page.getByText('佐藤 花子').first().waitFor();
        await stage.shot(page, 'staff-after-invitation');
      } finally {
        await context.close();
      }
    });
  },
);
