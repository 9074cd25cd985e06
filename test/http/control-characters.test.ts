import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

const CONTROLS = {
  NUL: '\u0000',
  BEL: '\u0007',
  TAB: '\t',
  LF: '\n',
  ESC: '\u001b',
  US: '\u001f',
  DEL: '\u007f',
};

describe('4. control characters are accepted in names and emitted raw in iCal text', () => {
  let h: Harness;
  let departmentId: string;
  let memberId: string;
  let teamId: string;
  before(async () => {
    h = await harness();
    const seeded = await seedDepartment(h);
    departmentId = seeded.department.id;
    memberId = seeded.members[0]!.id;
    teamId = (await seedPublishedRotation(h, departmentId)).teams[0].id;
  });
  after(() => h.close());

  for (const [name, ch] of Object.entries(CONTROLS)) {
    it(`refuses ${name} in every name, label and skill with 422 naming the field, and changes nothing`, async () => {
      const before = await h.rowCounts();
      const cases: [string, string, unknown, string, string?][] = [
        ['POST', '/v1/departments', { name: `情報${ch}政策課` }, '/name'],
        ['PATCH', `/v1/departments/${departmentId}`, { name: `課${ch}` }, '/name'],
        [
          'POST',
          `/v1/departments/${departmentId}/members`,
          { members: [{ name: `山田${ch}花子`, email: 'h@example.jp' }] },
          '/members/0/name',
        ],
        [
          'POST',
          `/v1/departments/${departmentId}/members`,
          `name,email\n"山田${ch}花子",h@example.jp\n`,
          '/members/0/name',
          'text/csv',
        ],
        ['PATCH', `/v1/members/${memberId}`, { skills: [`net${ch}work`] }, '/skills/0'],
        ['POST', '/v1/tokens', { role: 'hr', label: `人事${ch}` }, '/label'],
        [
          'POST',
          `/v1/departments/${departmentId}/rotations`,
          {
            name: `第1${ch}期`,
            startDate: '2027-03-01',
            endDate: '2027-03-31',
            teamCount: 2,
            pattern: { kind: 'daily' },
          },
          '/name',
        ],
      ];
      for (const [method, path, body, field, type] of cases) {
        const r = await h.call(method, path, { body, ...(type ? { type } : {}) });
        // A tab or newline may simply fail the CSV's own reading of the line; it is still refused.
        assert.equal(r.status, 422, `${method} ${path}: ${r.text}`);
        if (type && (ch === '\n' || ch === '\t')) continue;
        assert.ok(
          r.json.errors.some(
            (e: { path: string; message: string }) =>
              e.path === field && /control characters/.test(e.message),
          ),
          `${method} ${path} names ${field}: ${r.text}`,
        );
      }
      assert.deepEqual(await h.rowCounts(), before);
    });
  }

  it('a quarantine reason may span lines, but carries no other control character', async () => {
    const bad = await h.call('POST', '/v1/quarantines', {
      body: { teamId, startDate: '2027-01-11', reason: 'a\u0000b' },
    });
    assert.equal(bad.status, 422, bad.text);
    assert.equal(bad.json.errors[0].path, '/reason');
    const ok = await h.call('POST', '/v1/quarantines', {
      body: { teamId, startDate: '2027-01-11', reason: '発熱\r\n検査待ち\t(保健所連絡済)' },
    });
    assert.equal(ok.status, 201, ok.text);
  });
});
