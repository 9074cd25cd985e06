// The API on PostgreSQL beside SQLite, in one run: the same server (npm start's startNode) over an
// SQLite file and over a throwaway PostgreSQL cluster (server defaults: fsync and synchronous
// commit on; BUNSAN_TEST_POSTGRES, when set, names a running one instead), the same requests.
// Writes: a rotation of 1,000 members over a year, a six-week team quarantine. Reads (autocannon,
// 10 connections, loopback): a member feed of a year, its 304 revalidation, /healthz as the ceiling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startNode } from '../src/platform/node.ts';
import { startPostgres } from '../test/support/postgres.ts';
import { httpApi, printTable, seedMemberFeed, timeMedian, type Api } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const DURATION = Number(process.env.DURATION ?? 3);
const ADMIN = 'bench-admin-token-0123456789abcdef';

interface Figures {
  rotationMs: number;
  quarantineMs: number;
  feedRps: number;
  revalidateRps: number;
  healthRps: number;
}

async function rps(url: string, headers: Record<string, string> = {}): Promise<number> {
  const r = await autocannon({ url, connections: 10, duration: DURATION, headers });
  if (r.errors || r['5xx']) throw new Error(`${url}: ${r.errors} errors, ${r['5xx']} 5xx`);
  return (r['2xx'] + (r['3xx'] ?? 0)) / r.duration;
}

async function measure(db: string): Promise<Figures> {
  const srv = await startNode(
    { BUNSAN_DB: db, PORT: '0', HOST: '127.0.0.1', BUNSAN_ADMIN_TOKEN: ADMIN },
    () => {},
  );
  try {
    const base = `http://127.0.0.1:${srv.port}`;
    const api: Api = httpApi(base, ADMIN);
    const dept = await api('POST', '/v1/departments', { name: 'bench' });
    await api('POST', `/v1/departments/${dept.id}/members`, {
      members: Array.from({ length: 1000 }, (_, i) => ({ name: `M${i}`, email: `m${i}@ex.jp` })),
    });
    const year = { startDate: '2027-01-04', endDate: '2027-12-31', teamCount: 4 };
    let rot: any;
    const rotationMs = await timeMedian(async () => {
      rot = await api('POST', `/v1/departments/${dept.id}/rotations`, {
        ...year,
        pattern: { kind: 'daily' },
        constraints: { keepLeadersApart: false },
      });
    }, RUNS);
    await api('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });
    let k = 0;
    const quarantineMs = await timeMedian(async () => {
      const start = new Date(Date.UTC(2027, 1, 1) + k * 43 * 86400_000).toISOString().slice(0, 10);
      const end = new Date(Date.parse(`${start}T00:00:00Z`) + 41 * 86400_000).toISOString();
      const team = rot.teams[k++ % 4].id;
      await api(
        'POST',
        '/v1/quarantines',
        { teamId: team, startDate: start, endDate: end.slice(0, 10) },
        { 'idempotency-key': `bench-${k}` },
      );
    }, RUNS);
    const { feedPath, etag } = await seedMemberFeed(api, base);
    const gz = { 'accept-encoding': 'gzip' };
    return {
      rotationMs,
      quarantineMs,
      feedRps: await rps(base + feedPath, gz),
      revalidateRps: await rps(base + feedPath, { ...gz, 'if-none-match': etag }),
      healthRps: await rps(`${base}/healthz`),
    };
  } finally {
    await srv.close();
  }
}

// The outbox delivers the quarantine's notices to the log meanwhile: not this benchmark's output.
const logError = console.error;
console.error = (...args: unknown[]) => {
  if (!String(args[0]).startsWith('notification (log channel)')) logError(...args);
};

const dir = mkdtempSync(join(tmpdir(), 'bunsan-bench-pg-'));
const cluster = await startPostgres({ durable: true });
try {
  const sqlite = await measure(join(dir, 'bench.db'));
  const postgres = await measure(cluster.createDatabase('bench'));
  const ms = (n: number) => n.toFixed(1);
  const per = (n: number) => Math.round(n).toString();
  const rows: [string, keyof Figures, (n: number) => string, string][] = [
    ['create rotation via API (1,000 members, 1 year), median ms', 'rotationMs', ms, 'ms'],
    ['mark a six-week team quarantine via API, median ms', 'quarantineMs', ms, 'ms'],
    ['member feed of a year (gzip), requests/s', 'feedRps', per, 'rps'],
    ['member feed 304 revalidation, requests/s', 'revalidateRps', per, 'rps'],
    ['GET /healthz (ceiling), requests/s', 'healthRps', per, 'rps'],
  ];
  printTable(
    rows.map(([name, key, fmt, unit]) => ({
      case: name,
      SQLite: fmt(sqlite[key]),
      PostgreSQL: fmt(postgres[key]),
      'PostgreSQL / SQLite': `${(postgres[key] / sqlite[key]).toFixed(2)}× ${unit}`,
    })),
  );
} finally {
  cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
