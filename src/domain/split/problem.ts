import { byString, groupBy } from '../collections.ts';
import { hashString } from '../prng.ts';
import type {
  ReasonMembers,
  ReasonParams,
  RequiredSkill,
  SplitConstraintRef,
  SplitIssue,
  SplitIssueCode,
  SplitOptions,
} from './types.ts';
import type { SplitMember } from '../types.ts';

/** A set of members that must share a team (a keep-together group, or one member), with its totals. */
export interface Unit {
  members: number[];
  size: number;
  /** Sparse counts of required skills: reqCnt[i] members hold required skill reqIdx[i]. */
  reqIdx: number[];
  reqCnt: number[];
  /** Sparse counts over every skill in the department. */
  skIdx: number[];
  skCnt: number[];
  chiefs: number;
  deputies: number;
  thin: number;
  loan: number;
  /** Units that must be in another team (keep-apart pairs), without repeats. */
  conflicts: number[];
  /** Seeded hash of the unit's first member id, for order-independent tie-breaks. */
  key: number;
}

/** The split problem in canonical form: members sorted by id, constraints merged into units and edges. */
export interface Problem {
  members: SplitMember[];
  units: Unit[];
  unitOf: Int32Array;
  teamCount: number;
  required: RequiredSkill[];
  /** Option paths behind each merged required skill, for error reports. */
  requiredPaths: string[][];
  skills: string[];
  maxTeamSize: number;
  keepLeadersApart: boolean;
  seed: number;
  separate: [number, number][];
  separatePaths: string[];
  together: number[][];
  togetherPaths: string[];
}

/** Builds a SplitIssue: the English reason, and what it speaks of as data. */
export const issue = (
  code: SplitIssueCode,
  paths: string[],
  constraint: SplitConstraintRef,
  reason: string,
  params: ReasonParams = {},
  members: ReasonMembers = {},
): SplitIssue => ({ code, paths, constraint, reason, params, members });

/**
 * A constraint as the values and members a reason names it by, with its kind as the `variant`
 * (templates word each kind of constraint their own way).
 */
export function constraintParams(c: SplitConstraintRef): {
  params: ReasonParams;
  members: ReasonMembers;
} {
  switch (c.kind) {
    case 'teamCount':
      return { params: { variant: c.kind, teamCount: c.teamCount }, members: {} };
    case 'requiredSkill':
      return { params: { variant: c.kind, skill: c.skill, min: c.min }, members: {} };
    case 'maxTeamSize':
      return { params: { variant: c.kind, maxTeamSize: c.maxTeamSize }, members: {} };
    case 'seed':
      return { params: { variant: c.kind, seed: c.seed }, members: {} };
    case 'separate':
      return { params: { variant: c.kind }, members: { a: [c.pair[0]], b: [c.pair[1]] } };
    case 'together':
      return { params: { variant: c.kind }, members: { group: c.group } };
    case 'members':
      return { params: { variant: c.kind }, members: { names: c.memberIds } };
    case 'leaders':
      return {
        params: { variant: c.kind },
        members: { chiefs: c.chiefIds, deputies: c.deputyIds },
      };
  }
}

const isPositiveInt = (x: unknown): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= 1;

function find(parent: Int32Array, x: number): number {
  while (parent[x]! !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** Required skills as the split enforces them: merged by name (the largest min wins), a min of 0 dropped, sorted by name. */
export function mergeRequiredSkills(required: readonly RequiredSkill[]): RequiredSkill[] {
  const minOf = new Map<string, number>();
  for (const r of required) minOf.set(r.skill, Math.max(minOf.get(r.skill) ?? 0, r.min));
  return [...minOf]
    .filter(([, min]) => min > 0)
    .sort(([a], [b]) => byString(a, b))
    .map(([skill, min]) => ({ skill, min }));
}

/**
 * Validates the shape of the options and builds the canonical problem from the entries that are
 * valid. No problem is built when teamCount is invalid or member ids repeat.
 */
export function buildProblem(
  input: SplitMember[],
  opts: SplitOptions,
): { issues: SplitIssue[]; problem?: Problem } {
  const issues: SplitIssue[] = [];
  const k = opts.teamCount;
  if (!isPositiveInt(k)) {
    return {
      issues: [
        issue(
          'invalid-team-count',
          ['/teamCount'],
          { kind: 'teamCount', teamCount: k },
          `teamCount must be a whole number of at least 1, got ${String(k)}`,
          { teamCount: String(k) },
        ),
      ],
    };
  }
  const seed = opts.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    issues.push(
      issue('invalid-option', ['/seed'], { kind: 'seed', seed }, 'seed must be a finite number', {
        variant: 'seed',
      }),
    );
  let maxTeamSize = Number.POSITIVE_INFINITY;
  if (isPositiveInt(opts.maxTeamSize)) maxTeamSize = opts.maxTeamSize;
  else if (opts.maxTeamSize !== undefined) {
    issues.push(
      issue(
        'invalid-option',
        ['/maxTeamSize'],
        { kind: 'maxTeamSize', maxTeamSize: opts.maxTeamSize },
        'maxTeamSize must be a whole number of at least 1',
        { variant: 'maxTeamSize' },
      ),
    );
  }

  const members = [...input].sort((a, b) => byString(a.id, b.id));
  const index = new Map<string, number>();
  const dupes = new Set<string>();
  members.forEach((m, i) => (index.has(m.id) ? dupes.add(m.id) : index.set(m.id, i)));
  if (dupes.size > 0) {
    const ids = [...dupes];
    return {
      issues: [
        ...issues,
        issue(
          'duplicate-member',
          [],
          { kind: 'members', memberIds: ids },
          `member ids appear more than once: ${ids.join(', ')}`,
          {},
          { names: ids },
        ),
      ],
    };
  }
  const unknownIn = (ids: string[]) => ids.filter((id) => !index.has(id));

  const validRequired: (RequiredSkill & { path: string })[] = [];
  (opts.requiredSkills ?? []).forEach((r, i) => {
    const path = `/requiredSkills/${i}`;
    if (typeof r?.skill !== 'string' || r.skill === '' || !Number.isInteger(r.min) || r.min < 0) {
      issues.push(
        issue(
          'invalid-option',
          [path],
          { kind: 'requiredSkill', skill: String(r?.skill), min: Number(r?.min) },
          'a required skill needs a non-empty skill name and a whole min of at least 0',
          { variant: 'requiredSkill' },
        ),
      );
      return;
    }
    validRequired.push({ skill: r.skill, min: r.min, path });
  });
  const required = mergeRequiredSkills(validRequired);
  const entriesOf = groupBy(validRequired, (r) => r.skill);
  const requiredPaths = required.map((r) => entriesOf.get(r.skill)!.map((e) => e.path));

  const separate: [number, number][] = [];
  const separatePaths: string[] = [];
  (opts.separate ?? []).forEach((pair, i) => {
    const path = `/separate/${i}`;
    const ref: SplitConstraintRef = { kind: 'separate', pair };
    if (!Array.isArray(pair) || pair.length !== 2)
      issues.push(
        issue('invalid-option', [path], ref, 'a keep-apart pair names exactly two members', {
          variant: 'separate',
        }),
      );
    else if (unknownIn(pair).length > 0)
      issues.push(
        issue(
          'unknown-member',
          [path],
          ref,
          `keep-apart pair [${pair.join(', ')}] names unknown member ${unknownIn(pair).join(', ')}`,
          {},
          { names: unknownIn(pair) },
        ),
      );
    else if (pair[0] === pair[1])
      issues.push(
        issue(
          'invalid-option',
          [path],
          ref,
          `keep-apart pair names ${pair[0]} twice`,
          { variant: 'separate-twice' },
          { a: [pair[0]] },
        ),
      );
    else {
      const a = index.get(pair[0])!;
      const b = index.get(pair[1])!;
      separate.push(a < b ? [a, b] : [b, a]);
      separatePaths.push(path);
    }
  });

  const together: number[][] = [];
  const togetherPaths: string[] = [];
  (opts.together ?? []).forEach((group, i) => {
    const path = `/together/${i}`;
    if (!Array.isArray(group))
      issues.push(
        issue(
          'invalid-option',
          [path],
          { kind: 'together', group: [] },
          'a keep-together group is a list of member ids',
          { variant: 'together' },
        ),
      );
    else if (unknownIn(group).length > 0)
      issues.push(
        issue(
          'unknown-member',
          [path],
          { kind: 'together', group },
          `keep-together group [${group.join(', ')}] names unknown member ${unknownIn(group).join(', ')}`,
          {},
          { names: unknownIn(group) },
        ),
      );
    else {
      together.push([...new Set(group.map((id) => index.get(id)!))].sort((a, b) => a - b));
      togetherPaths.push(path);
    }
  });

  // Keep-together groups become units through union-find; units are numbered by their first member.
  const n = members.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  for (const g of together)
    for (let j = 1; j < g.length; j++) {
      const a = find(parent, g[0]!);
      const b = find(parent, g[j]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  const unitOf = new Int32Array(n);
  const unitByRoot = new Map<number, number>();
  const unitMembers: number[][] = [];
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    let u = unitByRoot.get(root);
    if (u === undefined) {
      u = unitMembers.push([]) - 1;
      unitByRoot.set(root, u);
    }
    unitMembers[u]!.push(i);
    unitOf[i] = u;
  }

  const skills = [...new Set(members.flatMap((m) => m.skills))].sort(byString);
  const skillIdx = new Map(skills.map((s, i) => [s, i]));
  const reqIdxOf = new Map(required.map((r, i) => [r.skill, i]));
  const units: Unit[] = unitMembers.map((ms) => {
    const req = new Map<number, number>();
    const sk = new Map<number, number>();
    let chiefs = 0,
      deputies = 0,
      thin = 0,
      loan = 0;
    for (const m of ms) {
      const mem = members[m]!;
      for (const s of new Set(mem.skills)) {
        const si = skillIdx.get(s)!;
        sk.set(si, (sk.get(si) ?? 0) + 1);
        const r = reqIdxOf.get(s);
        if (r !== undefined) req.set(r, (req.get(r) ?? 0) + 1);
      }
      if (mem.position === 'chief') chiefs++;
      else if (mem.position === 'deputy') deputies++;
      if (mem.remoteAccess === 'thin-client') thin++;
      else if (mem.remoteAccess === 'loan-pc') loan++;
    }
    const reqE = [...req].sort((a, b) => a[0] - b[0]);
    const skE = [...sk].sort((a, b) => a[0] - b[0]);
    return {
      members: ms,
      size: ms.length,
      reqIdx: reqE.map((e) => e[0]),
      reqCnt: reqE.map((e) => e[1]),
      skIdx: skE.map((e) => e[0]),
      skCnt: skE.map((e) => e[1]),
      chiefs,
      deputies,
      thin,
      loan,
      conflicts: [],
      key: hashString(members[ms[0]!]!.id, seed >>> 0),
    };
  });
  // Keep-apart pairs become conflict edges between units (a pair inside one unit is a precheck failure).
  const edges = new Set<number>();
  for (const [a, b] of separate) {
    const ua = unitOf[a]!;
    const ub = unitOf[b]!;
    const key = Math.min(ua, ub) * n + Math.max(ua, ub);
    if (ua === ub || edges.has(key)) continue;
    edges.add(key);
    units[ua]!.conflicts.push(ub);
    units[ub]!.conflicts.push(ua);
  }
  for (const u of units) u.conflicts.sort((a, b) => a - b);

  return {
    issues,
    problem: {
      members,
      units,
      unitOf,
      teamCount: k,
      required,
      requiredPaths,
      skills,
      maxTeamSize,
      keepLeadersApart: opts.keepLeadersApart ?? true,
      seed: seed >>> 0,
      separate,
      separatePaths,
      together,
      togetherPaths,
    },
  };
}
