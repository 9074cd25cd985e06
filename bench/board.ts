// The boards, through the API in this process (app.request, one SQLite file each):
// - a department of 1,000 members, four teams, a published half-year rotation, a team and a few
//   members in standby: GET /v1/departments/{id}/board (target < 20 ms);
// - an organisation of 20,000 members in 300 departments, each with a published rotation and a team
//   quarantine in every tenth: GET /v1/board (target < 300 ms).
// Baseline, same run: raw better-sqlite3 reading the rows each answer is computed from (the active
// members, the published rotations' memberships, their office shifts in the 92-day window) — what
// any implementation must at least read.
import Database from 'better-sqlite3';
import { createRng } from '../src/domain/prng.ts';
import { inProcessApp, printTable, timeMedianPair } from './support.ts';

const BIG = Number(process.env.BIG ?? 1_000);
const DEPARTMENTS = Number(process.env.DEPARTMENTS ?? 300);
const MEMBERS = Number(process.env.MEMBERS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 15);
const DATE = '2027-02-10';
const THROUGH = '2027-05-13'; // DATE + 92 days: the window a board reads
const access = ['company-pc', 'loan-pc', 'thin-client'];

/** The raw reads of the rows a board needs, of one department or all, on a read-only connection. */
function rawBoardReads(file: string, departmentId?: string) {
  const raw = new Database(file, { readonly: true });
  const dept = departmentId ? 'and department_id = @dept' : '';
  const published = `select id from rotations where status = 'published' and start_date <= @to and end_date >= @from ${dept}`;
  const reads = [
    raw.prepare(
      `select id, department_id, name, kana, position, remote_access from members where active = 1 ${dept}`,
    ),
    raw.prepare(
      `select rotation_id, team_id, member_id, from_date, to_date, office_from from memberships where rotation_id in (${published})`,
    ),
    raw.prepare(
      `select rotation_id, team_id, date, slot, start_time, end_time from shifts where status = 'scheduled' and date between @from and @to and rotation_id in (${published})`,
    ),
  ];
  const params = { from: DATE, to: THROUGH, ...(departmentId ? { dept: departmentId } : {}) };
  return {
    read: () => reads.reduce((n, q) => n + q.all(params).length, 0),
    close: () => raw.close(),
  };
}

const rand = createRng(5);
const people = (d: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `社員 ${d}-${i}`,
    email: `m${i}@d${d}.example.jp`,
    remoteAccess: access[Math.floor(rand() * 3)],
  }));

// One large department.
const one = await inProcessApp('boardbench', new Date('2027-01-04T00:00:00Z'));
const dept = await one.call('POST', '/v1/departments', { name: '情報政策課' });
await one.call('POST', `/v1/departments/${dept.id}/members`, { members: people(0, BIG) });
const rot = await one.call('POST', `/v1/departments/${dept.id}/rotations`, {
  startDate: '2027-01-04',
  endDate: '2027-06-30',
  teamCount: 4,
  pattern: { kind: 'daily' },
  constraints: { keepLeadersApart: false },
});
await one.call('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });
await one.call('POST', '/v1/quarantines', { teamId: rot.teams[1].id, startDate: '2027-02-08' });
for (const memberId of rot.teams[2].memberIds.slice(0, 5))
  await one.call('POST', '/v1/quarantines', { memberId, startDate: '2027-02-09' });
const rawOne = rawBoardReads(one.file, dept.id);
let oneRows = 0;
let standbyOne = 0;
const [deptMs, deptBase] = await timeMedianPair(
  async () => {
    standbyOne = (await one.call('GET', `/v1/departments/${dept.id}/board?date=${DATE}`)).standby
      .length;
  },
  () => {
    oneRows = rawOne.read();
  },
  RUNS,
);
rawOne.close();
await one.cleanup();

// The organisation.
const org = await inProcessApp('orgboardbench', new Date('2027-01-04T00:00:00Z'));
const setupStart = performance.now();
let made = 0;
for (let d = 0; d < DEPARTMENTS; d++) {
  const size = Math.floor(((d + 1) * MEMBERS) / DEPARTMENTS) - made;
  made += size;
  const dp = await org.call('POST', '/v1/departments', { name: `部署 ${d}` });
  await org.call('POST', `/v1/departments/${dp.id}/members`, { members: people(d, size) });
  const r = await org.call('POST', `/v1/departments/${dp.id}/rotations`, {
    startDate: '2027-01-04',
    endDate: '2027-06-30',
    teamCount: 3 + (d % 2),
    pattern: { kind: d % 3 === 0 ? 'weekly' : 'daily' },
    constraints: { keepLeadersApart: false },
  });
  await org.call('POST', `/v1/rotations/${r.id}/publish`, undefined, { 'if-match': '"1"' });
  if (d % 10 === 0)
    await org.call('POST', '/v1/quarantines', { teamId: r.teams[0].id, startDate: '2027-02-08' });
}
const setupMs = performance.now() - setupStart;
const rawOrg = rawBoardReads(org.file);
let orgRows = 0;
let standbyOrg = 0;
const [orgMs, orgBase] = await timeMedianPair(
  async () => {
    standbyOrg = (await org.call('GET', `/v1/board?date=${DATE}`)).standby.length;
  },
  () => {
    orgRows = rawOrg.read();
  },
  Math.max(5, Math.floor(RUNS / 2)),
);
rawOrg.close();
await org.cleanup();

console.log(
  `setup: ${DEPARTMENTS} departments × ${MEMBERS} members with published rotations, through the API in ${(setupMs / 1000).toFixed(1)} s; in standby on ${DATE}: ${standbyOne} of ${BIG} (department), ${standbyOrg} (organisation)`,
);
printTable([
  {
    case: `GET /v1/departments/{id}/board, ${BIG} members`,
    'median ms': deptMs.toFixed(1),
    ratio: `${(deptMs / deptBase).toFixed(1)}× raw read`,
    target: '< 20 ms',
    met: deptMs < 20 ? 'yes' : 'NO',
  },
  {
    case: `baseline: raw better-sqlite3 read of its ${oneRows} rows`,
    'median ms': deptBase.toFixed(1),
    ratio: '1.0×',
    target: '',
    met: '',
  },
  {
    case: `GET /v1/board, ${MEMBERS} members in ${DEPARTMENTS} departments`,
    'median ms': orgMs.toFixed(1),
    ratio: `${(orgMs / orgBase).toFixed(1)}× raw read`,
    target: '< 300 ms',
    met: orgMs < 300 ? 'yes' : 'NO',
  },
  {
    case: `baseline: raw better-sqlite3 read of its ${orgRows} rows`,
    'median ms': orgBase.toFixed(1),
    ratio: '1.0×',
    target: '',
    met: '',
  },
]);
