import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testIdp, type TestIdp } from '../support/oidc.ts';
import {
  at,
  audit,
  CALLBACK,
  member,
  pathOf,
  ssoSteps,
  withMembers,
} from '../support/sso-stage.ts';
import { webClient } from '../support/web-session.ts';

// What an attacker may do with the provider's answer: forge its state, replay its code (here
// and inside another browser's sign-in), tamper with the ID token, or offer it in another
// browser or too late. Each is refused and nobody is signed in.
let idp: TestIdp;
before(async () => {
  idp = await testIdp([CALLBACK]);
});
after(async () => idp?.close());
const { configure, tripToIdp, ssoSignIn } = ssoSteps(() => idp);

describe('single sign-on refuses forged, replayed and tampered answers', () => {
  it('refuses a callback whose state is not the one this browser was given, and the sign-in is spent', async () => {
    const { h } = await withMembers();
    await configure(h);
    const w = webClient(h);
    const callback = await tripToIdp(w, member('suzuki@example.jp'));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    const res = await w.get(pathOf(forged));
    assert.equal(res.status, 403);
    assert.match(res.html, /このブラウザーで始めたサインインと一致しません/);
    assert.equal((await audit(h, 'session.fail'))[0]?.summary.reason, 'state');
    const real = await w.get(pathOf(callback));
    assert.equal(real.status, 403, 'one answer per sign-in');
    assert.match(real.html, /有効期限が切れたか、すでに使われています/);
    assert.equal(w.jar.get('bunsan_session'), undefined);
  });

  it('a person who cancels at the provider comes back to a page that says so, not an error', async () => {
    const { h } = await withMembers();
    await configure(h);
    const w = webClient(h);
    const callback = await tripToIdp(w, member('suzuki@example.jp'));
    const cancelled = new URL(CALLBACK);
    cancelled.searchParams.set('error', 'access_denied');
    cancelled.searchParams.set('state', callback.searchParams.get('state')!);
    cancelled.searchParams.set('iss', idp.issuer);
    const res = await w.get(pathOf(cancelled));
    assert.equal(res.status, 403);
    assert.match(res.html, /IDプロバイダーからの応答を確認できませんでした/);
    assert.match(String((await audit(h, 'session.fail'))[0]?.summary.error), /access_denied/);
  });

  it('refuses a replayed code: the same callback again, and the code inside another browser’s sign-in', async () => {
    const { h } = await withMembers();
    await configure(h);
    const w = webClient(h);
    const callback = await tripToIdp(w, member('suzuki@example.jp'));
    assert.equal((await w.get(pathOf(callback))).status, 200);
    const replay = await w.get(pathOf(callback));
    assert.equal(replay.status, 403);

    // An attacker with the code starts a sign-in of their own and offers it with their own state.
    const attacker = webClient(h);
    await attacker.get('/signin');
    const start = await attacker.get('/signin/oidc');
    const theirs = new URL(callback);
    theirs.searchParams.set('state', new URL(start.location!).searchParams.get('state')!);
    const before = idp.tokenAnswers.length;
    const res = await attacker.get(pathOf(theirs));
    assert.equal(res.status, 403);
    assert.match(res.html, /IDプロバイダーからの応答を確認できませんでした/);
    assert.deepEqual(idp.tokenAnswers.slice(before), [400], 'the provider refused the code');
    assert.equal(attacker.jar.get('bunsan_session'), undefined);
  });

  it('refuses a tampered ID token (its signature is checked, not only TLS)', async () => {
    const { h } = await withMembers();
    await configure(h);
    idp.tamperNextIdToken((jwt) => {
      const [head, body, sig] = jwt.split('.');
      const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
      claims.email = 'yamada@example.jp';
      return [head, Buffer.from(JSON.stringify(claims)).toString('base64url'), sig].join('.');
    });
    const { w, res } = await ssoSignIn(h, member('suzuki@example.jp'));
    assert.equal(res.status, 403);
    assert.match(res.html, /IDプロバイダーからの応答を確認できませんでした/);
    assert.equal(w.jar.get('bunsan_session'), undefined);
    assert.match(String((await audit(h, 'session.fail'))[0]?.summary.error), /signature/i);
  });

  it('refuses a callback in a browser that did not start it, and one after 10 minutes', async () => {
    const { h } = await withMembers();
    await configure(h);
    const w = webClient(h);
    const callback = await tripToIdp(w, member('suzuki@example.jp'));
    const elsewhere = await webClient(h).get(pathOf(callback));
    assert.equal(elsewhere.status, 403);
    assert.match(elsewhere.html, /有効期限が切れたか/);

    const late = webClient(h);
    const lateCallback = await tripToIdp(late, member('suzuki@example.jp'));
    h.setNow(at(10 * 60 + 1));
    assert.equal((await late.get(pathOf(lateCallback))).status, 403);
  });
});
