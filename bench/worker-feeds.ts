// Member-feed throughput and latency on workerd + local D1 (`wrangler dev`) against the Node server
// (better-sqlite3), in the same run, with the same data and the same autocannon load; prints the
// medians of each and the workerd/Node ratio. wrangler dev is a development server — a proxy
// workerd in front of the Worker's, and a loopback call to wrangler's Node process for each request
// log line — so its figures are far below a deployed Worker's and say little about production;
// the ratio is a regression guard for this code on workerd + D1, not a capacity figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startNode } from '../src/platform/node.ts';
import { startWorkerServer } from '../test/support/workerd.ts';
import { httpApi, median, printTable, seedMemberFeed } from './support.ts';

const DURATION = Number(process.env.DURATION ?? 3);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const ADMIN = 'bench-admin-token-0123456789abcdef';

interface Figures {
  rps: number;
  mean: number;
  p99: number;
}

/** Medians over ROUNDS autocannon runs: requests per second, mean and 99th-percentile latency (ms). */
async function load(
  url: string,
  headers: Record<string, string>,
  expect: 200 | 304,
): Promise<Figures> {
  const rps: number[] = [];
  const mean: number[] = [];
  const p99: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
    const good = expect === 304 ? (r['3xx'] ?? 0) : r['2xx'];
    if (r.errors || r.timeouts || good < r.requests.total * 0.99)
      throw new Error(
        `${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${good} of ${r.requests.total} answered ${expect}`,
      );
    rps.push(good / r.duration);
    mean.push(r.latency.mean);
    p99.push(r.latency.p99);
  }
  return { rps: median(rps), mean: median(mean), p99: median(p99) };
}

const dir = mkdtempSync(join(tmpdir(), 'bunsan-worker-feeds-'));
const node = await startNode(
  { BUNSAN_DB: join(dir, 'bench.db'), PORT: '0', HOST: '127.0.0.1', BUNSAN_ADMIN_TOKEN: ADMIN },
  () => {},
);
const worker = await startWorkerServer({ adminToken: ADMIN });
try {
  const runtimes = [
    { name: 'Node + SQLite', base: `http://127.0.0.1:${node.port}` },
    { name: 'workerd + D1 (wrangler dev)', base: worker.base },
  ];
  const gz = { 'accept-encoding': 'gzip' };
  const rows: Record<string, string>[] = [];
  const byKind = new Map<string, Figures[]>();
  let events = 0;
  for (const rt of runtimes) {
    const s = await seedMemberFeed(httpApi(rt.base, ADMIN), rt.base);
    events = s.events;
    const kinds: [string, string, Record<string, string>, 200 | 304][] = [
      ['GET /healthz', '/healthz', gz, 200],
      [`GET member feed, gzip (${s.events} events)`, s.feedPath, gz, 200],
      ['GET member feed, If-None-Match → 304', s.feedPath, { ...gz, 'if-none-match': s.etag }, 304],
    ];
    for (const [kind, path, headers, expect] of kinds) {
      const f = await load(rt.base + path, headers, expect);
      byKind.set(kind.replace(/ \(\d+ events\)/, ''), [
        ...(byKind.get(kind.replace(/ \(\d+ events\)/, '')) ?? []),
        f,
      ]);
      rows.push({
        runtime: rt.name,
        request: kind,
        'median req/s': f.rps.toFixed(0),
        'mean ms': f.mean.toFixed(2),
        'p99 ms': f.p99.toFixed(1),
      });
    }
  }
  printTable(rows);
  console.log();
  printTable(
    [...byKind].map(([kind, [n, w]]) => ({
      request: kind,
      'workerd / Node req/s': `${((w!.rps / n!.rps) * 100).toFixed(0)}%`,
      'workerd / Node mean latency': `${(w!.mean / n!.mean).toFixed(0)}×`,
    })),
  );
  console.log(
    `(${events}-event member feed; ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s each; medians)`,
  );
} finally {
  await worker.stop();
  await node.close();
  rmSync(dir, { recursive: true, force: true });
}
