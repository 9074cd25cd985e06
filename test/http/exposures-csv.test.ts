import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';
import { readByPython } from '../support/python-csv.ts';

/** A department whose members all work in the office together (one team), from 2026-11-25. */
async function officeOfOne(h: Harness, name: string, language: 'ja' | 'en') {
  const dept = (await h.call('POST', '/v1/departments', { body: { name, language } })).json;
  const members = (
    await h.call('POST', `/v1/departments/${dept.id}/members`, {
      body: {
        members: [
          { name: '山田 太郎', email: `yamada@${language}.example.jp` },
          { name: 'Smith, "JJ" John', email: `smith@${language}.example.jp` },
          { name: '=1+2', email: `formula@${language}.example.jp` },
        ],
      },
    })
  ).json.members as { id: string }[];
  const rot = await h.call('POST', `/v1/departments/${dept.id}/rotations`, {
    body: {
      startDate: '2026-11-25',
      endDate: '2026-12-31',
      teamCount: 1,
      pattern: { kind: 'daily' },
      constraints: { keepLeadersApart: false },
    },
  });
  assert.equal(rot.status, 201, rot.text);
  await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, { headers: { 'if-match': '"1"' } });
  return { dept, members };
}

describe('GET /v1/exposures.csv: the health-centre list', () => {
  let h: Harness;
  let ja: Awaited<ReturnType<typeof officeOfOne>>;
  let en: Awaited<ReturnType<typeof officeOfOne>>;
  before(async () => {
    h = await harness(); // 2026-11-24, a Tuesday, in Tokyo
    ja = await officeOfOne(h, '情報政策課', 'ja');
    en = await officeOfOne(h, 'IT Division', 'en');
  });
  after(() => h.close());

  it('is UTF-8 with a BOM that Python reads back: one row per office day and person, headers in Japanese', async () => {
    const caseId = ja.members[0]!.id;
    const res = await h.app.request(
      `/v1/exposures.csv?memberId=${caseId}&from=2026-11-25&to=2026-11-27`,
      { headers: { authorization: `Bearer ${(await h.tokenFor('hr')).token}` } },
    );
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; filename="[^"]+\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for Excel');
    const rows = readByPython(bytes);
    assert.deepEqual(rows[0], ['日付', '氏名', '部署', 'メールアドレス']);
    const people = (date: string) => rows.filter((r) => r[0] === date).map((r) => r[1]);
    // Wednesday to Friday: three office days, with the two others each day (reading order).
    assert.deepEqual(
      [...new Set(rows.slice(1).map((r) => r[0]))],
      ['2026-11-25', '2026-11-26', '2026-11-27'],
    );
    for (const date of ['2026-11-25', '2026-11-26', '2026-11-27'])
      assert.deepEqual(people(date)!.sort(), ["'=1+2", 'Smith, "JJ" John'].sort(), date);
    assert.ok(
      rows.slice(1).every((r) => r.length === 4 && r[2] === '情報政策課' && r[3]!.includes('@')),
    );
    assert.ok(!rows.flat().includes('山田 太郎'), 'the case is not among the people listed');
  });

  it("speaks the department's language in its headers", async () => {
    const res = await h.call(
      'GET',
      `/v1/exposures.csv?memberId=${en.members[1]!.id}&from=2026-11-25&to=2026-11-25`,
    );
    const rows = readByPython(new TextEncoder().encode(res.text));
    assert.deepEqual(rows, [
      ['Date', 'Name', 'Department', 'E-mail'],
      ['2026-11-25', '=1+2'.replace(/^/, "'"), 'IT Division', 'formula@en.example.jp'],
      ['2026-11-25', '山田 太郎', 'IT Division', 'yamada@en.example.jp'],
    ]);
  });

  it('is recorded in the audit log when made, and a refused request records nothing', async () => {
    const count = async () =>
      ((await h.call('GET', '/v1/audit?from=2026-01-01')).json.entries as any[]).filter(
        (e) => e.action === 'exposure.list',
      );
    const before = (await count()).length;
    const ok = await h.call(
      'GET',
      `/v1/exposures.csv?memberId=${ja.members[1]!.id}&from=2026-11-25&to=2026-11-26`,
    );
    assert.equal(ok.status, 200);
    const made = await count();
    assert.equal(made.length, before + 1);
    const mine = made.filter((e) => e.subject.id === ja.members[1]!.id);
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0].summary, {
      form: 'csv',
      from: '2026-11-25',
      to: '2026-11-26',
      days: 2,
      people: 2,
    });
    for (const [path, status] of [
      ['/v1/exposures.csv', 400],
      ['/v1/exposures.csv?memberId=nobody', 404],
      [`/v1/exposures.csv?memberId=${ja.members[1]!.id}&from=2026-02-30`, 400],
      [`/v1/exposures.csv?memberId=${ja.members[1]!.id}&from=2026-11-30&to=2026-11-25`, 422],
    ] as const) {
      const r = await h.call('GET', path);
      assert.equal(r.status, status, `${path}: ${r.text}`);
      assert.equal(r.headers.get('content-type'), 'application/problem+json');
    }
    assert.equal((await count()).length, before + 1);
  });
});
