import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLIENT_ID, CLIENT_SECRET, testIdp, throughIdp, type TestIdp } from '../support/oidc.ts';
import { webClient } from '../support/web-session.ts';
import { startWorkerServer, type WorkerServer } from '../support/workerd.ts';

const ADMIN = 'workerd-sso-admin-secret-0123456789ab';

// openid-client on workerd: discovery, the authorization request and the code exchange with the
// ID token's signature checked, all through the Worker's fetch and WebCrypto; the provider is set
// by the Worker's OIDC_* variables. PUBLIC_URL is left unset, so the redirect URI names the
// default http://localhost:8787; the trip back is followed by hand to the Worker's real port.
describe('single sign-on on Cloudflare Workers + D1 (workerd through wrangler dev)', () => {
  let idp: TestIdp;
  let worker: WorkerServer;
  before(async () => {
    idp = await testIdp(['http://localhost:8787/signin/oidc/callback'], '127.0.0.1');
    worker = await startWorkerServer({
      adminToken: ADMIN,
      vars: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
      },
    });
    const api = async (path: string, body: unknown) => {
      const res = await fetch(`${worker.base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.ok(res.ok, `${path}: ${res.status}`);
      return res.json() as Promise<any>;
    };
    const departmentId = (await api('/v1/departments', { name: '情報政策課' })).id;
    const added = await api(`/v1/departments/${departmentId}/members`, {
      members: [{ name: '鈴木 健', email: 'suzuki@example.jp' }],
    });
    await api('/v1/invitations', { memberId: added.members[0].id });
  });
  after(async () => {
    await worker?.stop();
    await idp?.close();
  });

  it('a member signs in with the provider; a tampered ID token is refused', async () => {
    const signIn = async () => {
      const w = webClient({ base: worker.base });
      const page = await w.get('/signin');
      assert.match(page.html, /組織のアカウントでサインイン/);
      const start = await w.get('/signin/oidc');
      assert.equal(start.status, 303, start.html.slice(0, 300) + worker.output().slice(-2000));
      idp.signsIn({ sub: 'u-suzuki', email: 'suzuki@example.jp', email_verified: true });
      const back = await throughIdp(start.location!);
      return { w, res: await w.get(back.pathname + back.search) };
    };
    const { w, res } = await signIn();
    assert.equal(res.status, 200, res.html.slice(0, 500) + worker.output().slice(-2000));
    assert.equal(res.headers.get('refresh'), '0;url=/me');
    assert.equal((await w.get('/me')).status, 200);

    idp.tamperNextIdToken((jwt) => jwt.slice(0, -4) + (jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
    const tampered = await signIn();
    assert.equal(tampered.res.status, 403);
    assert.match(tampered.res.html, /IDプロバイダーからの応答を確認できませんでした/);
  });
});
