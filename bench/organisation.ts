// A large organisation: 300 departments, 20,000 members, a published one-year rotation in each and
// a team quarantine in every tenth, all made through the API in this process (app.request, one
// SQLite file). Then the organisation's remote capacity for the year, and the memory of a server
// process on that database. Baseline, same run: raw better-sqlite3 reading the rows the answer is
// computed from.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRng } from '../src/domain/prng.ts';
import { inProcessApp, printTable, rawCapacityReads, timeMedianPair } from './support.ts';

const DEPARTMENTS = Number(process.env.DEPARTMENTS ?? 300);
const MEMBERS = Number(process.env.MEMBERS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 9);
const FROM = '2027-01-01';
const TO = '2027-12-31';

const { file, call, cleanup } = await inProcessApp('orgbench', new Date('2026-12-01T00:00:00Z'));
const rand = createRng(11);
const access = ['company-pc', 'loan-pc', 'thin-client'];
const setupStart = performance.now();
let made = 0;
const deptIds: string[] = [];
for (let d = 0; d < DEPARTMENTS; d++) {
  const size = Math.floor(((d + 1) * MEMBERS) / DEPARTMENTS) - made;
  made += size;
  const dept = await call('POST', '/v1/departments', { name: `部署 ${d}` });
  deptIds.push(dept.id);
  await call('POST', `/v1/departments/${dept.id}/members`, {
    members: Array.from({ length: size }, (_, i) => ({
      name: `社員 ${d}-${i}`,
      email: `m${i}@d${d}.example.jp`,
      remoteAccess: access[Math.floor(rand() * 3)],
    })),
  });
  const rot = await call('POST', `/v1/departments/${dept.id}/rotations`, {
    startDate: '2027-01-04',
    endDate: TO,
    teamCount: 3 + (d % 2),
    pattern: { kind: d % 3 === 0 ? 'weekly' : 'daily' },
    constraints: { keepLeadersApart: false },
  });
  await call('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });
  if (d % 10 === 0)
    await call('POST', '/v1/quarantines', { teamId: rot.teams[1].id, startDate: '2027-03-01' });
}
await call('PATCH', '/v1/settings', { thinClientSeats: 5000, loanPcs: 5000 });
const setupMs = performance.now() - setupStart;

const raw = rawCapacityReads(file);
let rows = 0;
let days = 0;
// The organisation's request and the raw read, run alternately.
const [org, baseline] = await timeMedianPair(
  async () => {
    days = (await call('GET', `/v1/capacity?from=${FROM}&to=${TO}`)).days.length;
  },
  () => {
    rows = raw.read({ from: FROM, to: TO });
  },
  RUNS,
);
raw.close();
// The server's memory: a server process of its own started on this database (as after a restart),
// answering the organisation's capacity and every department's data (GET /v1/capacity per
// department), read from /proc once it has answered.
const ADMIN = 'bench-admin-token-0123456789abcdef';
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `import { startNode } from './src/platform/node.ts';
     const s = await startNode(process.env, () => {}); process.stdout.write(String(s.port) + '\\n');`,
  ],
  {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      BUNSAN_DB: file,
      PORT: '0',
      HOST: '127.0.0.1',
      BUNSAN_ADMIN_TOKEN: ADMIN,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const port = await new Promise<string>((resolve) =>
  server.stdout!.once('data', (b: Buffer) => resolve(b.toString().trim())),
);
const get = async (path: string) => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { authorization: `Bearer ${ADMIN}` },
  });
  if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  return r.json() as Promise<any>;
};
await get(`/v1/capacity?from=${FROM}&to=${TO}`);
for (const id of deptIds) await get(`/v1/capacity?departmentId=${id}&from=${FROM}&to=${TO}`);
const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
const hwmMb = Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
server.kill();

console.log(
  `setup: ${DEPARTMENTS} departments, ${made} members, published one-year rotations, through the API in ${(setupMs / 1000).toFixed(1)} s`,
);
printTable([
  {
    case: `GET /v1/capacity, organisation, one year (${made} members, ${DEPARTMENTS} departments, ${days} days)`,
    median: `${org.toFixed(0)} ms`,
    ratio: `${(org / baseline).toFixed(1)}× raw read`,
    target: '< 300 ms',
    met: org < 300 ? 'yes' : 'NO',
  },
  {
    case: 'memory of a server process on this database after those requests',
    median: `${rssMb.toFixed(0)} MB RSS`,
    ratio: `peak ${hwmMb.toFixed(0)} MB`,
    target: '< 300 MB RSS',
    met: rssMb < 300 ? 'yes' : 'NO',
  },
  {
    case: `baseline: raw better-sqlite3 read of the same ${rows} rows`,
    median: `${baseline.toFixed(1)} ms`,
    ratio: '1.0×',
    target: '',
    met: '',
  },
]);
await cleanup();
