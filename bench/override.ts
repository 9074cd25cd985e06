// A chief's override on a one-year rotation of 4 teams × 250 members: swapping two days moves 500
// people's days (500 notices, 4 shifts, the override, audit). Baseline, same run: one raw
// better-sqlite3 transaction inserting as many rows as the request writes.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { inProcessApp, printTable, timeMedian } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 11);
const now = new Date('2027-01-01T00:00:00Z');
const { db, dir, app, call, cleanup } = await inProcessApp('obench', now);

const dept = await call('POST', '/v1/departments', { name: 'bench', holidays: 'none' });
await call('POST', `/v1/departments/${dept.id}/members`, {
  members: Array.from({ length: 1000 }, (_, i) => ({ name: `M${i}`, email: `m${i}@example.jp` })),
});
const rot = await call('POST', `/v1/departments/${dept.id}/rotations`, {
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  teamCount: 4,
  pattern: { kind: 'daily' },
  constraints: { keepLeadersApart: false },
});
let version = (
  await call('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' })
).version as number;
const feed = await call('POST', '/v1/feeds', { scope: 'department', id: dept.id });
const days = (
  await call('GET', `/v1/rotations/${rot.id}/schedule?from=2027-02-01&to=2027-12-31`)
).days.filter((d: any) => d.kind === 'office') as { date: string; officeTeamId: string }[];

// Each run swaps another pair of neighbouring days (two teams trade: 500 people told).
let k = 0;
let lastOverrideId = '';
let affected = 0;
const swap = async () => {
  const [a, b] = [days[2 * k]!, days[2 * k + 1]!];
  k++;
  const r = await call(
    'POST',
    `/v1/rotations/${rot.id}/overrides`,
    { kind: 'swap', dates: [a.date, b.date] },
    { 'if-match': `"${version}"` },
  );
  version = r.version;
  affected = r.affected.length;
  lastOverrideId = r.override.id;
};
const api = await timeMedian(swap, RUNS, 1);
// The same, then the department's feed rendered again (its cache invalidated by the change).
const withFeed = await timeMedian(
  async () => {
    await swap();
    const res = await app.request(`/feeds/${feed.token}.ics`);
    if (res.status !== 200) throw new Error(`feed ${res.status}`);
    await res.text();
  },
  RUNS,
  1,
);

// Counted after the timing: the request itself never asks.
const outbox = Number(
  (
    await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ref_id', '=', lastOverrideId)
      .executeTakeFirstOrThrow()
  ).n,
);

const raw = new Database(join(dir, 'raw.db'));
raw.pragma('journal_mode = WAL');
raw.exec('create table t (id text primary key, a text, b text, c text, d integer)');
const insert = raw.prepare('insert into t values (?, ?, ?, ?, ?)');
let n = 0;
const rows = outbox + 4 + 4;
const rawMs = await timeMedian(() => {
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`r${n++}`, 'x', 'y', 'z', i);
  })();
}, RUNS);
raw.close();

printTable([
  {
    case: `POST /v1/rotations/{id}/overrides (swap): 1,000 members, ${affected} people's days change, ${outbox} messages`,
    'median ms': api.toFixed(1),
    ratio: `${(api / rawMs).toFixed(1)}× raw`,
    target: '< 50',
    met: api < 50 ? 'yes' : 'NO',
  },
  {
    case: 'the same override, then the department feed rendered again',
    'median ms': withFeed.toFixed(1),
    ratio: `${(withFeed / rawMs).toFixed(1)}× raw`,
    target: '',
    met: '',
  },
  {
    case: `baseline: ${rows} raw inserts in one transaction`,
    'median ms': rawMs.toFixed(2),
    ratio: '1.0×',
    target: '',
    met: '',
  },
]);
await cleanup();
