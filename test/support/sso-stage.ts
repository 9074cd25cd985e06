// The single sign-on tests' stage: bunsan in process (its clock the harness's) and the test
// provider on loopback; the browser's trips between them followed with fetch.
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { ADMIN_ENV_TOKEN, harness, seedDepartment, type Harness } from './harness.ts';
import { CLIENT_ID, CLIENT_SECRET, throughIdp, type IdpAccount, type TestIdp } from './oidc.ts';
import { webClient, type WebClient } from './web-session.ts';

/** The redirect URI of a harness (PUBLIC_URL unset: http://localhost:8787). */
export const CALLBACK = 'http://localhost:8787/signin/oidc/callback';
export const T0 = Date.parse('2026-11-24T09:00:00Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
export const pathOf = (u: URL) => u.pathname + u.search;

/** The provider-bound steps, for a provider started in the test file's before(). */
export function ssoSteps(idp: () => TestIdp) {
  /** An admin saves the provider settings on the settings page. */
  async function configure(h: Harness, fields: Record<string, string> = {}) {
    const admin = webClient(h);
    await admin.signIn(ADMIN_ENV_TOKEN);
    await admin.get('/admin/settings/sso');
    return admin.post('/admin/settings/sso', {
      issuer: idp().issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      ...fields,
    });
  }

  /** A browser starts the sign-in; the provider signs `who` in; the callback URL it is sent back to. */
  async function tripToIdp(w: WebClient, who: IdpAccount) {
    await w.get('/signin');
    const start = await w.get('/signin/oidc');
    assert.equal(start.status, 303, start.html.slice(0, 300));
    assert.ok(start.location!.startsWith(`${idp().issuer}/auth?`), start.location!);
    const asked = new URL(start.location!).searchParams;
    assert.equal(asked.get('code_challenge_method'), 'S256');
    for (const p of ['state', 'nonce', 'code_challenge']) assert.ok(asked.get(p), p);
    assert.equal(asked.get('redirect_uri'), CALLBACK);
    idp().signsIn(who);
    return throughIdp(start.location!);
  }

  async function ssoSignIn(h: Harness, who: IdpAccount) {
    const w = webClient(h);
    const callback = await tripToIdp(w, who);
    return { w, callback, res: await w.get(pathOf(callback)) };
  }

  return { configure, tripToIdp, ssoSignIn };
}

/** The audit entries of one action. */
export async function audit(h: Harness, action: string) {
  const r = await h.call('GET', '/v1/audit');
  return (r.json.entries as any[]).filter((e) => e.action === action);
}

/** A person at the provider with a verified e-mail. */
export const member = (email: string, extra: Partial<IdpAccount> = {}): IdpAccount => ({
  sub: `sub-${email}`,
  email,
  email_verified: true,
  ...extra,
});

/** A harness with a department whose three members are invited (so they are people). */
export async function withMembers() {
  const h = await harness();
  const seeded = await seedDepartment(h);
  for (const m of seeded.members) {
    const r = await h.call('POST', '/v1/invitations', { body: { memberId: m.id } });
    assert.equal(r.status, 201, r.text);
  }
  return { h, ...seeded };
}

/** An HR person who enrolled an authenticator app through their invitation; its secret. */
export async function hrWithTotp(h: Harness, email = 'jinji@example.jp') {
  const invited = await h.call('POST', '/v1/invitations', {
    body: { email, name: '人事 花子', role: 'hr' },
  });
  assert.equal(invited.status, 201, invited.text);
  const w = webClient(h);
  const path = new URL(invited.json.url).pathname;
  const page = await w.get(`${path}/totp`);
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.html)![1]!;
  const done = await w.post(`${path}/totp`, { code: await generate({ secret, epoch: T0 / 1000 }) });
  assert.equal(done.status, 303, done.html.slice(0, 300));
  return secret;
}
