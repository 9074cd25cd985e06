// bunsan instances in this process, as npm start builds them, over one database: each has its
// own pool (PostgreSQL) or handle (SQLite), its own feed cache and its own HTTP server.
import { serve } from '@hono/node-server';
import type { Deps } from '../../src/app/deps.ts';
import { nodeDeps, openDatabase } from '../../src/platform/node-deps.ts';
import { createServer } from '../../src/server.ts';
import { after, before } from 'node:test';
import { startPostgres, type PostgresCluster } from './postgres.ts';

export interface Instance {
  base: string;
  deps: Deps;
  close: () => Promise<void>;
}

/** One instance on a free loopback port over BUNSAN_DB `target`. */
export async function startInstance(
  target: string,
  opts: { adminToken: string; name: string; log?: (l: string) => void } & Partial<
    Parameters<typeof nodeDeps>[1]
  >,
): Promise<Instance> {
  const db = await openDatabase(target);
  const deps = nodeDeps(db, { log: () => {}, ...opts, instance: opts.name });
  const app = createServer(deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    deps,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}

/**
 * Two instances over a fresh database of a throwaway PostgreSQL cluster, for the describe block
 * it is called in: started before its tests, stopped after them. `pair()` gives them once started.
 */
export function postgresPair(
  database: string,
  opts: Omit<Parameters<typeof startInstance>[1], 'name'>,
): { pair: () => Instance[] } {
  let cluster: PostgresCluster | undefined;
  let pair: Instance[] = [];
  before(async () => {
    cluster = await startPostgres();
    const url = cluster.createDatabase(database);
    pair = await Promise.all(['a', 'b'].map((name) => startInstance(url, { ...opts, name })));
  });
  after(async () => {
    await Promise.all(pair.map((i) => i.close()));
    cluster?.stop();
  });
  return { pair: () => pair };
}

/** A base URL chooser that alternates between instances, request by request. */
export function alternating(instances: readonly Instance[]): () => string {
  let i = 0;
  return () => instances[i++ % instances.length]!.base;
}

/** The shape of the answers of the API calls the multi-instance tests make. */
type Call = (
  method: string,
  path: string,
  init?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
) => Promise<{ status: number; text: string; json: any }>;

const dayFrom = (from: Date, n: number) =>
  new Date(from.getTime() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A department of `size` members split into `teams` teams on a daily rotation from a week ahead
 * for ten weeks; published unless `draft`. Returns the department, the rotation and an HR token.
 */
export async function publishedRotation(
  call: Call,
  opts: { name: string; size?: number; teams?: number; draft?: boolean; now?: Date },
): Promise<{
  departmentId: string;
  rotation: { id: string; version: number; teams: { id: string; memberIds: string[] }[] };
  hrToken: string;
  start: string;
  end: string;
}> {
  const now = opts.now ?? new Date();
  const dept = await call('POST', '/v1/departments', { body: { name: opts.name } });
  if (dept.status !== 201) throw new Error(dept.text);
  const members = Array.from({ length: opts.size ?? 9 }, (_, i) => ({
    name: `${opts.name} ${i}`,
    email: `${opts.name.toLowerCase().replace(/\W/g, '')}${i}@example.jp`,
  }));
  const added = await call('POST', `/v1/departments/${dept.json.id}/members`, {
    body: { members },
  });
  if (added.status !== 201) throw new Error(added.text);
  const start = dayFrom(now, 7);
  const end = dayFrom(now, 77);
  const rot = await call('POST', `/v1/departments/${dept.json.id}/rotations`, {
    body: {
      startDate: start,
      endDate: end,
      teamCount: opts.teams ?? 3,
      pattern: { kind: 'daily' },
    },
  });
  if (rot.status !== 201) throw new Error(rot.text);
  if (!opts.draft) {
    const pub = await call('POST', `/v1/rotations/${rot.json.id}/publish`, {
      headers: { 'if-match': `"${rot.json.version}"` },
    });
    if (pub.status !== 200) throw new Error(pub.text);
  }
  const hr = await call('POST', '/v1/tokens', { body: { role: 'hr', label: 'HR' } });
  return { departmentId: dept.json.id, rotation: rot.json, hrToken: hr.json.token, start, end };
}
