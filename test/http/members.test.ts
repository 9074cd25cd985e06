import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const fixtureBytes = (name: string) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

describe('members', () => {
  let h: Harness;
  let deptId: string;
  before(async () => {
    h = await harness();
    deptId = (await h.call('POST', '/v1/departments', { body: { name: '情報政策課' } })).json.id;
  });
  after(() => h.close());

  it('imports a CSV roster exported from a spreadsheet, skills split on ;', async () => {
    const r = await h.call('POST', `/v1/departments/${deptId}/members`, {
      body: fixture('roster.csv'),
      type: 'text/csv',
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.members.length, 8);
    const yamada = r.json.members.find((m: any) => m.email === 'yamada@example.jp');
    assert.deepEqual(
      {
        name: yamada.name,
        skills: yamada.skills,
        position: yamada.position,
        remoteAccess: yamada.remoteAccess,
        active: yamada.active,
      },
      {
        name: '山田 太郎',
        skills: ['network', 'security'],
        position: 'chief',
        remoteAccess: 'company-pc',
        active: true,
      },
    );
    assert.ok(
      r.json.members.some((m: any) => m.name === 'Nakamura, Aiko'),
      'a quoted comma stays in the name',
    );
    const list = await h.call('GET', `/v1/departments/${deptId}/members`);
    assert.equal(list.json.members.length, 8);
  });

  it('reads a UTF-8 CSV with a BOM and CRLF line ends, empty cells taking the defaults', async () => {
    const bytes = fixtureBytes('roster-bom-crlf.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const res = await h.app.request(`/v1/departments/${deptId}/members`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(await h.tokenFor('admin')).token}`,
        'content-type': 'text/csv; charset=utf-8',
      },
      body: bytes,
    });
    const json: any = await res.json();
    assert.equal(res.status, 201, JSON.stringify(json));
    const kato = json.members.find((m: any) => m.email === 'kato@example.jp');
    assert.deepEqual(
      [kato.name, kato.skills, kato.position, kato.remoteAccess],
      ['加藤 優', [], 'staff', 'company-pc'],
    );
    assert.equal(
      json.members[0].name,
      '小林 誠',
      'the BOM does not leak into the first header or cell',
    );
  });

  it('reads a Shift_JIS CSV (Excel\'s default "CSV" in Japan) as its names, not garbled', async () => {
    const admin = (await h.tokenFor('admin')).token;
    // name,email / 山田 太郎,yamada-sjis@example.jp in Shift_JIS: 山 = 8e 52, 田 = 93 63, 太 = 91 be, 郎 = 98 59.
    const sjis = Buffer.concat([
      Buffer.from('name,email\n'),
      Buffer.from([0x8e, 0x52, 0x93, 0x63, 0x20, 0x91, 0xbe, 0x98, 0x59]),
      Buffer.from(',yamada-sjis@example.jp\n'),
    ]);
    const res = await h.app.request(`/v1/departments/${deptId}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: sjis,
    });
    const json: any = await res.json();
    assert.equal(res.status, 201, JSON.stringify(json));
    assert.deepEqual(
      json.members.map((m: { name: string; email: string }) => [m.name, m.email]),
      [['山田 太郎', 'yamada-sjis@example.jp']],
    );
  });

  it('refuses a file that is neither UTF-8 nor Shift_JIS with one clear message, and stores nothing', async () => {
    const admin = (await h.tokenFor('admin')).token;
    const before = await h.rowCounts();
    const res = await h.app.request(`/v1/departments/${deptId}/members`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: Buffer.concat([Buffer.from('name,email\n'), Buffer.from([0xff, 0xfe, 0x80, 0xa0])]),
    });
    const json: any = await res.json();
    assert.equal(res.status, 422, JSON.stringify(json));
    assert.deepEqual(json.errors, [
      {
        path: '',
        message:
          'the file is neither UTF-8 nor Shift_JIS (CP932); save it from Excel as "CSV (comma delimited)" or "CSV UTF-8"',
        code: 'csv-encoding',
        params: {},
      },
    ]);
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('refuses a CSV with bad rows as a whole, naming each row by line and field', async () => {
    const before = await h.rowCounts();
    const r = await h.call('POST', `/v1/departments/${deptId}/members`, {
      body: fixture('roster-bad.csv'),
      type: 'text/csv',
    });
    assert.equal(r.status, 422);
    const got = r.json.errors.map((e: any) => `${e.line} ${e.path}`).sort();
    assert.deepEqual(got, ['3 /members/1/name', '4 /members/2/email', '5 /members/3/position']);
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('refuses a CSV with an unknown column or without an email column', async () => {
    const r1 = await h.call('POST', `/v1/departments/${deptId}/members`, {
      body: 'name,mail\nA,a@example.jp\n',
      type: 'text/csv',
    });
    assert.equal(r1.status, 422);
    assert.deepEqual(r1.json.errors.map((e: any) => e.path).sort(), ['/header', '/header/1']);
    const r2 = await h.call('POST', `/v1/departments/${deptId}/members`, {
      body: 'name,email\n"A,a@example.jp\n',
      type: 'text/csv',
    });
    assert.equal(r2.status, 422);
    assert.match(r2.json.errors[0].message, /not valid CSV/);
  });

  it('refuses e-mails already in the department (any case) with 409, adding none of the batch', async () => {
    const before = await h.rowCounts();
    const r = await h.call('POST', `/v1/departments/${deptId}/members`, {
      body: {
        members: [
          { name: 'New', email: 'new@example.jp' },
          { name: 'Again', email: 'YAMADA@example.jp' },
        ],
      },
    });
    assert.equal(r.status, 409);
    assert.deepEqual(
      r.json.errors.map((e: any) => e.path),
      ['/members/1/email'],
    );
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('refuses the same e-mail twice in one request with 422', async () => {
    const r = await h.call('POST', `/v1/departments/${deptId}/members`, {
      body: {
        members: [
          { name: 'A', email: 'twin@example.jp' },
          { name: 'B', email: 'Twin@example.jp' },
        ],
      },
    });
    assert.equal(r.status, 422);
    assert.deepEqual(
      r.json.errors.map((e: any) => e.path),
      ['/members/1/email'],
    );
  });

  it('lets the same e-mail exist in two departments', async () => {
    const other = await seedDepartment(h, '財政課');
    assert.ok(other.members.some((m) => m.email === 'yamada@example.jp'));
  });

  it('updates a member and deactivates one, keeping the row (history stays)', async () => {
    const list = await h.call('GET', `/v1/departments/${deptId}/members`);
    const m = list.json.members.find((x: any) => x.email === 'suzuki@example.jp');
    const u = await h.call('PATCH', `/v1/members/${m.id}`, {
      body: { skills: ['network', 'payroll'], remoteAccess: 'loan-pc' },
    });
    assert.equal(u.status, 200);
    assert.deepEqual([u.json.skills, u.json.remoteAccess], [['network', 'payroll'], 'loan-pc']);
    const d = await h.call('DELETE', `/v1/members/${m.id}`);
    assert.equal(d.status, 200);
    assert.equal(d.json.active, false);
    const active = await h.call('GET', `/v1/departments/${deptId}/members?active=true`);
    assert.ok(!active.json.members.some((x: any) => x.id === m.id));
    const inactive = await h.call('GET', `/v1/departments/${deptId}/members?active=false`);
    assert.deepEqual(
      inactive.json.members.map((x: any) => x.id),
      [m.id],
    );
    const audit = await h.call('GET', '/v1/audit');
    assert.ok(
      audit.json.entries.some(
        (e: any) => e.action === 'member.deactivate' && e.subject.id === m.id,
      ),
    );
  });

  it('refuses to change an e-mail to one another member has', async () => {
    const list = await h.call('GET', `/v1/departments/${deptId}/members`);
    const m = list.json.members.find((x: any) => x.email === 'sato@example.jp');
    const r = await h.call('PATCH', `/v1/members/${m.id}`, {
      body: { email: 'Yamada@example.jp' },
    });
    assert.equal(r.status, 409);
    assert.deepEqual(
      r.json.errors.map((e: any) => e.path),
      ['/email'],
    );
  });

  it('refuses ?active=maybe with 400 naming the parameter', async () => {
    const r = await h.call('GET', `/v1/departments/${deptId}/members?active=maybe`);
    assert.equal(r.status, 400);
    assert.equal(r.json.errors[0].path, '?active');
  });
});
