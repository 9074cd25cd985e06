import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const byEmail = (ms: any[]) =>
  Object.fromEntries(ms.map((m) => [m.email, [m.name, m.skills, m.position, m.active]]));

describe('roster sync', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  const members = async (deptId: string) => {
    const r = await h.call('GET', `/v1/departments/${deptId}/members`);
    return { list: r.json.members as any[], etag: r.headers.get('etag')! };
  };
  const sync = (deptId: string, body: unknown, q = '', headers: Record<string, string> = {}) =>
    h.call('POST', `/v1/departments/${deptId}/roster${q}`, {
      body,
      headers,
      ...(typeof body === 'string' || body instanceof Uint8Array ? { type: 'text/csv' } : {}),
    });

  it('previews the plan (added, changed, deactivated, unchanged) and writes nothing', async () => {
    const { department } = await seedDepartment(h, 'preview');
    const before = await members(department.id);
    const counts = await h.rowCounts();
    const csv = [
      '氏名,メールアドレス,スキル,役職',
      '山田 太郎,YAMADA@example.jp,network、budget,課長',
      '佐藤 花子,sato@example.jp,payroll,課長補佐',
      '高橋 一,takahashi@example.jp,,係員',
    ].join('\r\n');
    const r = await sync(department.id, csv, '?preview=true');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.applied, false);
    assert.deepEqual(
      r.json.added.map((a: any) => [a.id, a.name, a.email, a.skills, a.position]),
      [[null, '高橋 一', 'takahashi@example.jp', [], 'staff']],
    );
    assert.deepEqual(
      r.json.updated.map((u: any) => [u.email, u.changes]),
      [
        [
          'yamada@example.jp',
          {
            email: { from: 'yamada@example.jp', to: 'YAMADA@example.jp' },
            skills: { from: ['network'], to: ['network', 'budget'] },
          },
        ],
      ],
    );
    assert.deepEqual(
      r.json.deactivated.map((d: any) => d.email),
      ['suzuki@example.jp'],
    );
    assert.equal(r.json.unchanged, 1);
    assert.equal(r.json.version, Number(JSON.parse(before.etag)));
    assert.deepEqual(await h.rowCounts(), counts, 'a preview writes nothing');
    assert.deepEqual((await members(department.id)).list, before.list);
  });

  it('applies the same plan in one step with If-Match, audited, and moves the ETag', async () => {
    const { department } = await seedDepartment(h, 'apply');
    const { etag } = await members(department.id);
    const body = {
      members: [
        { name: '山田 太郎', email: 'yamada@example.jp', skills: ['network', 'budget'] },
        { name: '佐藤 花子', email: 'sato@example.jp' },
        { name: '高橋 一', email: 'takahashi@example.jp' },
      ],
    };
    const preview = await sync(department.id, body, '?preview=true');
    const applied = await sync(department.id, body, '', { 'if-match': etag });
    assert.equal(applied.status, 200, applied.text);
    assert.equal(applied.json.applied, true);
    const strip = (x: any) => ({
      ...x,
      applied: null,
      version: null,
      added: x.added.map((a: any) => ({ ...a, id: null })),
    });
    assert.deepEqual(strip(applied.json), strip(preview.json), 'the preview is what was done');
    assert.equal(applied.json.added[0].id.length > 0, true);
    const after = await members(department.id);
    assert.notEqual(after.etag, etag);
    assert.equal(applied.headers.get('etag'), after.etag);
    assert.deepEqual(byEmail(after.list), {
      'yamada@example.jp': ['山田 太郎', ['network', 'budget'], 'chief', true],
      'sato@example.jp': ['佐藤 花子', ['payroll'], 'deputy', true],
      'suzuki@example.jp': ['Suzuki Ken', [], 'staff', false],
      'takahashi@example.jp': ['高橋 一', [], 'staff', true],
    });
    const audit = await h.call('GET', '/v1/audit');
    const entry = audit.json.entries.find(
      (e: any) => e.subject.id === department.id && e.action === 'roster.sync',
    );
    assert.equal(entry.action, 'roster.sync');
    assert.deepEqual(entry.summary.deactivated, [
      (await members(department.id)).list.find((m) => m.email === 'suzuki@example.jp').id,
    ]);
  });

  it('refuses to apply without If-Match (428) or with a stale one (412), changing nothing', async () => {
    const { department } = await seedDepartment(h, 'stale');
    const body = { members: [{ name: '山田 太郎', email: 'yamada@example.jp' }] };
    const counts = await h.rowCounts();
    assert.equal((await sync(department.id, body)).status, 428);
    const { etag } = await members(department.id);
    const stale = `"${Number(JSON.parse(etag)) - 1}"`;
    const r = await sync(department.id, body, '', { 'if-match': stale });
    assert.equal(r.status, 412, r.text);
    assert.deepEqual(await h.rowCounts(), counts);
  });

  it('lets exactly one of two syncs based on the same version through', async () => {
    const { department } = await seedDepartment(h, 'race');
    const { etag } = await members(department.id);
    const one = { members: [{ name: 'A', email: 'a@example.jp' }] };
    const two = { members: [{ name: 'B', email: 'b@example.jp' }] };
    const answers = await Promise.all([
      sync(department.id, one, '', { 'if-match': etag }),
      sync(department.id, two, '', { 'if-match': etag }),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 412]);
    const won = answers.find((a) => a.status === 200)!.json.added[0].email;
    const active = (await members(department.id)).list.filter((m) => m.active);
    assert.deepEqual(
      active.map((m) => m.email),
      [won],
    );
  });

  it('exports members.csv (UTF-8 BOM, CRLF, Japanese headers and values) that syncs back to no change', async () => {
    const { department } = await seedDepartment(h, 'export');
    const tricky = {
      members: [
        { name: '=HYPERLINK("x")', email: 'formula@example.jp', kana: 'イコール' },
        {
          name: 'Nakamura, "Aiko"',
          email: 'nakamura@example.jp',
          skills: ['経理', 'ネットワーク'],
        },
      ],
    };
    assert.equal(
      (await h.call('POST', `/v1/departments/${department.id}/members`, { body: tricky })).status,
      201,
    );
    const res = await h.app.request(`/v1/departments/${department.id}/members.csv`, {
      headers: {
        authorization: `Bearer ${process.env.X ?? 'env-admin-secret-for-tests-0123456789'}`,
      },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so Excel reads UTF-8');
    const text = new TextDecoder().decode(bytes);
    assert.equal(
      text.split('\r\n')[0],
      '氏名,フリガナ,メールアドレス,スキル,役職,在宅勤務環境,SlackユーザーID',
    );
    assert.ok(text.includes(',yamada@example.jp,network,課長,貸出PC,\r\n'), text);
    assert.ok(text.includes(`"'=HYPERLINK(""x"")"`), 'a formula is guarded, quoted');
    const { etag } = await members(department.id);
    const preview = await sync(department.id, bytes, '?preview=true');
    assert.equal(preview.status, 200, preview.text);
    assert.deepEqual(
      [preview.json.added, preview.json.updated, preview.json.deactivated, preview.json.unchanged],
      [[], [], [], 5],
    );
    const applied = await sync(department.id, bytes, '', { 'if-match': etag });
    assert.equal(applied.status, 200, applied.text);
    assert.equal(
      (await members(department.id)).etag,
      etag,
      'nothing changed, not even the version',
    );
  });

  it('reads a CP932 roster as Excel saves it; a column the file lacks leaves its field as it is', async () => {
    const dept = await h.call('POST', '/v1/departments', { body: { name: 'cp932' } });
    const first = await sync(dept.json.id, fixture('roster-cp932.csv'), '', { 'if-match': '"0"' });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.added.length, 4);
    const { etag } = await members(dept.json.id);
    // Names and e-mails only: skills, positions and remote access stay as they are.
    const again = await sync(
      dept.json.id,
      '氏名,メールアドレス\r\n髙橋　①郎,takahashi@example.jp\r\n佐藤 ⅰ子,Sato@Example.JP\r\n鈴木 一郎,suzuki@example.jp\r\n田中 花子,tanaka@example.jp\r\n',
      '?preview=true',
      { 'if-match': etag },
    );
    assert.deepEqual([again.json.updated, again.json.unchanged], [[], 4]);
  });
});

describe('leavers', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('takes a leaver out of their team from the effective date, ends their feeds and tokens, and says which constraint breaks', async () => {
    const dept = await h.call('POST', '/v1/departments', { body: { name: 'leavers' } });
    const id = dept.json.id;
    const people = [
      { name: 'N1', email: 'n1@example.jp', skills: ['network'] },
      { name: 'N2', email: 'n2@example.jp', skills: ['network'] },
      { name: 'S1', email: 's1@example.jp' },
      { name: 'S2', email: 's2@example.jp' },
    ];
    const added = await h.call('POST', `/v1/departments/${id}/members`, {
      body: { members: people },
    });
    const ids = Object.fromEntries(added.json.members.map((m: any) => [m.email, m.id]));
    const rot = await seedPublishedRotation(h, id, {
      constraints: { requiredSkills: [{ skill: 'network', min: 1 }] },
    });
    const teamOf = (memberId: string) => rot.teams.find((t: any) => t.memberIds.includes(memberId));
    const leaverTeam = teamOf(ids['n1@example.jp']);
    const staff = await h.tokenFor('staff', { departmentId: id, memberId: ids['n1@example.jp'] });
    const feed = await h.call('POST', '/v1/feeds', {
      token: staff.token,
      body: { scope: 'member', id: ids['n1@example.jp'] },
    });
    assert.equal(feed.status, 201, feed.text);
    assert.equal((await h.app.request(`/feeds/${feed.json.token}.ics`)).status, 200);

    const q = '?effectiveDate=2027-01-18';
    const preview = await h.call('DELETE', `/v1/members/${ids['n1@example.jp']}${q}&preview=true`);
    assert.equal(preview.status, 200, preview.text);
    assert.deepEqual(preview.json.effects.leaves, [
      {
        memberId: ids['n1@example.jp'],
        name: 'N1',
        rotationId: rot.id,
        rotationName: rot.name,
        teamId: leaverTeam.id,
        teamLabel: leaverTeam.label,
        fromDate: '2027-01-18',
      },
    ]);
    assert.deepEqual(
      preview.json.effects.broken.map((b: any) => [b.code, b.teamLabel, b.skill, b.holders, b.min]),
      [['required-skill', leaverTeam.label, 'network', 0, 1]],
    );
    assert.equal((await h.app.request(`/feeds/${feed.json.token}.ics`)).status, 200, 'preview');

    const done = await h.call('DELETE', `/v1/members/${ids['n1@example.jp']}${q}`);
    assert.equal(done.status, 200, done.text);
    assert.equal(done.json.active, false);
    assert.deepEqual(done.json.effects, preview.json.effects);
    assert.equal((await h.app.request(`/feeds/${feed.json.token}.ics`)).status, 404);
    assert.equal(
      (await h.call('GET', `/v1/members/${ids['n1@example.jp']}`, { token: staff.token })).status,
      401,
    );
    const schedule = async (date: string) =>
      (await h.call('GET', `/v1/rotations/${rot.id}`)).json.memberships.filter(
        (m: any) =>
          m.memberId === ids['n1@example.jp'] && m.fromDate <= date && (m.toDate ?? '9') >= date,
      );
    assert.equal((await schedule('2027-01-15')).length, 1, 'history before the date stays');
    assert.equal((await schedule('2027-01-18')).length, 0, 'out of the team from the date');
  });
});
