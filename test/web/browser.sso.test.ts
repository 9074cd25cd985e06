import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  browserStage,
  HAVE_CHROMIUM,
  virtualAuthenticator,
  type BrowserStage,
} from '../support/browser.ts';
import { CLIENT_ID, CLIENT_SECRET, testIdp, type TestIdp } from '../support/oidc.ts';

const ADMIN = 'web-sso-admin-token-0123456789abcdef01';

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

// bunsan on localhost, the provider on 127.0.0.1: another site, so the way back from the provider
// is a cross-site navigation, as with a real provider (and SameSite cookies behave as they will).
describe(
  'people sign in with the organisation’s provider, in headless Chromium',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    let idp: TestIdp;
    let departmentId: string;

    before(async () => {
      stage = await browserStage(ADMIN, { localhost: true });
      idp = await testIdp([`${stage.base}/signin/oidc/callback`], '127.0.0.1');
      departmentId = (await stage.api('POST', '/v1/departments', { name: '情報政策課' })).id;
      const added = await stage.api('POST', `/v1/departments/${departmentId}/members`, {
        members: [{ name: '鈴木 健', email: 'suzuki@example.jp' }],
      });
      await stage.api('POST', '/v1/invitations', { memberId: added.members[0].id });
    });
    after(async () => {
      await stage?.close();
      await idp?.close();
    });

    it('an admin sets the provider on the settings page; a member signs in with it; a stranger is refused', async () => {
      const admin = await stage.signedIn(ADMIN);
      try {
        await admin.page.goto('/admin/settings');
        await admin.page.getByRole('link', { name: 'シングルサインオンの設定' }).click();
        await admin.page.getByLabel('発行者（Issuer）URL').fill(idp.issuer);
        await admin.page.getByLabel('クライアントID').fill(CLIENT_ID);
        await admin.page.getByLabel('クライアントシークレット').fill(CLIENT_SECRET);
        await admin.page.getByRole('button', { name: '保存' }).click();
        await admin.page.getByText('状態: 使用できます').waitFor();
        await admin.page.getByText('保存済み: ••••cdef。').waitFor();
        await stage.shot(admin.page, 'sso-settings');
      } finally {
        await admin.context.close();
      }

      const { context, page } = await stage.fresh();
      try {
        idp.signsIn({ sub: 'u-suzuki', email: 'suzuki@example.jp', email_verified: true });
        await page.goto('/signin');
        await stage.shot(page, 'sso-signin');
        await page.getByRole('link', { name: '組織のアカウントでサインイン' }).click();
        await page.waitForURL('**/me');
        const cookie = (await context.cookies()).find((c) => c.name === 'bunsan_session');
        assert.match(cookie?.value ?? '', /^ses_/);
        await page.getByRole('link', { name: 'アカウント' }).click();
        await page.locator('#sessions').getByText('組織のアカウント').waitFor();
        await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
        await page.waitForURL('**/signin/oidc/signed-out');
        await page.getByRole('link', { name: '組織のアカウントからもサインアウト' }).waitFor();
        await page.goto('/me');
        await page.waitForURL('**/signin');
      } finally {
        await context.close();
      }

      const stranger = await stage.fresh();
      try {
        idp.signsIn({ sub: 'u-x', email: 'stranger@example.jp', email_verified: true });
        await stranger.page.goto('/signin');
        await stranger.page.getByRole('link', { name: '組織のアカウントでサインイン' }).click();
        await stranger.page.getByText('bunsan に登録されていません').waitFor();
        await stage.shot(stranger.page, 'sso-refused');
      } finally {
        await stranger.context.close();
      }
      assert.deepEqual(stage.cspViolations, []);
    });

    it('HR confirm with their passkey after the provider when its MFA is not shown', async () => {
      const invited = await stage.api('POST', '/v1/invitations', {
        email: 'jinji@example.jp',
        name: '人事 花子',
        role: 'hr',
      });
      const { context, page } = await stage.fresh();
      try {
        await virtualAuthenticator(page);
        await page.goto(new URL(invited.url).pathname);
        await page.getByLabel('この端末の名前').fill('人事のPC');
        await page.getByRole('button', { name: 'パスキーを登録してサインイン' }).click();
        await page.waitForURL('**/quarantines');
        await page.getByRole('button', { name: 'サインアウト' }).click();
        await page.waitForURL('**/signin');

        idp.signsIn({
          sub: 'u-jinji',
          email: 'jinji@example.jp',
          email_verified: true,
          amr: ['pwd'],
        });
        await page.getByRole('link', { name: '組織のアカウントでサインイン' }).click();
        await page.waitForURL('**/signin/oidc/confirm');
        await page.getByText('人事 花子 さん、組織のアカウントで確認できました').waitFor();
        await stage.shot(page, 'sso-confirm');
        await page.getByRole('button', { name: 'パスキーで確認' }).click();
        await page.waitForURL('**/quarantines');
        const audit = (await stage.api('GET', '/v1/audit')).entries;
        const methods = audit
          .filter((e: any) => e.action === 'session.start')
          .map((e: any) => e.summary.method);
        assert.ok(methods.includes('oidc+passkey'), methods.join());
      } finally {
        await context.close();
      }
      assert.deepEqual(stage.cspViolations, []);
    });
  },
);
