import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

// Values near the valid ones, so the fuzzer reaches deep into validation, not only the type check.
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    'Asia/Tokyo',
    'Mars/Base',
    '08:30',
    '25:00',
    '2026-02-30',
    '2026-11-24',
    'a@b.jp',
    'chief',
    'staff',
    'thin-client',
    'jp',
    'admin',
    'hr',
    'chief',
  ),
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('start', 'end', 'name', 'email'), scalar, { maxKeys: 3 }),
);
const fieldNames = [
  'name',
  'timezone',
  'officeHours',
  'workdays',
  'holidays',
  'closedDates',
  'language',
  'email',
  'skills',
  'position',
  'remoteAccess',
  'active',
  'role',
  'label',
  'departmentId',
  'memberId',
  'members',
  'thinClientSeats',
  'loanPcs',
  'reservations',
  'extra',
];
const nearObject = fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 6 });
const membersBody = fc.record({ members: fc.array(fc.oneof(nearObject, value), { maxLength: 4 }) });
const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  nearObject.map((v) => JSON.stringify(v)),
  membersBody.map((v) => JSON.stringify(v)),
  fc.string(),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/csv',
  'text/plain',
  'application/problem+json',
  '',
);

describe('random bodies to every write endpoint', () => {
  let h: Harness;
  let targets: { method: string; path: string }[];
  before(async () => {
    h = await harness();
    const seed = await seedDepartment(h);
    targets = [
      { method: 'POST', path: '/v1/departments' },
      { method: 'PATCH', path: `/v1/departments/${seed.department.id}` },
      { method: 'POST', path: `/v1/departments/${seed.department.id}/members` },
      { method: 'PATCH', path: `/v1/members/${seed.members[1]!.id}` },
      { method: 'DELETE', path: `/v1/members/${seed.members[2]!.id}` },
      { method: 'POST', path: '/v1/tokens' },
      { method: 'DELETE', path: '/v1/tokens/unknown' },
      { method: 'PATCH', path: '/v1/settings' },
    ];
  });
  after(() => h.close());

  it('never answer 5xx, and a refused request never changes a row count', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), anyBody, contentType, async (pick, body, type) => {
        const t = targets[pick % targets.length]!;
        const before = await h.rowCounts();
        const r = await h.call(t.method, t.path, { body, type });
        assert.ok(r.status < 500, `${t.method} ${t.path} ${type} ${body} → ${r.status} ${r.text}`);
        if (r.status >= 400) {
          assert.equal(r.headers.get('content-type'), 'application/problem+json');
          assert.deepEqual(
            await h.rowCounts(),
            before,
            `${t.method} ${t.path} ${body} changed rows`,
          );
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('random CSV rosters never answer 5xx and are all-or-nothing', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('a@b.jp', 'x@y.jp', 'network;payroll', 'chief', 'loan-pc', '"q,uoted"', ''),
    );
    const header = fc.shuffledSubarray(
      ['name', 'email', 'skills', 'position', 'remoteAccess', 'bogus'],
      { minLength: 1 },
    );
    const csv = fc.tuple(header, fc.constantFrom('\n', '\r\n')).chain(([cols, eol]) =>
      fc
        .array(fc.array(cell, { minLength: cols.length, maxLength: cols.length + 1 }), {
          maxLength: 5,
        })
        .map((rows) => [cols.join(','), ...rows.map((r) => r.join(','))].join(eol)),
    );
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const before = await h.rowCounts();
        const r = await h.call('POST', targets[2]!.path, { body: text, type: 'text/csv' });
        assert.ok(r.status < 500, `${text} → ${r.status} ${r.text}`);
        const after = await h.rowCounts();
        if (r.status >= 400) assert.deepEqual(after, before);
        else assert.equal(after.members! - before.members!, r.json.members.length);
      }),
      { numRuns: 700 },
    );
  });
});
