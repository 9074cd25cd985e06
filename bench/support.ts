import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { issueToken, SYSTEM_ACTOR } from '../src/app/tokens/index.ts';
import { createServer } from '../src/server.ts';
import { nodeDeps, openSqlite } from '../src/platform/node-deps.ts';

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median milliseconds. */
export async function timeMedian(fn: () => unknown, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/**
 * Times `fn` and its baseline alternately (after `warmup` rounds of each): the medians of both, each
 * run next to the other, so that a machine busy with something else slows both alike.
 */
export async function timeMedianPair(
  fn: () => unknown,
  baseline: () => unknown,
  runs: number,
  warmup = 2,
): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) {
    await fn();
    await baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await fn();
    a.push(performance.now() - t);
    t = performance.now();
    await baseline();
    b.push(performance.now() - t);
  }
  return [median(a), median(b)];
}

/** Prints rows as an aligned table. */
export function printTable(rows: Record<string, string | number>[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(width[i]!)).join('  ');
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}

/** A JSON API client: throws on any status ≥ 300, so a bench never measures an error path. */
export type Api = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<any>;

function apiOver(
  send: (path: string, init: RequestInit) => Response | Promise<Response>,
  token: string,
): Api {
  return async (method, path, body, headers = {}) => {
    const res = await send(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as any;
    if (res.status >= 300)
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** The API of a running server at `base`. */
export const httpApi = (base: string, token: string): Api =>
  apiOver((path, init) => fetch(base + path, init), token);

/** The app in this process over a fresh SQLite file (no server), with a fixed clock and an admin token. */
export async function inProcessApp(prefix: string, now?: Date) {
  const dir = mkdtempSync(join(tmpdir(), `bunsan-${prefix}-`));
  const file = join(dir, 'bench.db');
  const db = await openSqlite(file);
  const deps = nodeDeps(db, { ...(now ? { now: () => now } : {}), log: () => {} });
  const app = createServer(deps);
  const admin = await issueToken(deps, SYSTEM_ACTOR, { role: 'admin', label: 'bench' });
  if (!admin.ok) throw new Error('no admin token');
  const call = apiOver((path, init) => app.request(path, init), admin.value.token);
  return {
    dir,
    file,
    db,
    deps,
    app,
    token: admin.value.token,
    call,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A department of 40, a published two-team daily rotation over the coming year, and one member's feed (remote days included). */
export async function seedMemberFeed(
  api: Api,
  base: string,
): Promise<{ feedPath: string; etag: string; body: string; events: number }> {
  const today = new Date();
  const start = new Date(today.getTime() + 86400_000).toISOString().slice(0, 10);
  const end = new Date(today.getTime() + 360 * 86400_000).toISOString().slice(0, 10);
  const dept = await api('POST', '/v1/departments', { name: 'bench' });
  const members = Array.from({ length: 40 }, (_, i) => ({
    name: `M${i}`,
    email: `m${i}@example.jp`,
    skills: i % 3 ? ['network'] : [],
  }));
  await api('POST', `/v1/departments/${dept.id}/members`, { members });
  const rot = await api('POST', `/v1/departments/${dept.id}/rotations`, {
    startDate: start,
    endDate: end,
    teamCount: 2,
    seed: 1,
    pattern: { kind: 'daily' },
  });
  await api('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });
  const feed = await api('POST', '/v1/feeds', { scope: 'member', id: rot.teams[0].memberIds[0] });
  const feedPath = `/feeds/${feed.token}.ics?include=remote`;
  const first = await fetch(base + feedPath, { headers: { 'accept-encoding': 'gzip' } });
  const body = await first.text();
  return {
    feedPath,
    etag: first.headers.get('etag')!,
    body,
    events: body.split('BEGIN:VEVENT').length - 1,
  };
}

/**
 * The raw reads of the rows remote capacity needs (published shifts and memberships of the
 * window, members working remotely), prepared on a read-only connection of their own: the
 * baseline the capacity benches measure the API against. Answers how many rows one pass reads.
 */
export function rawCapacityReads(file: string): {
  read: (window: { from: string; to: string }) => number;
  close: () => void;
} {
  const raw = new Database(file, { readonly: true });
  const published = `select id from rotations where status = 'published' and start_date <= @to and end_date >= @from`;
  const reads = [
    raw.prepare(
      `select rotation_id, team_id, date from shifts where status = 'scheduled' and date between @from and @to and rotation_id in (${published})`,
    ),
    raw.prepare(
      `select rotation_id, team_id, member_id, from_date, to_date, office_from from memberships where rotation_id in (${published})`,
    ),
    raw.prepare(
      `select id, remote_access from members where active = 1 and remote_access in ('thin-client', 'loan-pc')`,
    ),
  ];
  return {
    read: (window) => reads.reduce((n, q) => n + q.all(window).length, 0),
    close: () => raw.close(),
  };
}
