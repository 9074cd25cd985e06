import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertOutboxQueries } from '../../src/db/repos/outbox.ts';
import { OPERATIONS } from '../../src/contract/operations.ts';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';

// Who calls: no token, a revoked token, and each role (chiefs and staff in and out of scope).
const CALLERS = [
  'none',
  'revoked',
  'admin',
  'hr',
  'chiefOwn',
  'chiefOther',
  'staffSelf',
  'staffOther',
] as const;
type Caller = (typeof CALLERS)[number];

interface Ctx {
  deptId: string;
  selfId: string;
  rotationId: string;
  feedToken: string;
  fresh: {
    feedId: () => Promise<string>;
    failedOutboxId: () => Promise<string>;
    quarantineId: () => Promise<string>;
    memberId: () => Promise<string>;
    tokenId: () => Promise<string>;
    invitationId: () => Promise<string>;
    personId: () => Promise<string>;
    email: () => string;
    rotationId: () => Promise<string>;
    publishedRotationId: () => Promise<string>;
    override: () => Promise<{ rotationId: string; overrideId: string }>;
  };
}
interface Req {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Row {
  op: string;
  request: (ctx: Ctx) => Promise<Req> | Req;
  /** Expected status for each caller, in the order of CALLERS. */
  expect: [number, number, number, number, number, number, number, number];
}

//                                                                  none revoked admin  hr  chiefOwn chiefOther staffSelf staffOther
// Each fresh rotation gets a month of its own, so that publishing never overlaps another.
let rotationMonth = 0;
const monthOf = (k: number) =>
  `${2027 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
/** The first weekday from the 24th of a month (no Japanese holiday falls on the 24th to 26th). */
const weekdayIn = (month: string): string => {
  for (let d = 24; ; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    if (new Date(`${date}T00:00:00Z`).getUTCDay() % 6 !== 0) return date;
  }
};
const ROTATION = {
  startDate: '2026-12-01',
  endDate: '2026-12-31',
  teamCount: 2,
  pattern: { kind: 'daily' },
};

const TABLE: Row[] = [
  {
    op: 'GET /healthz',
    request: () => ({ path: '/healthz' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    op: 'GET /openapi.json',
    request: () => ({ path: '/openapi.json' }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    // Authenticated by Slack's signature only: a bearer token, whoever's, is not one.
    op: 'POST /slack/commands',
    request: () => ({
      path: '/slack/commands',
      body: 'user_id=U0&text=help',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
    expect: [401, 401, 401, 401, 401, 401, 401, 401],
  },
  {
    op: 'POST /v1/departments',
    request: () => ({ path: '/v1/departments', body: { name: 'new' } }),
    expect: [401, 401, 201, 403, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/departments',
    request: () => ({ path: '/v1/departments' }),
    expect: [401, 401, 200, 200, 200, 200, 403, 403],
  },
  {
    op: 'GET /v1/departments/{id}',
    request: (c) => ({ path: `/v1/departments/${c.deptId}` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'PATCH /v1/departments/{id}',
    request: (c) => ({
      path: `/v1/departments/${c.deptId}`,
      body: { closedDates: ['2026-12-29'] },
    }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/departments/{id}/members',
    request: (c) => ({
      path: `/v1/departments/${c.deptId}/members`,
      body: { members: [{ name: 'N', email: c.fresh.email() }] },
    }),
    expect: [401, 401, 201, 403, 201, 403, 403, 403],
  },
  {
    op: 'GET /v1/departments/{id}/members',
    request: (c) => ({ path: `/v1/departments/${c.deptId}/members` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/departments/{id}/members.csv',
    request: (c) => ({ path: `/v1/departments/${c.deptId}/members.csv` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/departments/{id}/roster',
    request: (c) => ({
      path: `/v1/departments/${c.deptId}/roster?preview=true`,
      body: { members: [{ name: 'N', email: c.fresh.email() }] },
    }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/members/{id}',
    request: (c) => ({ path: `/v1/members/${c.selfId}` }),
    expect: [401, 401, 200, 200, 200, 403, 200, 403],
  },
  {
    op: 'PATCH /v1/members/{id}',
    request: async (c) => ({
      path: `/v1/members/${await c.fresh.memberId()}`,
      body: { skills: ['x'] },
    }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/members/{id}/slack',
    request: (c) => ({ path: `/v1/members/${c.selfId}/slack`, body: { slackUserId: null } }),
    expect: [401, 401, 200, 403, 200, 403, 200, 403],
  },
  {
    op: 'DELETE /v1/members/{id}',
    request: async (c) => ({ path: `/v1/members/${await c.fresh.memberId()}` }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/tokens',
    request: () => ({ path: '/v1/tokens', body: { role: 'hr', label: 'x' } }),
    expect: [401, 401, 201, 403, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/tokens',
    request: () => ({ path: '/v1/tokens' }),
    expect: [401, 401, 200, 403, 403, 403, 403, 403],
  },
  {
    op: 'POST /v1/invitations',
    request: async (c) => ({
      path: '/v1/invitations',
      body: { memberId: await c.fresh.memberId() },
    }),
    expect: [401, 401, 201, 403, 201, 403, 403, 403],
  },
  {
    op: 'GET /v1/invitations',
    // Each chief sees their own department's (the other chief: an empty list).
    request: () => ({ path: '/v1/invitations' }),
    expect: [401, 401, 200, 403, 200, 200, 403, 403],
  },
  {
    op: 'DELETE /v1/invitations/{id}',
    request: async (c) => ({ path: `/v1/invitations/${await c.fresh.invitationId()}` }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/departments/{id}/invitations',
    request: (c) => ({ path: `/v1/departments/${c.deptId}/invitations` }),
    expect: [401, 401, 201, 403, 201, 403, 403, 403],
  },
  {
    op: 'GET /v1/people',
    request: () => ({ path: '/v1/people' }),
    expect: [401, 401, 200, 403, 403, 403, 403, 403],
  },
  {
    op: 'POST /v1/people/{id}/reset',
    request: async (c) => ({ path: `/v1/people/${await c.fresh.personId()}/reset` }),
    expect: [401, 401, 201, 403, 403, 403, 403, 403],
  },
  {
    op: 'DELETE /v1/tokens/{id}',
    request: async (c) => ({ path: `/v1/tokens/${await c.fresh.tokenId()}` }),
    expect: [401, 401, 200, 403, 403, 403, 403, 403],
  },
  {
    op: 'POST /v1/departments/{id}/rotations',
    request: (c) => ({ path: `/v1/departments/${c.deptId}/rotations`, body: ROTATION }),
    expect: [401, 401, 201, 403, 201, 403, 403, 403],
  },
  {
    op: 'GET /v1/departments/{id}/rotations',
    request: (c) => ({ path: `/v1/departments/${c.deptId}/rotations` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/rotations/{id}',
    request: (c) => ({ path: `/v1/rotations/${c.rotationId}` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/rotations/{id}/schedule',
    request: (c) => ({ path: `/v1/rotations/${c.rotationId}/schedule` }),
    expect: [401, 401, 200, 200, 200, 403, 200, 200],
  },
  {
    op: 'GET /v1/rotations/{id}/schedule.csv',
    request: (c) => ({ path: `/v1/rotations/${c.rotationId}/schedule.csv` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/rotations/{id}/survivability',
    request: (c) => ({ path: `/v1/rotations/${c.rotationId}/survivability` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/rotations/{id}/publish',
    request: async (c) => ({
      path: `/v1/rotations/${await c.fresh.rotationId()}/publish`,
      headers: { 'if-match': '"1"' },
    }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/rotations/{id}/regenerate',
    request: async (c) => ({
      path: `/v1/rotations/${await c.fresh.rotationId()}/regenerate`,
      body: { seed: 3 },
      headers: { 'if-match': '"1"' },
    }),
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'POST /v1/rotations/{id}/moves',
    request: async (c) => ({
      path: `/v1/rotations/${await c.fresh.rotationId()}/moves`,
      body: {
        memberId: c.selfId,
        toTeamId: null,
        effectiveDate: `${monthOf(rotationMonth - 1)}-10`,
      },
      headers: { 'if-match': '"1"' },
    }),
    expect: [401, 401, 201, 403, 201, 403, 403, 403],
  },
  {
    op: 'POST /v1/rotations/{id}/overrides',
    request: async (c) => {
      const id = await c.fresh.publishedRotationId();
      return {
        path: `/v1/rotations/${id}/overrides`,
        body: { kind: 'close', date: weekdayIn(monthOf(rotationMonth - 1)) },
        headers: { 'if-match': '"2"' },
      };
    },
    expect: [401, 401, 201, 403, 201, 403, 403, 403],
  },
  {
    op: 'GET /v1/rotations/{id}/overrides',
    request: (c) => ({ path: `/v1/rotations/${c.rotationId}/overrides` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'DELETE /v1/rotations/{id}/overrides/{overrideId}',
    request: async (c) => {
      const o = await c.fresh.override();
      return {
        path: `/v1/rotations/${o.rotationId}/overrides/${o.overrideId}`,
        headers: { 'if-match': '"3"' },
      };
    },
    expect: [401, 401, 200, 403, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/members/{id}/schedule',
    request: (c) => ({ path: `/v1/members/${c.selfId}/schedule` }),
    expect: [401, 401, 200, 200, 200, 403, 200, 403],
  },
  {
    op: 'POST /v1/feeds',
    request: (c) => ({ path: '/v1/feeds', body: { scope: 'member', id: c.selfId } }),
    expect: [401, 401, 201, 403, 201, 403, 201, 403],
  },
  {
    op: 'GET /v1/feeds',
    request: (c) => ({ path: `/v1/feeds?departmentId=${c.deptId}` }),
    expect: [401, 401, 200, 403, 200, 403, 200, 200],
  },
  {
    op: 'DELETE /v1/feeds/{id}',
    request: async (c) => ({ path: `/v1/feeds/${await c.fresh.feedId()}` }),
    expect: [401, 401, 200, 403, 200, 403, 200, 403],
  },
  {
    op: 'GET /feeds/{token}.ics',
    request: (c) => ({ path: `/feeds/${c.feedToken}.ics` }),
    expect: [200, 200, 200, 200, 200, 200, 200, 200],
  },
  {
    op: 'POST /v1/quarantines',
    // A member of its own for each caller: the same person and days again is marked already (200).
    request: async (c) => ({
      path: '/v1/quarantines',
      body: { memberId: await c.fresh.memberId(), startDate: '2026-12-01' },
    }),
    expect: [401, 401, 201, 201, 403, 403, 403, 403],
  },
  {
    op: 'POST /v1/quarantines/{id}/lift',
    request: async (c) => ({
      path: `/v1/quarantines/${await c.fresh.quarantineId()}/lift`,
      body: { date: '2026-12-02' },
    }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/quarantines',
    request: () => ({ path: '/v1/quarantines?active=true' }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/exposures',
    request: (c) => ({ path: `/v1/exposures?memberId=${c.selfId}` }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/exposures.csv',
    request: (c) => ({ path: `/v1/exposures.csv?memberId=${c.selfId}` }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/audit',
    request: () => ({ path: '/v1/audit' }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/settings',
    request: () => ({ path: '/v1/settings' }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'PATCH /v1/settings',
    request: () => ({ path: '/v1/settings', body: { thinClientSeats: 10, loanPcs: 60 } }),
    expect: [401, 401, 200, 403, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/capacity',
    request: (c) => ({
      path: `/v1/capacity?departmentId=${c.deptId}&from=2026-12-01&to=2026-12-31`,
    }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/departments/{id}/board',
    request: (c) => ({ path: `/v1/departments/${c.deptId}/board?date=2026-12-01` }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    op: 'GET /v1/board',
    request: () => ({ path: '/v1/board?date=2026-12-01' }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    op: 'GET /v1/members/{id}/today',
    request: (c) => ({ path: `/v1/members/${c.selfId}/today` }),
    expect: [401, 401, 200, 200, 200, 403, 200, 403],
  },
  {
    op: 'GET /v1/outbox',
    request: () => ({ path: '/v1/outbox?status=failed' }),
    expect: [401, 401, 200, 403, 403, 403, 403, 403],
  },
  {
    op: 'POST /v1/outbox/{id}/retry',
    request: async (c) => ({ path: `/v1/outbox/${await c.fresh.failedOutboxId()}/retry` }),
    expect: [401, 401, 200, 403, 403, 403, 403, 403],
  },
];

describe('authorisation matrix: every endpoint × every caller', () => {
  let h: Harness;
  let ctx: Ctx;
  const tokens = new Map<Caller, string | null>();
  before(async () => {
    h = await harness();
    const own = await seedDepartment(h, 'own');
    const other = await seedDepartment(h, 'other');
    let n = 0;
    const invitation = async (): Promise<{ id: string; personId: string }> => {
      const m = await h.call('POST', `/v1/departments/${own.department.id}/members`, {
        body: { members: [{ name: 'I', email: `i${++n}@example.jp` }] },
      });
      const r = await h.call('POST', '/v1/invitations', {
        body: { memberId: m.json.members[0].id },
      });
      assert.equal(r.status, 201, r.text);
      return r.json;
    };
    ctx = {
      deptId: own.department.id,
      selfId: own.members[0]!.id,
      fresh: {
        feedId: async () => '',
        failedOutboxId: async () => {
          const id = `outbox-${++n}`;
          const at = '2026-11-24T09:00:00.000Z';
          await h.deps.atomic(
            insertOutboxQueries(h.db, [
              {
                id,
                createdAt: at,
                departmentId: own.department.id,
                topic: 'test',
                refId: null,
                channel: 'email',
                recipient: 'x@example.jp',
                subject: 's',
                body: 'b',
                status: 'failed',
                attempts: 10,
                nextAttemptAt: at,
                lastError: 'refused',
                sentAt: null,
              },
            ]),
          );
          return id;
        },
        quarantineId: async () =>
          (
            await h.call('POST', '/v1/quarantines', {
              body: { memberId: own.members[2]!.id, startDate: '2026-12-01' },
            })
          ).json.id,
        email: () => `fresh${++n}@example.jp`,
        memberId: async () => {
          const r = await h.call('POST', `/v1/departments/${own.department.id}/members`, {
            body: { members: [{ name: 'F', email: `m${++n}@example.jp` }] },
          });
          return r.json.members[0].id;
        },
        tokenId: async () => (await h.tokenFor('hr')).id,
        invitationId: async () => (await invitation()).id,
        personId: async () => (await invitation()).personId,
        rotationId: async () => {
          const m = monthOf(rotationMonth++);
          const r = await h.call('POST', `/v1/departments/${own.department.id}/rotations`, {
            body: { ...ROTATION, startDate: `${m}-01`, endDate: `${m}-28` },
          });
          assert.equal(r.status, 201, r.text);
          return r.json.id;
        },
        publishedRotationId: async () => {
          const id = await ctx.fresh.rotationId();
          const r = await h.call('POST', `/v1/rotations/${id}/publish`, {
            headers: { 'if-match': '"1"' },
          });
          assert.equal(r.status, 200, r.text);
          return id;
        },
        override: async () => {
          const rotationId = await ctx.fresh.publishedRotationId();
          const r = await h.call('POST', `/v1/rotations/${rotationId}/overrides`, {
            body: { kind: 'close', date: weekdayIn(monthOf(rotationMonth - 1)) },
            headers: { 'if-match': '"2"' },
          });
          assert.equal(r.status, 201, r.text);
          return { rotationId, overrideId: r.json.override.id };
        },
      },
      rotationId: '',
      feedToken: '',
    };
    ctx.fresh.feedId = async () =>
      (await h.call('POST', '/v1/feeds', { body: { scope: 'member', id: own.members[0]!.id } }))
        .json.id;
    ctx.feedToken = (
      await h.call('POST', '/v1/feeds', { body: { scope: 'department', id: own.department.id } })
    ).json.token;
    ctx.rotationId = await ctx.fresh.rotationId();
    const revoked = await h.tokenFor('admin');
    await h.call('DELETE', `/v1/tokens/${revoked.id}`);
    tokens.set('none', null);
    tokens.set('revoked', revoked.token);
    tokens.set('admin', (await h.tokenFor('admin')).token);
    tokens.set('hr', (await h.tokenFor('hr')).token);
    tokens.set('chiefOwn', (await h.tokenFor('chief', { departmentId: own.department.id })).token);
    tokens.set(
      'chiefOther',
      (await h.tokenFor('chief', { departmentId: other.department.id })).token,
    );
    tokens.set('staffSelf', (await h.tokenFor('staff', { memberId: own.members[0]!.id })).token);
    tokens.set('staffOther', (await h.tokenFor('staff', { memberId: own.members[1]!.id })).token);
  });
  after(() => h.close());

  it('covers every operation of the API (a new endpoint must be added to the table)', () => {
    assert.deepEqual(
      TABLE.map((r) => r.op).sort(),
      OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort(),
    );
  });

  for (const row of TABLE) {
    it(`${row.op}: ${CALLERS.map((c, i) => `${c} ${row.expect[i]}`).join(', ')}`, async () => {
      const [method] = row.op.split(' ');
      const got: number[] = [];
      for (const caller of CALLERS) {
        const req = await row.request(ctx);
        const before = await h.rowCounts();
        const r = await h.call(method!, req.path, {
          token: tokens.get(caller)!,
          ...(req.body !== undefined ? { body: req.body } : {}),
          ...(req.headers ? { headers: req.headers } : {}),
        });
        got.push(r.status);
        if (r.status >= 400) {
          assert.equal(
            r.headers.get('content-type'),
            'application/problem+json',
            `${caller}: problem+json`,
          );
          assert.deepEqual(
            await h.rowCounts(),
            before,
            `${caller}: a refused request writes nothing`,
          );
        }
      }
      assert.deepEqual(
        Object.fromEntries(CALLERS.map((c, i) => [c, got[i]])),
        Object.fromEntries(CALLERS.map((c, i) => [c, row.expect[i]])),
      );
    });
  }
});
