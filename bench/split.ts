// Benchmarks the pure domain core: team split and shift planning, against a round-robin baseline.
// Run: node --import tsx bench/split.ts   (prints median milliseconds over at least 15 timed runs)
import { performance } from 'node:perf_hooks';
import { checkSplitConstraints } from '../src/domain/rotation/invariants.ts';
import { createRng } from '../src/domain/prng.ts';
import { planShifts } from '../src/domain/rotation/plan.ts';
import type { Pattern, PlanInput } from '../src/domain/rotation/types.ts';
import { splitTeams } from '../src/domain/split/solve.ts';
import type { SplitOptions } from '../src/domain/split/types.ts';
import { teamLabel } from '../src/domain/split/labels.ts';
import type { DepartmentCalendar, RemoteAccess, SplitMember } from '../src/domain/types.ts';

const RUNS = 21;
const WARMUP = 5;

/** A synthetic department, the same for the same seed: skills, a few chiefs and deputies, remote needs. */
function department(
  n: number,
  skills: number,
  pairs: number,
  seed: number,
): { members: SplitMember[]; opts: SplitOptions } {
  const rng = createRng(seed);
  const skill = () => `skill-${String(Math.floor(rng() * skills)).padStart(2, '0')}`;
  const members: SplitMember[] = Array.from({ length: n }, (_, i) => {
    const r = rng();
    const remoteAccess: RemoteAccess =
      r < 0.2 ? 'thin-client' : r < 0.35 ? 'loan-pc' : 'company-pc';
    return {
      id: `m${String(i).padStart(6, '0')}`,
      name: `Member ${i}`,
      skills: [...new Set([skill(), skill(), ...(rng() < 0.3 ? [skill()] : [])])],
      position: i < 2 ? 'chief' : i < 6 ? 'deputy' : 'staff',
      remoteAccess,
    };
  });
  const separate: [string, string][] = [];
  while (separate.length < pairs) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(rng() * n);
    if (a !== b) separate.push([members[a]!.id, members[b]!.id]);
  }
  const requiredSkills = Array.from({ length: 5 }, (_, i) => ({
    skill: `skill-${String(i).padStart(2, '0')}`,
    min: 2,
  }));
  return { members, opts: { teamCount: 4, requiredSkills, separate, seed } };
}

/** The naive alternative: member i to team i mod k, no constraints looked at. */
function roundRobin(members: SplitMember[], k: number): string[][] {
  const teams: string[][] = Array.from({ length: k }, () => []);
  members.forEach((m, i) => teams[i % k]!.push(m.id));
  return teams;
}

function median(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const rows: {
  case: string;
  median: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: string;
  note: string;
}[] = [];
const ms = (x: number) => x.toFixed(x < 1 ? 3 : 1);
for (const [n, target] of [
  [1_000, 50],
  [10_000, 1_000],
] as const) {
  const { members, opts } = department(n, 20, 50, 42);
  const check = splitTeams(members, opts);
  if (!check.ok)
    throw new Error(`benchmark department is infeasible: ${JSON.stringify(check.error)}`);
  const split = median(() => splitTeams(members, opts));
  const base = median(() => roundRobin(members, opts.teamCount));
  const naive = roundRobin(members, opts.teamCount).map((memberIds, i) => ({
    label: teamLabel(i),
    memberIds,
  }));
  rows.push({
    case: `splitTeams ${n.toLocaleString('en')} members / 20 skills / 50 pairs / 4 teams`,
    median: ms(split),
    baseline: ms(base),
    ratio: `${(split / base).toFixed(0)}×`,
    target: `< ${target}`,
    verdict: split < target ? 'ok' : 'SLOW',
    note: `round-robin breaks ${checkSplitConstraints(members, naive, opts).length} constraints; split breaks ${checkSplitConstraints(members, check.value.teams, opts).length}`,
  });
}

// Keep-apart pairs drawn from a known split (member i in team i mod 6), as a chief might list
// who cannot stand in for whom: the split exists, and the search must find it.
{
  const rng = createRng(7);
  const members: SplitMember[] = Array.from({ length: 120 }, (_, i) => ({
    id: `p${String(i).padStart(3, '0')}`,
    name: `Planted ${i}`,
    skills: [],
    position: 'staff',
    remoteAccess: 'company-pc',
  }));
  const cross: [string, string][] = [];
  for (let a = 0; a < 120; a++)
    for (let b = a + 1; b < 120; b++)
      if (a % 6 !== b % 6) cross.push([members[a]!.id, members[b]!.id]);
  for (let i = cross.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [cross[i], cross[j]] = [cross[j]!, cross[i]!];
  }
  const opts: SplitOptions = { teamCount: 6, separate: cross.slice(0, 1_820), seed: 7 };
  const check = splitTeams(members, opts);
  const split = median(() => splitTeams(members, opts));
  const base = median(() => roundRobin(members, opts.teamCount));
  rows.push({
    case: 'splitTeams 120 members planted in 6 teams / 1,820 pairs',
    median: ms(split),
    baseline: ms(base),
    ratio: `${(split / base).toFixed(0)}×`,
    target: '-',
    verdict: check.ok ? 'found' : 'NOT FOUND',
    note: check.ok
      ? `split breaks ${checkSplitConstraints(members, check.value.teams, opts).length} constraints`
      : `no split: ${check.error.issues.length} issues, the first ${check.error.issues[0]?.code}`,
  });
}

const calendar: DepartmentCalendar = {
  timezone: 'Asia/Tokyo',
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-02'],
  officeHours: { start: '08:30', end: '17:15' },
};
const patterns: Pattern[] = [
  { kind: 'daily', bufferDays: 1 },
  { kind: 'weekly' },
  {
    kind: 'daily',
    slots: [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    handoverMinutes: 30,
  },
];
for (const pattern of patterns) {
  const input: PlanInput = {
    calendar,
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    teamLabels: ['A', 'B', 'C', 'D'],
    pattern,
  };
  const r = planShifts(input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const plan = median(() => planShifts(input));
  // Baseline: the same working days dealt round-robin with no validation, buffers or slots.
  const dates = r.value.workingDates;
  const base = median(() =>
    dates.map((date, i) => ({ date, teamLabel: input.teamLabels[i % 4]! })),
  );
  rows.push({
    case: `planShifts 1 year, ${pattern.kind}${pattern.slots ? `, ${pattern.slots.length} slots` : ''}${pattern.bufferDays ? `, ${pattern.bufferDays} buffer day` : ''} (${r.value.shifts.length} shifts)`,
    median: ms(plan),
    baseline: ms(base),
    ratio: `${(plan / base).toFixed(0)}×`,
    target: '-',
    verdict: '',
    note: '',
  });
}

console.log(
  `bunsan domain bench — median of ${RUNS} runs after ${WARMUP} warm-up runs (node ${process.version})\n`,
);
console.table(
  rows.map((r) => ({
    case: r.case,
    'median ms': r.median,
    'round-robin ms': r.baseline,
    ratio: r.ratio,
    'target ms': r.target,
    '': r.verdict,
  })),
);
for (const r of rows) if (r.note) console.log(`${r.case}: ${r.note}`);
