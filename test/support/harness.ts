import { sql, type Kysely } from 'kysely';
import type { Role } from '../../src/app/actor.ts';
import { issueToken, SYSTEM_ACTOR } from '../../src/app/tokens/index.ts';
import type { DB } from '../../src/db/schema.ts';
import { createServer, type Server } from '../../src/server.ts';
import { nodeDeps, openSqlite } from '../../src/platform/node-deps.ts';
import { jsonClient } from './client.ts';

export const ADMIN_ENV_TOKEN = 'env-admin-secret-for-tests-0123456789';

/** A fresh app over a real in-memory SQLite database, with a fixed clock. */
export async function harness(opts: { now?: string; sequentialIds?: boolean } = {}) {
  const db: Kysely<DB> = await openSqlite(':memory:');
  const logs: string[] = [];
  let now = new Date(opts.now ?? '2026-11-24T09:00:00Z');
  const deps = nodeDeps(db, {
    adminToken: ADMIN_ENV_TOKEN,
    now: () => now,
    log: (l) => logs.push(l),
  });
  // Golden files need the same ids on every run.
  let counter = 0;
  if (opts.sequentialIds) deps.newId = () => `id-${String(++counter).padStart(4, '0')}`;
  const app: Server = createServer(deps);

  /** Calls the app as a client would: JSON bodies are serialised; a string body is sent as is. */
  const call = jsonClient(async (path, init) => app.request(path, init), ADMIN_ENV_TOKEN);

  /** Issues a token directly (no HTTP) for a role and scope. */
  async function tokenFor(
    role: Role,
    scope: { departmentId?: string; memberId?: string } = {},
  ): Promise<{ id: string; token: string }> {
    const r = await issueToken(deps, SYSTEM_ACTOR, { role, label: `${role} test`, ...scope });
    if (!r.ok) throw new Error(`cannot issue ${role}: ${JSON.stringify(r.error)}`);
    return { id: r.value.id, token: r.value.token };
  }

  /** Rows in every table of the schema (a refused request must leave all of them as they were). */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name`.execute(
      db,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
      out[name] = Number(r.rows[0]!.n);
    }
    return out;
  }

  return {
    app,
    db,
    deps,
    logs,
    call,
    tokenFor,
    rowCounts,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    close: () => db.destroy(),
  };
}
export type Harness = Awaited<ReturnType<typeof harness>>;

/** A department with a few members, created through the API. */
export async function seedDepartment(h: Harness, name = '情報政策課') {
  const dept = await h.call('POST', '/v1/departments', { body: { name } });
  if (dept.status !== 201) throw new Error(`seed department: ${dept.status} ${dept.text}`);
  const members = await h.call('POST', `/v1/departments/${dept.json.id}/members`, {
    body: {
      members: [
        {
          name: '山田 太郎',
          email: 'yamada@example.jp',
          skills: ['network'],
          position: 'chief',
          remoteAccess: 'loan-pc',
        },
        {
          name: '佐藤 花子',
          email: 'sato@example.jp',
          skills: ['payroll'],
          position: 'deputy',
          remoteAccess: 'thin-client',
        },
        { name: 'Suzuki Ken', email: 'suzuki@example.jp' },
      ],
    },
  });
  if (members.status !== 201) throw new Error(`seed members: ${members.status} ${members.text}`);
  return {
    department: dept.json,
    members: members.json.members as { id: string; email: string }[],
  };
}

/** A rotation of the department, created and published through the API (its answer, as published). */
export async function seedPublishedRotation(
  h: Harness,
  departmentId: string,
  body: Record<string, unknown> = {},
): Promise<any> {
  const rot = await h.call('POST', `/v1/departments/${departmentId}/rotations`, {
    body: {
      startDate: '2027-01-04',
      endDate: '2027-02-26',
      teamCount: 2,
      pattern: { kind: 'daily' },
      ...body,
    },
  });
  if (rot.status !== 201) throw new Error(`seed rotation: ${rot.status} ${rot.text}`);
  const pub = await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, {
    headers: { 'if-match': '"1"' },
  });
  if (pub.status !== 200) throw new Error(`publish rotation: ${pub.status} ${pub.text}`);
  return pub.json;
}
