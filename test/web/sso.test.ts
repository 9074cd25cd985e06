import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import { ADMIN_ENV_TOKEN, harness } from '../support/harness.ts';
import { CLIENT_ID, CLIENT_SECRET, testIdp, type TestIdp } from '../support/oidc.ts';
import {
  at,
  audit,
  CALLBACK,
  hrWithTotp,
  member,
  ssoSteps,
  T0,
  withMembers,
} from '../support/sso-stage.ts';
import { webClient } from '../support/web-session.ts';

// bunsan in process, the provider on loopback (test/support/sso-stage.ts): settings, linking,
// groups, the second step, sessions and SSO required. The refusals of forged, replayed and
// tampered answers are in sso.security.test.ts.
let idp: TestIdp;
before(async () => {
  idp = await testIdp([CALLBACK]);
});
after(async () => idp?.close());
const { configure, ssoSignIn } = ssoSteps(() => idp);

describe('single sign-on with the organisation’s OpenID Connect provider', () => {
  it('an admin sets the provider on the settings page: the secret shown masked, a /common issuer refused by the field', async () => {
    const h = await harness();
    const saved = await configure(h);
    assert.equal(saved.status, 303, saved.html.slice(0, 500));
    const admin = webClient(h);
    await admin.signIn(ADMIN_ENV_TOKEN);
    const page = await admin.get('/admin/settings/sso');
    assert.match(page.html, /状態: 使用できます/);
    assert.match(page.html, /保存済み: ••••cdef。/);
    assert.ok(!page.html.includes(CLIENT_SECRET), 'the secret never goes back to the page');
    assert.match(page.html, /http:\/\/localhost:8787\/signin\/oidc\/callback/);

    const common = await admin.post('/admin/settings/sso', {
      issuer: 'https://login.microsoftonline.com/common/v2.0',
      clientId: CLIENT_ID,
      clientSecret: 'x'.repeat(20),
    });
    assert.equal(common.status, 422);
    assert.match(
      common.html,
      /id="issuer-error">Entra ID の \/common・\/organizations・\/consumers は発行者として使えません/,
    );
    const unreachable = await admin.post('/admin/settings/sso', {
      issuer: 'http://localhost:9/nobody-here',
      clientId: CLIENT_ID,
      clientSecret: 'y'.repeat(20),
    });
    assert.equal(unreachable.status, 422);
    assert.match(unreachable.html, /id="issuer-error">この発行者のディスカバリー文書/);
    // Saved again without a secret: the stored one stays.
    const kept = await admin.post('/admin/settings/sso', {
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      clientSecret: '',
      hrGroup: 'grp-hr',
    });
    assert.equal(kept.status, 303, kept.html.slice(0, 500));
    assert.match((await admin.get('/admin/settings/sso')).html, /保存済み: ••••cdef。/);
    const updates = await audit(h, 'sso.update');
    assert.deepEqual(updates.map((e) => e.summary.secretChanged).sort(), [false, true]);
    assert.ok(updates.every((e) => e.summary.issuer === idp.issuer));
    assert.ok(!JSON.stringify(updates).includes(CLIENT_SECRET), 'the audit log keeps no secret');
    const signin = await webClient(h).get('/signin');
    assert.match(signin.html, /組織のアカウントでサインイン/);
  });

  it('only an admin sees or changes the provider, and only with the form’s token', async () => {
    const h = await harness();
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    assert.equal((await hr.get('/admin/settings/sso')).status, 403);
    assert.equal((await hr.post('/admin/settings/sso', { issuer: idp.issuer })).status, 403);
    const admin = webClient(h);
    await admin.signIn(ADMIN_ENV_TOKEN);
    const forged = await admin.post(
      '/admin/settings/sso',
      { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      { csrf: null },
    );
    assert.equal(forged.status, 403);
    assert.equal((await audit(h, 'sso.update')).length, 0);
    assert.doesNotMatch((await webClient(h).get('/signin')).html, /組織のアカウントでサインイン/);
  });

  it('shows no provider button before an admin sets one, and refuses to start', async () => {
    const h = await harness();
    const w = webClient(h);
    const page = await w.get('/signin');
    assert.doesNotMatch(page.html, /組織のアカウントでサインイン/);
    const start = await w.get('/signin/oidc');
    assert.equal(start.status, 403);
    assert.match(start.html, /シングルサインオンは設定されていません/);
  });

  it('a member signs in: linked by the verified e-mail, a session like any other, audited', async () => {
    const { h } = await withMembers();
    await configure(h);
    const { w, res } = await ssoSignIn(h, member('Suzuki@Example.jp'));
    assert.equal(res.status, 200, res.html.slice(0, 500));
    assert.equal(res.headers.get('refresh'), '0;url=/me');
    assert.match(w.jar.get('bunsan_session') ?? '', /^ses_/);
    assert.equal((await w.get('/me')).status, 200);
    const started = await audit(h, 'session.start');
    assert.deepEqual(
      started.filter((e) => e.summary.method === 'oidc').map((e) => e.subject.type),
      ['session'],
    );
  });

  it('refuses an e-mail nobody here has, and one the provider did not verify; both audited, no session', async () => {
    const { h } = await withMembers();
    await configure(h);
    const stranger = await ssoSignIn(h, member('stranger@example.jp'));
    assert.equal(stranger.res.status, 403);
    assert.match(stranger.res.html, /bunsan に登録されていません/);
    assert.equal(stranger.w.jar.get('bunsan_session'), undefined);

    const unverified = await ssoSignIn(h, member('suzuki@example.jp', { email_verified: false }));
    assert.equal(unverified.res.status, 403);
    assert.match(unverified.res.html, /確認済みのメールアドレスを返しませんでした/);
    assert.equal((await unverified.w.get('/me')).status, 303);

    const failed = (await audit(h, 'session.fail')).map((e) => e.summary.reason).sort();
    assert.deepEqual(failed, ['no-email', 'unknown']);
    const oidc = (await audit(h, 'session.start')).filter((e) => e.summary.method === 'oidc');
    assert.equal(oidc.length, 0);
  });

  it('a configured claim links by it instead (Entra’s preferred_username), without email_verified', async () => {
    const { h } = await withMembers();
    await configure(h, { emailClaim: 'preferred_username' });
    // The test provider's profile scope has no preferred_username: nothing links.
    const none = await ssoSignIn(h, member('suzuki@example.jp'));
    assert.equal(none.res.status, 403);
    assert.match(none.res.html, /確認済みのメールアドレスを返しませんでした/);
  });

  it('the HR group: HR outside it are refused; inside it they confirm with their authenticator app unless the provider shows MFA', async () => {
    const h = await harness();
    const secret = await hrWithTotp(h);
    await configure(h, { hrGroup: 'grp-hr-1234' });
    const hr = (extra: object) => member('jinji@example.jp', extra);

    const outside = await ssoSignIn(h, hr({ groups: ['grp-other'] }));
    assert.equal(outside.res.status, 403);
    assert.match(outside.res.html, /役割に必要なグループに入っていません/);
    assert.equal((await audit(h, 'session.fail'))[0]?.summary.reason, 'group');

    const inside = await ssoSignIn(h, hr({ groups: ['grp-hr-1234'] }));
    assert.equal(inside.res.status, 303);
    assert.equal(inside.res.location, '/signin/oidc/confirm');
    assert.equal(
      inside.w.jar.get('bunsan_session'),
      undefined,
      'no session before the second step',
    );
    const confirm = await inside.w.get('/signin/oidc/confirm');
    assert.match(confirm.html, /人事 花子 さん、組織のアカウントで確認できました/);
    const wrong = await inside.w.post('/signin/oidc/totp', { code: '000000' });
    assert.equal(wrong.status, 401);
    assert.match(wrong.html, /確認できませんでした/);
    h.setNow(at(60));
    const code = await generate({ secret, epoch: T0 / 1000 + 60 });
    const done = await inside.w.post('/signin/oidc/totp', { code });
    assert.equal(done.status, 303, done.html.slice(0, 400));
    assert.equal(done.location, '/quarantines');
    assert.equal((await inside.w.get('/quarantines')).status, 200);
    const methods = async () => (await audit(h, 'session.start')).map((e) => e.summary.method);
    assert.deepEqual(
      (await methods()).filter((m) => m.startsWith('oidc')),
      ['oidc+totp'],
    );
    // The second step is over: it cannot be given again (the pre-session form token is gone too).
    const again = await inside.w.post('/signin/oidc/totp', { code });
    assert.equal(again.status, 403);
    assert.equal((await methods()).filter((m) => m === 'oidc+totp').length, 1);

    const mfa = await ssoSignIn(h, hr({ groups: ['grp-hr-1234'], amr: ['pwd', 'mfa'] }));
    assert.equal(mfa.res.status, 200, 'amr shows MFA: no second step');
    assert.equal(mfa.res.headers.get('refresh'), '0;url=/quarantines');
  });

  it('an organisation that trusts the provider’s MFA lets HR in after the provider alone', async () => {
    const h = await harness();
    await hrWithTotp(h);
    await configure(h, { mfaTrusted: '1' });
    const { res } = await ssoSignIn(h, member('jinji@example.jp'));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('refresh'), '0;url=/quarantines');
  });

  it('an SSO session expires as any other (8 hours unused for a member) and sign-out ends it', async () => {
    const { h } = await withMembers();
    await configure(h);
    const a = await ssoSignIn(h, member('suzuki@example.jp'));
    const b = await ssoSignIn(h, member('sato@example.jp'));
    h.setNow(at(8 * 3600 + 60));
    const expired = await a.w.get('/me');
    assert.equal(expired.status, 303);
    assert.equal(expired.location, '/signin');
    assert.equal((await b.w.get('/me')).status, 303, 'b too: unused as long');

    const c = await ssoSignIn(h, member('suzuki@example.jp'));
    assert.equal((await c.w.get('/me')).status, 200);
    const out = await c.w.post('/signout');
    assert.equal(out.location, '/signin/oidc/signed-out');
    assert.equal((await c.w.get('/me')).status, 303);
    // The page offers to sign out at the provider too (RP-initiated logout), back to /signin.
    const page = await c.w.get(out.location!);
    assert.match(page.html, /組織のアカウント（IDプロバイダー）にはまだサインインしたままです/);
    const there = new URL(
      /id="provider-sign-out" href="([^"]+)"|href="([^"]+)" id="provider-sign-out"/
        .exec(page.html)!
        .slice(1)
        .find(Boolean)!
        .replaceAll('&amp;', '&'),
    );
    assert.equal(there.origin + there.pathname, `${idp.issuer}/session/end`);
    assert.equal(there.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(
      there.searchParams.get('post_logout_redirect_uri'),
      'http://localhost:8787/signin',
    );
    const provider = await fetch(there);
    assert.equal(provider.status, 200, 'the provider knows the way back');
  });

  it('SSO required: the sign-in page offers only the provider (and API tokens); the other ways in are refused', async () => {
    const { h, members } = await withMembers();
    await configure(h, { required: '1' });
    // An invitation still lets a member in once they take it, but not past the provider.
    const invited = await h.call('POST', '/v1/invitations', { body: { memberId: members[1]!.id } });
    const newcomer = webClient(h);
    const path = new URL(invited.json.url).pathname;
    await newcomer.get(path);
    const taken = await newcomer.post(`${path}/continue`);
    assert.equal(taken.status, 303);
    assert.equal(taken.location, '/signin');
    assert.equal(newcomer.jar.get('bunsan_session'), undefined, 'no session without the provider');

    const w = webClient(h);
    const page = await w.get('/signin');
    assert.match(page.html, /組織のアカウント（シングルサインオン）でサインインします/);
    assert.doesNotMatch(page.html, /パスキーでサインイン/);
    assert.doesNotMatch(page.html, /action="\/signin\/code"/);
    const code = await w.post('/signin/code', { email: 'suzuki@example.jp' });
    assert.equal(code.status, 403);
    assert.match(code.html, /組織のアカウントでのサインインが必須です/);
    const totp = await w.post('/signin/totp', { email: 'suzuki@example.jp', code: '123456' });
    assert.equal(totp.status, 403);
    const topics = (await h.call('GET', '/v1/outbox')).json.messages.map((m: any) => m.topic);
    assert.ok(topics.includes('invitation'), 'the outbox is read');
    assert.ok(!topics.includes('sign-in.code'), 'no code was e-mailed');
    const { res } = await ssoSignIn(h, member('suzuki@example.jp'));
    assert.equal(res.status, 200);
  });
});
