// Feed throughput on the Node server (autocannon, loopback, same run): GET /healthz is the ceiling;
// a member feed of about a year (≈ 250 events) must reach ≥ 50% of it, a 304 revalidation ≥ 80%.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { startNode } from '../src/platform/node.ts';
import { httpApi, median, printTable, seedMemberFeed } from './support.ts';

const DURATION = Number(process.env.DURATION ?? 4);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'bunsan-feeds-'));
const ADMIN = 'bench-admin-token-0123456789abcdef';
const srv = await startNode(
  { BUNSAN_DB: join(dir, 'bench.db'), PORT: '0', HOST: '127.0.0.1', BUNSAN_ADMIN_TOKEN: ADMIN },
  () => {},
);
const base = `http://127.0.0.1:${srv.port}`;

const { feedPath, etag, body, events } = await seedMemberFeed(httpApi(base, ADMIN), base);

async function rps(
  path: string,
  headers: Record<string, string> = {},
  expect = 200,
): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const r = await autocannon({ url: base + path, connections: 10, duration: DURATION, headers });
    const good = r['2xx'] + (expect === 304 ? (r['3xx'] ?? 0) : 0);
    if (r.non2xx && expect === 200) throw new Error(`${path}: ${r.non2xx} non-2xx answers`);
    runs.push(good / r.duration);
  }
  return median(runs);
}

// Calendar services send Accept-Encoding: gzip; the plain row shows a client that does not.
const gz = { 'accept-encoding': 'gzip' };
const zippedBytes = gzipSync(body).byteLength;
const ceiling = await rps('/healthz', gz);
const full = await rps(feedPath, gz);
const plain = await rps(feedPath);
const revalidate = await rps(feedPath, { ...gz, 'if-none-match': etag }, 304);
const pct = (x: number) => `${((x / ceiling) * 100).toFixed(0)}%`;
printTable([
  {
    request: 'GET /healthz (ceiling)',
    'median req/s': ceiling.toFixed(0),
    'of ceiling': '100%',
    target: '',
  },
  {
    request: `GET member feed, gzip (${events} events, ${(zippedBytes / 1024).toFixed(1)} KiB on the wire)`,
    'median req/s': full.toFixed(0),
    'of ceiling': pct(full),
    target: '≥ 50%',
  },
  {
    request: `GET member feed, no gzip (${(body.length / 1024).toFixed(0)} KiB)`,
    'median req/s': plain.toFixed(0),
    'of ceiling': pct(plain),
    target: '(info)',
  },
  {
    request: 'GET member feed, If-None-Match → 304',
    'median req/s': revalidate.toFixed(0),
    'of ceiling': pct(revalidate),
    target: '≥ 80%',
  },
]);
await srv.close();
rmSync(dir, { recursive: true, force: true });
