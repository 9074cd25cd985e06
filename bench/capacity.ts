// Remote capacity for an organisation of 50 departments × 70 members over one year, through the
// API (GET /v1/capacity, app.request, no server). Baseline, same run: raw better-sqlite3 reading the
// rows the answer is computed from (published rotations' office days in the year, memberships,
// members needing a seat or a PC) — what any implementation must at least read.
import { createRng } from '../src/domain/prng.ts';
import {
  inProcessApp,
  printTable,
  rawCapacityReads,
  timeMedian,
  timeMedianPair,
} from './support.ts';

const DEPARTMENTS = Number(process.env.DEPARTMENTS ?? 50);
const MEMBERS = 70;
const RUNS = Number(process.env.RUNS ?? 15);
const FROM = '2027-01-01';
const TO = '2027-12-31';

const now = new Date('2026-12-01T00:00:00Z');
const { file, app, call, cleanup } = await inProcessApp('capbench', now);

// The organisation: departments with 3 or 4 teams on daily or weekly patterns, a third of members on
// thin clients and a third on loan PCs, and a two-week team quarantine in every fifth department.
const rand = createRng(7);
const access = ['company-pc', 'loan-pc', 'thin-client'];
const setupStart = performance.now();
let firstDept = '';
for (let d = 0; d < DEPARTMENTS; d++) {
  const dept = await call('POST', '/v1/departments', { name: `dept ${d}` });
  firstDept ||= dept.id;
  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    name: `M${d}-${i}`,
    email: `m${i}@d${d}.example.jp`,
    remoteAccess: access[Math.floor(rand() * 3)],
  }));
  await call('POST', `/v1/departments/${dept.id}/members`, { members });
  const rot = await call('POST', `/v1/departments/${dept.id}/rotations`, {
    startDate: '2027-01-04',
    endDate: TO,
    teamCount: 3 + (d % 2),
    pattern: { kind: d % 3 === 0 ? 'weekly' : 'daily' },
    constraints: { keepLeadersApart: false },
  });
  await call('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });
  if (d % 5 === 0)
    await call('POST', '/v1/quarantines', { teamId: rot.teams[1].id, startDate: '2027-03-01' });
}
await call('PATCH', '/v1/settings', { thinClientSeats: 800, loanPcs: 750 });
const setupMs = performance.now() - setupStart;

const one = await timeMedian(
  () => call('GET', `/v1/capacity?departmentId=${firstDept}&from=${FROM}&to=${TO}`),
  RUNS,
);

// Baseline: the same rows read raw, in one read-only connection of its own.
const raw = rawCapacityReads(file);
let rows = 0;
let summary: any;
let days = 0;
// The organisation's request and the raw read, run alternately.
const [org, baseline] = await timeMedianPair(
  async () => {
    const r = await call('GET', `/v1/capacity?from=${FROM}&to=${TO}`);
    summary = r.summary;
    days = r.days.length;
  },
  () => {
    rows = raw.read({ from: FROM, to: TO });
  },
  RUNS,
);
const healthz = await timeMedian(() => app.request('/healthz'), RUNS * 10);

console.log(
  `setup: ${DEPARTMENTS} departments × ${MEMBERS} members, published one-year rotations, through the API in ${(setupMs / 1000).toFixed(1)} s`,
);
console.log(
  `organisation: peak ${summary.peakThinClient} thin-client seats, ${summary.peakLoanPc} loan PCs over ${days} days`,
);
const ratio = org / baseline;
printTable([
  {
    case: `GET /v1/capacity, organisation, one year (${DEPARTMENTS * MEMBERS} members)`,
    'median ms': org.toFixed(1),
    ratio: `${ratio.toFixed(1)}× raw read`,
    target: '≤ 2× raw read',
    met: ratio <= 2 ? 'yes' : 'NO',
  },
  {
    case: 'GET /v1/capacity?departmentId=, one department, one year',
    'median ms': one.toFixed(1),
    ratio: `${(one / baseline).toFixed(2)}× raw read`,
    target: '',
    met: '',
  },
  {
    case: `baseline: raw better-sqlite3 read of the same ${rows} rows`,
    'median ms': baseline.toFixed(1),
    ratio: '1.0×',
    target: '',
    met: '',
  },
  {
    case: 'GET /healthz through app.request',
    'median ms': healthz.toFixed(2),
    ratio: '',
    target: '',
    met: '',
  },
]);
raw.close();
await cleanup();
