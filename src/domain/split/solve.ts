import { spread } from '../collections.ts';
import { createRng } from '../prng.ts';
import { err, ok, type Result } from '../result.ts';
import { blockingConstraints, closestSplitIssues } from './diagnose.ts';
import { exactSearch } from './exact.ts';
import { necessaryConditions } from './prechecks.ts';
import { buildProblem, type Problem } from './problem.ts';
import { greedy, greedyOrder, improve } from './search.ts';
import { tabuSearch } from './tabu.ts';
import { SplitState } from './state.ts';
import type { Split, SplitError, SplitOptions, SplitTeam } from './types.ts';
import { teamLabel } from './labels.ts';
import type { SplitMember } from '../types.ts';

export type * from './types.ts';

// The split, end to end:
// 1. canonical problem: members sorted by id, keep-together groups merged into units (union-find),
//    keep-apart pairs as conflict edges between units, required skills merged by name;
// 2. fast necessary conditions (seats, holders, groups vs pairs, …), each naming its constraint;
// 3. an attempt with team sizes held within one of each other: greedy placement of the hardest
//    units first (and of the unit with keep-apart partners in the most teams, as DSATUR does) on
//    the cheapest team (lexicographic cost: hard violations, size, leaders, remote needs, skills),
//    then tabu search (TabuCol with swaps) and/or a complete (small) or bounded (medium)
//    depth-first search, then hill-climbing of the soft goals by moves and sampled swaps;
// 4. if sizes cannot be held within one, the same attempt with only maxTeamSize and non-empty teams;
// 5. on failure, the constraints that alone block a split (small problems), or those the closest
//    split found still breaks.

// Small problems go straight to the complete search when greedy leaves a violation; larger ones
// get tabu search first, then (up to MEDIUM_UNITS) a bounded search. The search visits about
// 8 million nodes a second on small problems, so a budget of 5 million bounds an adversarial small
// request to well under a second per attempt; choosing the next unit scans the unplaced ones, so
// a medium problem's node costs up to 600 steps, and 100,000 of them take about a tenth of a second.
const SMALL_UNITS = 24;
const SMALL_BUDGET = 5_000_000;
const MEDIUM_UNITS = 600;
const MEDIUM_BUDGET = 100_000;
// Tabu search is priced in evaluated moves and swaps (about 10 million a second): 2 to 4 million
// (10,000 per unit) settle planted keep-apart splits of a few hundred members, bar the hardest
// densities. Small problems only need it for the closest assignment, as their complete search decides.
const tabuBudget = (units: number, small: boolean) =>
  small ? 20_000 : Math.min(4_000_000, Math.max(2_000_000, 10_000 * units));

type Attempt = { state: SplitState; solved: boolean; proven: boolean };

/** One search for a split whose team sizes lie in [lo, hi]: greedy, then tabu and/or exact search, then polish. */
function attempt(p: Problem, lo: number, hi: number): Attempt {
  const rng = createRng(p.seed ^ 0x5eed);
  const U = p.units.length;
  const state = new SplitState(p, lo, hi);
  greedy(state, greedyOrder(p));
  if (state.hard() === 0) return finish(state, rng);
  const small = U <= SMALL_UNITS;
  if (!small && tabuSearch(state, rng, tabuBudget(U, small)) === 0) return finish(state, rng);
  let proven = false;
  if (U <= MEDIUM_UNITS) {
    const outcome = exactSearch(p, lo, hi, small ? SMALL_BUDGET : MEDIUM_BUDGET);
    if (outcome.status === 'found') {
      const fresh = new SplitState(p, lo, hi);
      fresh.load(outcome.assign);
      return finish(fresh, rng);
    }
    proven = outcome.status === 'infeasible';
  }
  // Tabu search also yields the closest assignment, whose unmet constraints the error names.
  if (small && tabuSearch(state, rng, tabuBudget(U, small)) === 0) return finish(state, rng);
  return { state, solved: false, proven };
}

/** Polishes the soft goals of a split that meets every hard constraint. */
function finish(state: SplitState, rng: () => number): Attempt {
  const U = state.assign.length;
  improve(state, rng, U > 5_000 ? 2 : 3, U > 5_000 ? 2 : 4);
  return { state, solved: true, proven: false };
}

/** Splits members into isolated teams meeting every hard constraint, balancing sizes, remote needs and skills; or names each unmet constraint. */
export function splitTeams(members: SplitMember[], opts: SplitOptions): Result<Split, SplitError> {
  const built = buildProblem(members, opts);
  const p = built.problem;
  const issues = p ? [...built.issues, ...necessaryConditions(p)] : built.issues;
  if (!p || issues.length > 0) return err({ issues, exhaustive: true });
  const n = p.members.length;
  const k = p.teamCount;
  let result = attempt(p, Math.floor(n / k), Math.min(Math.ceil(n / k), p.maxTeamSize));
  let relaxed = false;
  if (!result.solved) {
    relaxed = true;
    result = attempt(p, 1, p.maxTeamSize);
  }
  const st = result.state;
  if (!result.solved) {
    const blocking =
      result.proven && p.units.length <= SMALL_UNITS ? blockingConstraints(members, opts, p) : [];
    return err({
      issues: blocking.length > 0 ? blocking : closestSplitIssues(st, result.proven),
      exhaustive: result.proven,
    });
  }

  // Canonical labels: the team holding the first member id (in id order) is A, and so on.
  const buckets = Array.from({ length: k }, () => [] as number[]);
  p.units.forEach((unit, u) => buckets[st.assign[u]!]!.push(...unit.members));
  for (const b of buckets) b.sort((x, y) => x - y);
  const teamOrder = buckets.map((_, t) => t).sort((a, b) => buckets[a]![0]! - buckets[b]![0]!);
  const teams: SplitTeam[] = teamOrder.map((t, i) => ({
    label: teamLabel(i),
    memberIds: buckets[t]!.map((m) => p.members[m]!.id),
  }));
  const leaders = teamOrder.map((t) => st.chiefs[t]! + st.deputies[t]!);
  return ok({
    teams,
    summary: {
      sizes: teamOrder.map((t) => st.size[t]!),
      sizeSpread: spread(st.size),
      thinClientSpread: spread(st.thin),
      loanPcSpread: spread(st.loan),
      leaderSpread: spread(leaders),
      sizeBalanceRelaxed: relaxed && spread(st.size) > 1,
    },
  });
}
