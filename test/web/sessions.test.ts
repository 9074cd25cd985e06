import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';
import { openSession } from '../../src/app/sessions/index.ts';
import { personById } from '../../src/db/repos/people.ts';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A member invited and signed in through their invitation (no passkey: staff may). */
async function signedInMember(h: Harness, memberId: string) {
  const invited = await h.call('POST', '/v1/invitations', { body: { memberId } });
  assert.equal(invited.status, 201, invited.text);
  const w = webClient(h);
  const path = new URL(invited.json.url).pathname;
  await w.get(path);
  const res = await w.post(`${path}/continue`);
  assert.equal(res.status, 303, res.html.slice(0, 300));
  assert.equal(res.location, '/me');
  return w;
}
const signedIn = async (w: ReturnType<typeof webClient>, path = '/me') =>
  (await w.get(path)).status === 200;

describe('sessions are server-side records', () => {
  it("end after 8 hours unused (a member's), and after 12 hours however busy", async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const idle = await signedInMember(h, members[2]!.id);
    const busy = await signedInMember(h, members[1]!.id);
    h.setNow(at(8 * 60 - 1));
    assert.ok(await signedIn(idle), 'used again within 8 hours');
    for (let hour = 1; hour < 12; hour++) {
      h.setNow(at(hour * 60));
      assert.ok(await signedIn(busy), `hour ${hour}`);
    }
    h.setNow(at(8 * 60 - 1 + 8 * 60 + 1));
    assert.ok(!(await signedIn(idle)), 'unused for more than 8 hours');
    h.setNow(at(12 * 60));
    assert.ok(!(await signedIn(busy)), '12 hours after sign-in, however busy');
  });

  it('end after 30 minutes unused for HR (they see health matters)', async () => {
    const h = await harness();
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    h.setNow(at(29));
    assert.ok(await signedIn(hr, '/quarantines'));
    h.setNow(at(29 + 31));
    assert.ok(!(await signedIn(hr, '/quarantines')));
  });

  it('end at once when the member leaves, and when the API token they signed in with is revoked', async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const w = await signedInMember(h, members[2]!.id);
    assert.ok(await signedIn(w));
    assert.equal((await h.call('DELETE', `/v1/members/${members[2]!.id}`)).status, 200);
    assert.ok(!(await signedIn(w)), 'a leaver is signed out');

    const t = await h.tokenFor('hr');
    const hr = webClient(h);
    await hr.signIn(t.token);
    assert.ok(await signedIn(hr, '/quarantines'));
    assert.equal((await h.call('DELETE', `/v1/tokens/${t.id}`)).status, 200);
    assert.ok(!(await signedIn(hr, '/quarantines')), 'the revoked token signs nobody in');
  });

  it('end when the person is given another role (invited again as a chief)', async () => {
    const h = await harness();
    const { department } = await seedDepartment(h);
    const first = await h.call('POST', '/v1/invitations', {
      body: { email: 'hr@example.jp', role: 'hr' },
    });
    assert.equal(first.status, 201, first.text);
    // Signed in as that person (as a passkey would): a session of theirs in a browser's jar.
    const person = (await personById(h.db, first.json.personId))!;
    const w = webClient(h);
    w.jar.set('bunsan_session', await openSession(h.deps, { person }, 'passkey', 'test'));
    assert.ok(await signedIn(w, '/quarantines'), 'HR, signed in');
    const again = await h.call('POST', '/v1/invitations', {
      body: { email: 'hr@example.jp', role: 'chief', departmentId: department.id },
    });
    assert.equal(again.status, 201);
    assert.equal(again.json.personId, first.json.personId, 'the same person');
    // Not merely refused HR's pages as a chief: the session itself is over.
    assert.ok(!(await signedIn(w, `/departments/${department.id}`)), 'the session ended');
    const audit = (await h.call('GET', '/v1/audit')).json.entries.filter(
      (e: any) => e.action === 'invitation.create',
    );
    assert.deepEqual(audit.map((e: any) => e.summary.role).sort(), ['chief', 'hr']);
  });

  it('a person sees their sessions and signs out everywhere else, keeping this one', async () => {
    const h = await harness();
    const { members } = await seedDepartment(h);
    const phone = await signedInMember(h, members[2]!.id);
    const office = await signedInMember(h, members[2]!.id);
    const account = await office.get('/account');
    assert.equal(account.status, 200);
    const sessions = /<ul id="sessions">(.*?)<\/ul>/s.exec(account.html)![1]!;
    assert.equal(sessions.match(/<li>/g)?.length, 2, 'two sessions listed');
    assert.match(account.html, /（この端末）/);
    assert.match(sessions, /2026年11月24日 18:00 JST/, "in the department's zone, not UTC");
    const ended = await office.post('/account/sessions/end-others');
    assert.match(ended.html, /他の端末から 1 件サインアウトしました/);
    assert.ok(await signedIn(office), 'this one stays');
    assert.ok(!(await signedIn(phone)), 'the other one is over');
  });
});
