import { exactSearch } from './exact.ts';
import { buildProblem, issue, type Problem } from './problem.ts';
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
        ),
      );
    }
  }
  return out;
}

/** Names each hard constraint the closest assignment found still breaks, when the search found no split. */
export function closestSplitIssues(st: SplitState, exhaustive: boolean): SplitIssue[] {
  const p = st.p;
  const k = st.k;
  const why = exhaustive
    ? 'no split satisfies it together with the other constraints'
    : 'the search found no split that satisfies it together with the other constraints';
  const out: SplitIssue[] = [];
  p.required.forEach((r, ri) => {
    let short = 0;
    for (let t = 0; t < k; t++) if (st.req[t * st.R + ri]! < r.min) short++;
    if (short > 0)
      out.push(
        issue(
          'unsatisfiable',
          p.requiredPaths[ri]!,
          { kind: 'requiredSkill', skill: r.skill, min: r.min },
          `skill \`${r.skill}\` (min ${r.min} per team): ${why}; the closest split found leaves ${short} team${short === 1 ? '' : 's'} short`,
        ),
      );
  });
  p.separate.forEach(([a, b], i) => {
    if (st.assign[p.unitOf[a]!] !== st.assign[p.unitOf[b]!]) return;
    const pair: [string, string] = [p.members[a]!.id, p.members[b]!.id];
    out.push(
      issue(
        'unsatisfiable',
        [p.separatePaths[i]!],
        { kind: 'separate', pair },
        `keep-apart pair [${pair.join(', ')}]: ${why}`,
      ),
    );
  });
  const teams = Array.from({ length: k }, (_, t) => t);
  if (p.keepLeadersApart && teams.some((t) => st.chiefs[t]! > 0 && st.deputies[t]! > 0)) {
    const ids = (pos: string) => p.members.filter((m) => m.position === pos).map((m) => m.id);
    out.push(
      issue(
        'unsatisfiable',
        ['/keepLeadersApart'],
        { kind: 'leaders', chiefIds: ids('chief'), deputyIds: ids('deputy') },
        `chiefs apart from deputies: ${why}`,
      ),
    );
  }
  if (teams.some((t) => st.size[t]! > p.maxTeamSize)) {
    out.push(
      issue(
        'unsatisfiable',
        ['/maxTeamSize'],
        { kind: 'maxTeamSize', maxTeamSize: p.maxTeamSize },
        `maxTeamSize ${p.maxTeamSize}: ${why}`,
      ),
    );
  }
  if (out.length === 0 || teams.some((t) => st.size[t] === 0)) {
    out.push(
      issue(
        'unsatisfiable',
        ['/teamCount'],
        { kind: 'teamCount', teamCount: k },
        `${k} non-empty teams: ${why}`,
      ),
    );
  }
  return out;
}
