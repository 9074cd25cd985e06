import { exactSearch } from './exact.ts';
import { buildProblem, constraintParams, issue, type Problem } from './problem.ts';
import type { SplitState } from './state.ts';
import type { SplitConstraintRef, SplitIssue, SplitOptions } from './types.ts';
import type { SplitMember } from '../types.ts';

/** Node budget of the whole relaxation analysis (about a quarter of a second). */
const DIAGNOSIS_BUDGET = 2_000_000;

type Relaxation = {
  paths: string[];
  constraint: SplitConstraintRef;
  label: string;
  opts: SplitOptions;
};

/** Each hard constraint of a problem, with the options that drop it alone. */
function relaxations(p: Problem, opts: SplitOptions): Relaxation[] {
  const out: Relaxation[] = [];
  p.required.forEach((r, ri) => {
    out.push({
      paths: p.requiredPaths[ri]!,
      constraint: { kind: 'requiredSkill', skill: r.skill, min: r.min },
      label: `skill \`${r.skill}\` (min ${r.min} per team)`,
      opts: {
        ...opts,
        requiredSkills: (opts.requiredSkills ?? []).filter((x) => x.skill !== r.skill),
      },
    });
  });
  p.separate.forEach(([a, b], i) => {
    const pair: [string, string] = [p.members[a]!.id, p.members[b]!.id];
    const at = Number(p.separatePaths[i]!.split('/')[2]);
    out.push({
      paths: [p.separatePaths[i]!],
      constraint: { kind: 'separate', pair },
      label: `keep-apart pair [${pair.join(', ')}]`,
      opts: { ...opts, separate: (opts.separate ?? []).filter((_, j) => j !== at) },
    });
  });
  const leaders = p.members.filter((m) => m.position !== 'staff');
  if (
    p.keepLeadersApart &&
    leaders.some((m) => m.position === 'chief') &&
    leaders.some((m) => m.position === 'deputy')
  ) {
    const ids = (pos: string) => leaders.filter((m) => m.position === pos).map((m) => m.id);
    out.push({
      paths: ['/keepLeadersApart'],
      constraint: { kind: 'leaders', chiefIds: ids('chief'), deputyIds: ids('deputy') },
      label: 'chiefs apart from deputies',
      opts: { ...opts, keepLeadersApart: false },
    });
  }
  if (Number.isFinite(p.maxTeamSize)) {
    out.push({
      paths: ['/maxTeamSize'],
      constraint: { kind: 'maxTeamSize', maxTeamSize: p.maxTeamSize },
      label: `maxTeamSize ${p.maxTeamSize}`,
      opts: { ...opts, maxTeamSize: undefined },
    });
  }
  return out;
}

/**
 * After a complete search proved that no split exists, names each constraint that alone stands in
 * the way: dropping it (and nothing else) would allow a split. Empty when no single constraint does
 * (several must give way together) or the analysis ran out of budget.
 */
export function blockingConstraints(
  members: SplitMember[],
  opts: SplitOptions,
  p: Problem,
): SplitIssue[] {
  const out: SplitIssue[] = [];
  const candidates = relaxations(p, opts);
  const budget = Math.floor(DIAGNOSIS_BUDGET / Math.max(1, candidates.length));
  for (const c of candidates) {
    const relaxed = buildProblem(members, c.opts).problem;
    if (!relaxed) continue;
    const outcome = exactSearch(relaxed, 1, relaxed.maxTeamSize, budget);
    if (outcome.status === 'found') {
      out.push(
        issue(
          'unsatisfiable',
          c.paths,
          c.constraint,
          `${c.label}: no split satisfies it together with the other constraints; without it alone a split exists`,
          ...reasonOf(c.constraint),
        ),
      );
    }
  }
  return out;
}

/** An issue's params and members that name the constraint. */
const reasonOf = (c: SplitConstraintRef) => {
  const { params, members } = constraintParams(c);
  return [params, members] as const;
};

type Broken = { paths: string[]; constraint: SplitConstraintRef; label: string };

/** The hard constraints an assignment breaks, in the order of the options. */
function brokenBy(st: SplitState): Broken[] {
  const p = st.p;
  const k = st.k;
  const out: Broken[] = [];
  p.required.forEach((r, ri) => {
    let short = 0;
    for (let t = 0; t < k; t++) if (st.req[t * st.R + ri]! < r.min) short++;
    if (short > 0)
      out.push({
        paths: p.requiredPaths[ri]!,
        constraint: { kind: 'requiredSkill', skill: r.skill, min: r.min },
        label: `skill \`${r.skill}\` (min ${r.min} per team)`,
      });
  });
  p.separate.forEach(([a, b], i) => {
    if (st.assign[p.unitOf[a]!] !== st.assign[p.unitOf[b]!]) return;
    const pair: [string, string] = [p.members[a]!.id, p.members[b]!.id];
    out.push({
      paths: [p.separatePaths[i]!],
      constraint: { kind: 'separate', pair },
      label: `keep-apart pair [${pair.join(', ')}]`,
    });
  });
  const teams = Array.from({ length: k }, (_, t) => t);
  if (p.keepLeadersApart && teams.some((t) => st.chiefs[t]! > 0 && st.deputies[t]! > 0)) {
    const ids = (pos: string) => p.members.filter((m) => m.position === pos).map((m) => m.id);
    out.push({
      paths: ['/keepLeadersApart'],
      constraint: { kind: 'leaders', chiefIds: ids('chief'), deputyIds: ids('deputy') },
      label: 'chiefs apart from deputies',
    });
  }
  if (teams.some((t) => st.size[t]! > p.maxTeamSize))
    out.push({
      paths: ['/maxTeamSize'],
      constraint: { kind: 'maxTeamSize', maxTeamSize: p.maxTeamSize },
      label: `maxTeamSize ${p.maxTeamSize}`,
    });
  if (out.length === 0 || teams.some((t) => st.size[t] === 0))
    out.push({
      paths: ['/teamCount'],
      constraint: { kind: 'teamCount', teamCount: k },
      label: `${k} non-empty teams`,
    });
  return out;
}

/** At most this many constraints are named after a failed search, however many the closest split breaks. */
const NAMED = 3;

/**
 * Why the search found no split. After a complete search (`proven`), the constraints the closest
 * assignment breaks, as impossible together with the others. Otherwise one `search-budget` issue
 * that claims nothing impossible, then a few constraints the closest split still breaks.
 */
export function closestSplitIssues(st: SplitState, proven: boolean): SplitIssue[] {
  const broken = brokenBy(st);
  const more = broken.length - NAMED;
  const tail = more > 0 ? ` (${more} more not listed)` : '';
  const named = broken.slice(0, NAMED);
  if (proven)
    return named.map((b, i) =>
      issue(
        'unsatisfiable',
        b.paths,
        b.constraint,
        `${b.label}: no split satisfies it together with the other constraints${i === named.length - 1 ? tail : ''}`,
        ...reasonOf(b.constraint),
      ),
    );
  return [
    issue(
      'search-budget',
      ['/seed'],
      { kind: 'seed', seed: st.p.seed },
      `no split was found within the search budget; one may exist — try another seed, or fewer keep-apart pairs, keep-together groups or required skills. The closest split found breaks ${broken.length} constraint${broken.length === 1 ? '' : 's'}`,
      { broken: broken.length },
    ),
    ...named.map((b) =>
      issue(
        'closest-split-unmet',
        b.paths,
        b.constraint,
        `${b.label}: not met by the closest split the search found (a split meeting it may still exist)`,
        ...reasonOf(b.constraint),
      ),
    ),
  ];
}
