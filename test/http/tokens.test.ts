import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashSecret } from '../../src/app/secrets.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

describe('tokens', () => {
  let h: Harness;
  let seed: Awaited<ReturnType<typeof seedDepartment>>;
  before(async () => {
    h = await harness();
    seed = await seedDepartment(h);
  });
  after(() => h.close());

  it('issues a token of at least 128 random bits, shown once and stored only as a hash', async () => {
    const r = await h.call('POST', '/v1/tokens', { body: { role: 'hr', label: 'HR desk' } });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const secret: string = r.json.token;
    assert.match(secret, /^bsn_[A-Za-z0-9_-]{43}$/, '32 random bytes = 256 bits');
    const row = await h.db
      .selectFrom('tokens')
      .selectAll()
      .where('id', '=', r.json.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.token_hash, await hashSecret(secret));
    assert.ok(!JSON.stringify(row).includes(secret));
    const list = await h.call('GET', '/v1/tokens');
    assert.ok(!list.text.includes(secret) && !list.text.includes(row.token_hash));
    const used = await h.call('GET', '/v1/departments', { token: secret });
    assert.equal(used.status, 200);
  });

  it('never issues the same secret twice', async () => {
    const secrets = new Set<string>();
    for (let i = 0; i < 20; i++) secrets.add((await h.tokenFor('hr')).token);
    assert.equal(secrets.size, 20);
  });

  it('scopes a chief to a department and a staff member to themselves', async () => {
    const chief = await h.call('POST', '/v1/tokens', {
      body: { role: 'chief', label: '課長', departmentId: seed.department.id },
    });
    assert.equal(chief.status, 201);
    assert.equal(chief.json.departmentId, seed.department.id);
    const staff = await h.call('POST', '/v1/tokens', {
      body: { role: 'staff', label: 'me', memberId: seed.members[0]!.id },
    });
    assert.equal(staff.status, 201);
    assert.deepEqual(
      [staff.json.memberId, staff.json.departmentId],
      [seed.members[0]!.id, seed.department.id],
    );
  });

  const badScopes: [string, unknown, string][] = [
    ['a chief without a department', { role: 'chief', label: 'x' }, '/departmentId'],
    ['a staff token without a member', { role: 'staff', label: 'x' }, '/memberId'],
    [
      'an hr token with a department',
      { role: 'hr', label: 'x', departmentId: 'd' },
      '/departmentId',
    ],
    [
      'a chief of an unknown department',
      { role: 'chief', label: 'x', departmentId: 'nope' },
      '/departmentId',
    ],
    [
      'a staff token of an unknown member',
      { role: 'staff', label: 'x', memberId: 'nope' },
      '/memberId',
    ],
    ['an unknown role', { role: 'boss', label: 'x' }, '/role'],
  ];
  for (const [what, body, path] of badScopes) {
    it(`refuses ${what} with 422 naming ${path}`, async () => {
      const before = await h.rowCounts();
      const r = await h.call('POST', '/v1/tokens', { body });
      assert.equal(r.status, 422);
      assert.ok(
        r.json.errors.some((e: any) => e.path === path),
        JSON.stringify(r.json),
      );
      assert.deepEqual(await h.rowCounts(), before);
    });
  }

  it('revokes a token: from then on it gets 401, and revoking again changes nothing', async () => {
    const t = await h.tokenFor('hr');
    assert.equal((await h.call('GET', '/v1/departments', { token: t.token })).status, 200);
    const r = await h.call('DELETE', `/v1/tokens/${t.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.revokedAt, '2026-11-24T09:00:00.000Z');
    assert.equal((await h.call('GET', '/v1/departments', { token: t.token })).status, 401);
    const before = await h.rowCounts();
    assert.equal((await h.call('DELETE', `/v1/tokens/${t.id}`)).status, 200);
    assert.deepEqual(await h.rowCounts(), before);
    assert.equal((await h.call('DELETE', '/v1/tokens/nope')).status, 404);
  });

  it('revokes a staff token when its member is deactivated (coming back does not revive it), and issues none for a deactivated member', async () => {
    const leaver = seed.members[2]!.id;
    const t = await h.tokenFor('staff', { memberId: leaver });
    assert.equal(
      (await h.call('GET', `/v1/members/${leaver}/schedule`, { token: t.token })).status,
      200,
    );
    assert.equal((await h.call('DELETE', `/v1/members/${leaver}`)).status, 200);
    assert.equal(
      (await h.call('GET', `/v1/members/${leaver}/schedule`, { token: t.token })).status,
      401,
    );
    assert.equal(
      (await h.call('POST', '/v1/feeds', { token: t.token, body: { scope: 'member', id: leaver } }))
        .status,
      401,
    );
    const again = await h.call('POST', '/v1/tokens', {
      body: { role: 'staff', memberId: leaver, label: 'again' },
    });
    assert.equal(again.status, 422);
    assert.deepEqual(again.json.errors, [
      { path: '/memberId', message: 'is deactivated', code: 'member-deactivated', params: {} },
    ]);
    // Deactivation revoked the token: coming back does not bring it back; a new one works.
    assert.equal(
      (await h.call('PATCH', `/v1/members/${leaver}`, { body: { active: true } })).status,
      200,
    );
    assert.equal(
      (await h.call('GET', `/v1/members/${leaver}/schedule`, { token: t.token })).status,
      401,
    );
    const fresh = await h.call('POST', '/v1/tokens', {
      body: { role: 'staff', memberId: leaver, label: 'back' },
    });
    assert.equal(fresh.status, 201);
    assert.equal(
      (await h.call('GET', `/v1/members/${leaver}/schedule`, { token: fresh.json.token })).status,
      200,
    );
  });

  it('accepts BUNSAN_ADMIN_TOKEN as admin and audits it under its own name', async () => {
    const r = await h.call('POST', '/v1/departments', { body: { name: 'audited' } });
    const audit = await h.call('GET', '/v1/audit');
    const e = audit.json.entries.find((x: any) => x.subject.id === r.json.id);
    assert.deepEqual(e.actor, { tokenId: 'env:BUNSAN_ADMIN_TOKEN', role: 'admin' });
  });

  it('never writes a token secret into the audit log', async () => {
    const r = await h.call('POST', '/v1/tokens', { body: { role: 'hr', label: 'secret check' } });
    const rows = await h.db.selectFrom('audit_log').selectAll().execute();
    assert.ok(!JSON.stringify(rows).includes(r.json.token));
    assert.ok(rows.some((x) => x.action === 'token.issue' && x.subject_id === r.json.id));
  });
});
