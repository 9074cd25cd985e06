// A quarantine on a one-year rotation of 4 teams × 250 members: the domain swap alone, and the
// whole API request (transaction, swaps, outbox rows). Baseline, same run: one raw better-sqlite3
// transaction inserting as many rows as the request writes.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rotationShifts, rotationTeams } from '../src/db/repos/rotations.ts';
import { toTeamRef } from '../src/domain/rotation/index.ts';
import { planQuarantineSwaps } from '../src/domain/quarantine/swap.ts';
import { inProcessApp, printTable, timeMedian } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 11);
const now = new Date('2027-01-01T00:00:00Z');
const { db, dir, call, cleanup } = await inProcessApp('qbench', now);

const dept = await call('POST', '/v1/departments', { name: 'bench' });
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
await call('POST', `/v1/rotations/${rot.id}/publish`, undefined, { 'if-match': '"1"' });

const ctx = {
  teams: (await rotationTeams(db, rot.id)).map(toTeamRef),
  shifts: await rotationShifts(db, rot.id),
  returnSeparationDays: 0,
  handoverMinutes: 0,
  today: '2027-01-01',
};
let swaps = 0;
const domain = await timeMedian(() => {
  const outage = {
    quarantineId: 'q',
    teamId: ctx.teams[1]!.id,
    from: '2027-06-01',
    to: '2027-06-14',
  };
  swaps = planQuarantineSwaps({ ...ctx, outages: [outage] }, outage).swaps.length;
}, RUNS * 5);

// Each API run quarantines another team-fortnight, so every run really moves days.
let k = 0;
let lastId = '';
let moved = 0;
const api = await timeMedian(
  async () => {
    // Six weeks, so that all three other teams cover and every one of the 1,000 people is told.
    const start = new Date(Date.UTC(2027, 1, 1) + k * 43 * 86400_000).toISOString().slice(0, 10);
    const end = new Date(Date.parse(`${start}T00:00:00Z`) + 41 * 86400_000)
      .toISOString()
      .slice(0, 10);
    const team = rot.teams[k % 4].id;
    k++;
    const r = await call(
      'POST',
      '/v1/quarantines',
      { teamId: team, startDate: start, endDate: end },
      { 'idempotency-key': `bench-${k}` },
    );
    if (!r.swaps.length) throw new Error('no swap');
    moved = r.swaps.length;
    lastId = r.id;
  },
  Math.min(RUNS, 7),
  0,
);
// The last request's messages, counted after the timing (the outbox has no index on ref_id).
const outbox = Number(
  (
    await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ref_id', '=', lastId)
      .executeTakeFirstOrThrow()
  ).n,
);

// Baseline: as many rows as the request writes (its outbox messages, and per moved slot the swap
// and the covering shift) inserted raw in one transaction.
const raw = new Database(join(dir, 'raw.db'));
raw.pragma('journal_mode = WAL');
raw.exec('create table t (id text primary key, a text, b text, c text, d integer)');
const insert = raw.prepare('insert into t values (?, ?, ?, ?, ?)');
let n = 0;
const rawMs = await timeMedian(() => {
  raw.transaction(() => {
    for (let i = 0; i < outbox + 2 * moved; i++) insert.run(`r${n++}`, 'x', 'y', 'z', i);
  })();
}, RUNS);
raw.close();

printTable([
  {
    case: `domain swap: 14-day outage of one of 4 teams, 1-year rotation (${swaps} slots moved)`,
    'median ms': domain.toFixed(2),
    ratio: '',
    target: '< 20',
    met: domain < 20 ? 'yes' : 'NO',
  },
  {
    case: `POST /v1/quarantines (6 weeks): 1,000 members, transaction + swaps + audit + outbox (${outbox} messages, ${moved} slots moved)`,
    'median ms': api.toFixed(1),
    ratio: `${(api / rawMs).toFixed(1)}× raw`,
    target: '≤ 30',
    met: api <= 30 ? 'yes' : 'NO',
  },
  {
    case: `baseline: ${outbox + 2 * moved} raw inserts in one transaction`,
    'median ms': rawMs.toFixed(1),
    ratio: '1.0×',
    target: '',
    met: '',
  },
]);
await cleanup();
