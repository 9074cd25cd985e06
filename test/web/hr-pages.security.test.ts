import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

// Who visits: no session, staff, the department's chief, HR and admin.
const VISITORS = ['none', 'staff', 'chief', 'hr', 'admin'] as const;
type Visitor = (typeof VISITORS)[number];

interface Ctx {
  departmentId: string;
  rotationId: string;
  memberId: string;
  teamId: string;
  /** A quarantine of its own for each visit that may lift it. */
  freshQuarantine: () => Promise<string>;
}
interface Visit {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, string>;
}
interface Row {
  page: string;
  visit: (c: Ctx) => Promise<Visit> | Visit;
  /** Expected status for each visitor, in the order of VISITORS (303 with no session: to /signin). */
  expect: [number, number, number, number, number];
}

const mark = (c: Ctx) => ({
  subject: `team:${c.teamId}`,
  startDate: '2026-12-01',
  endDate: '2026-12-03',
  reason: '',
});

//                                                   none staff chief  hr  admin
const TABLE: Row[] = [
  {
    page: 'GET /quarantines',
    visit: () => ({ method: 'GET', path: '/quarantines?hfrom=2026-01-01' }),
    expect: [303, 403, 403, 200, 200],
  },
  {
    page: 'POST /quarantines/preview',
    visit: (c) => ({ method: 'POST', path: '/quarantines/preview', body: mark(c) }),
    expect: [303, 403, 403, 200, 200],
  },
  {
    page: 'POST /quarantines',
    visit: (c) => ({ method: 'POST', path: '/quarantines', body: mark(c) }),
    expect: [303, 403, 403, 303, 200], // admin: the same window again, already marked
  },
  {
    page: 'POST /quarantines/{id}/lift/preview',
    visit: async (c) => ({
      method: 'POST',
      path: `/quarantines/${await c.freshQuarantine()}/lift/preview`,
      body: { date: '2026-12-01' },
    }),
    expect: [303, 403, 403, 200, 200],
  },
  {
    page: 'POST /quarantines/{id}/lift',
    visit: async (c) => ({
      method: 'POST',
      path: `/quarantines/${await c.freshQuarantine()}/lift`,
      body: { date: '2026-12-01' },
    }),
    expect: [303, 403, 403, 303, 303],
  },
  {
    page: 'GET /exposures',
    visit: (c) => ({ method: 'GET', path: `/exposures?memberId=${c.memberId}` }),
    expect: [303, 403, 403, 200, 200],
  },
  {
    page: 'GET /exposures/list',
    visit: (c) => ({ method: 'GET', path: `/exposures/list?memberId=${c.memberId}` }),
    expect: [303, 403, 403, 200, 200],
  },
  {
    page: 'GET /exposures/list.csv',
    visit: (c) => ({ method: 'GET', path: `/exposures/list.csv?memberId=${c.memberId}` }),
    expect: [303, 403, 403, 200, 200],
  },
  // The department's pages: HR reads them (as the API lets it), only the chief and admin write.
  {
    page: 'GET /departments/{id}',
    visit: (c) => ({ method: 'GET', path: `/departments/${c.departmentId}` }),
    expect: [303, 403, 200, 200, 200],
  },
  {
    page: 'GET /rotations/{id}',
    visit: (c) => ({ method: 'GET', path: `/rotations/${c.rotationId}` }),
    expect: [303, 403, 200, 200, 200],
  },
  {
    page: 'GET /rotations/{id}/month',
    visit: (c) => ({ method: 'GET', path: `/rotations/${c.rotationId}/month?month=2026-12` }),
    expect: [303, 403, 200, 200, 200],
  },
  {
    page: 'GET /rotations/{id}/schedule.csv',
    visit: (c) => ({ method: 'GET', path: `/rotations/${c.rotationId}/schedule.csv` }),
    expect: [303, 403, 200, 200, 200],
  },
  {
    page: 'GET /departments/{id}/members.csv',
    visit: (c) => ({ method: 'GET', path: `/departments/${c.departmentId}/members.csv` }),
    expect: [303, 403, 200, 200, 200],
  },
  {
    page: 'GET /departments/{id}/rotations/new',
    visit: (c) => ({ method: 'GET', path: `/departments/${c.departmentId}/rotations/new` }),
    expect: [303, 403, 200, 403, 200],
  },
  {
    page: 'POST /departments/{id}/rotations/new',
    visit: (c) => ({ method: 'POST', path: `/departments/${c.departmentId}/rotations/new` }),
    expect: [303, 403, 422, 403, 422],
  },
  {
    page: 'POST /departments/{id}/members',
    visit: (c) => ({ method: 'POST', path: `/departments/${c.departmentId}/members` }),
    expect: [303, 403, 422, 403, 422],
  },
  {
    page: 'POST /departments/{id}/roster',
    visit: (c) => ({ method: 'POST', path: `/departments/${c.departmentId}/roster` }),
    expect: [303, 403, 422, 403, 422],
  },
  {
    page: 'POST /rotations/{id}/publish',
    visit: (c) => ({ method: 'POST', path: `/rotations/${c.rotationId}/publish` }),
    expect: [303, 403, 412, 403, 412],
  },
  {
    page: 'POST /rotations/{id}/moves',
    visit: (c) => ({ method: 'POST', path: `/rotations/${c.rotationId}/moves` }),
    expect: [303, 403, 422, 403, 422],
  },
  {
    page: 'GET /members/{id}',
    visit: (c) => ({ method: 'GET', path: `/members/${c.memberId}` }),
    expect: [303, 403, 200, 403, 200],
  },
];

describe("HR's pages and the department's: each role × each page (a refused visit writes nothing)", () => {
  let h: Harness;
  let ctx: Ctx;
  const clients = new Map<Visitor, ReturnType<typeof webClient>>();
  const homes = new Map<Visitor, string>();
  before(async () => {
    h = await harness();
    const { department, members } = await seedDepartment(h);
    const rot = await h.call('POST', `/v1/departments/${department.id}/rotations`, {
      body: {
        startDate: '2026-11-25',
        endDate: '2027-01-29',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, {
      headers: { 'if-match': '"1"' },
    });
    const teams = rot.json.teams as { id: string }[];
    let k = 0;
    ctx = {
      departmentId: department.id,
      rotationId: rot.json.id,
      memberId: members[0]!.id,
      teamId: teams[0]!.id,
      // Each on a window of its own, so that marking again is never "already marked".
      freshQuarantine: async () => {
        const start = `2027-01-${String(5 + 2 * k++).padStart(2, '0')}`;
        const q = await h.call('POST', '/v1/quarantines', {
          body: { teamId: teams[1]!.id, startDate: '2026-11-30', endDate: start },
        });
        assert.ok(q.status === 201, q.text);
        return q.json.id;
      },
    };
    const tokens: Record<Exclude<Visitor, 'none'>, string> = {
      staff: (await h.tokenFor('staff', { memberId: members[1]!.id })).token,
      chief: (await h.tokenFor('chief', { departmentId: department.id })).token,
      hr: (await h.tokenFor('hr')).token,
      admin: (await h.tokenFor('admin')).token,
    };
    homes.set('none', '/signin');
    homes.set('staff', '/me');
    homes.set('chief', `/departments/${department.id}`);
    homes.set('hr', '/quarantines');
    homes.set('admin', '/departments');
    for (const v of VISITORS) {
      const w = webClient(h);
      if (v !== 'none') await w.signIn(tokens[v]);
      clients.set(v, w);
    }
  });
  after(() => h.close());

  for (const row of TABLE) {
    it(`${row.page}: ${VISITORS.map((v, i) => `${v} ${row.expect[i]}`).join(', ')}`, async () => {
      const got: number[] = [];
      for (const v of VISITORS) {
        const w = clients.get(v)!;
        const visit = await row.visit(ctx);
        await w.get(homes.get(v)!); // the form token of a page this visitor may see
        const before = await h.rowCounts();
        const res =
          visit.method === 'GET' ? await w.get(visit.path) : await w.post(visit.path, visit.body);
        got.push(res.status);
        if (v === 'none') assert.equal(res.location, '/signin', `${v}: to the sign-in page`);
        if (res.status === 403 || v === 'none')
          assert.deepEqual(await h.rowCounts(), before, `${v}: a refused visit writes nothing`);
      }
      assert.deepEqual(got, row.expect);
    });
  }
});
