import { randomInt } from '../prng.ts';
import type { Problem } from './problem.ts';
import { COST_LEN, HARD, SplitState, compareCost } from './state.ts';

/**
 * The order in which greedy places units: leaders, big units and holders of scarce required skills
 * first (they have the fewest good places), then the rest grouped by remote need and skills so that
 * placing each on the smallest team deals every kind of member round the teams. Seeded hash breaks ties.
 */
export function greedyOrder(p: Problem): number[] {
  const supply = p.required.map(() => 0);
  for (const u of p.units)
    u.reqIdx.forEach((r, i) => {
      supply[r]! += u.reqCnt[i]!;
    });
  const scarcity = p.units.map((u) => {
    let s = Number.POSITIVE_INFINITY;
    for (const r of u.reqIdx) s = Math.min(s, supply[r]! / (p.required[r]!.min * p.teamCount));
    return s;
  });
  const profile = p.units.map((u) => `${u.thin > 0 ? 0 : u.loan > 0 ? 1 : 2}:${u.skIdx.join(',')}`);
  const ids = p.units.map((_, i) => i);
  return ids.sort((a, b) => {
    const ua = p.units[a]!;
    const ub = p.units[b]!;
    const la = ua.chiefs + ua.deputies > 0 ? 1 : 0;
    const lb = ub.chiefs + ub.deputies > 0 ? 1 : 0;
    if (la !== lb) return lb - la;
    if (ua.size !== ub.size) return ub.size - ua.size;
    if (scarcity[a] !== scarcity[b]) return scarcity[a]! - scarcity[b]!;
    if (ua.conflicts.length !== ub.conflicts.length)
      return ub.conflicts.length - ua.conflicts.length;
    if (profile[a] !== profile[b]) return profile[a]! < profile[b]! ? -1 : 1;
    return ua.key - ub.key || a - b;
  });
}

/**
 * How many teams to reserve for chiefs when chiefs and deputies are kept apart: the split of teams
 * into chief teams and deputy teams that puts the fewest leaders in any one team (0 = no reservation).
 */
export function chiefTeamCount(p: Problem): number {
  let chiefs = 0;
  let deputies = 0;
  for (const u of p.units) {
    chiefs += u.chiefs;
    deputies += u.deputies;
  }
  const k = p.teamCount;
  if (!p.keepLeadersApart || chiefs === 0 || deputies === 0 || k < 2) return 0;
  let best = 1;
  let bestLoad = Number.POSITIVE_INFINITY;
  for (let kc = 1; kc < k; kc++) {
    const load = Math.max(Math.ceil(chiefs / kc), Math.ceil(deputies / (k - kc)));
    if (load < bestLoad) {
      bestLoad = load;
      best = kc;
    }
  }
  return best;
}

/**
 * Places every unit, in `order`, on the team where it costs least (hard violations first, then soft
 * goals). Chief units try the first chiefTeamCount teams and deputy units the others first, so the
 * leaders are spread without ever having to pass each other later.
 */
export function greedy(st: SplitState, order: number[]): void {
  const best = new Float64Array(COST_LEN);
  const cur = new Float64Array(COST_LEN);
  const kc = chiefTeamCount(st.p);
  for (const u of order) {
    const unit = st.p.units[u]!;
    const start = unit.key % st.k;
    const reserved = (t: number) =>
      kc > 0 && ((unit.chiefs > 0 && t >= kc) || (unit.deputies > 0 && t < kc));
    let bestT = -1;
    for (let pass = 0; pass < 2 && bestT < 0; pass++)
      for (let i = 0; i < st.k; i++) {
        const t = (start + i) % st.k;
        if (pass === 0 && reserved(t)) continue;
        st.moveDelta(u, t, cur);
        if (bestT < 0 || compareCost(cur, best) < 0) {
          bestT = t;
          best.set(cur);
        }
      }
    st.moveTo(u, bestT);
  }
}

/** Up to this many units, hill-climbing tries every swap and runs until nothing improves (about U² steps a pass). */
const EXHAUSTIVE_SWAPS_UNITS = 300;

/**
 * Hill-climbs the soft goals without breaking a hard constraint: moves a unit to a better team, or
 * swaps it with a few sampled units of other teams (swaps keep team sizes when sizes are tight).
 */
export function improve(
  st: SplitState,
  rng: () => number,
  maxPasses: number,
  swapSamples: number,
): void {
  const U = st.assign.length;
  if (U <= EXHAUSTIVE_SWAPS_UNITS) maxPasses = Math.max(maxPasses, 50);
  const cur = new Float64Array(COST_LEN);
  const best = new Float64Array(COST_LEN);
  const zero = new Float64Array(COST_LEN);
  const order = Array.from({ length: U }, (_, i) => i);
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = U - 1; i > 0; i--) {
      const j = randomInt(rng, i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const u of order) {
      const a = st.assign[u]!;
      best.set(zero);
      let moveT = -1;
      let swapV = -1;
      for (let t = 0; t < st.k; t++) {
        if (t === a) continue;
        st.moveDelta(u, t, cur);
        if (cur[HARD]! <= 0 && compareCost(cur, best) < 0) {
          best.set(cur);
          moveT = t;
        }
      }
      // Small departments try every swap (a sampled swap can miss the one way out of a local optimum).
      const exhaustive = U <= EXHAUSTIVE_SWAPS_UNITS;
      for (let s = 0; s < (exhaustive ? U : swapSamples) && moveT < 0; s++) {
        const v = exhaustive ? s : randomInt(rng, U);
        if (st.assign[v] === a) continue;
        st.swapDelta(u, v, cur);
        if (cur[HARD]! <= 0 && compareCost(cur, best) < 0) {
          best.set(cur);
          swapV = v;
        }
      }
      if (moveT >= 0) st.moveTo(u, moveT);
      else if (swapV >= 0) st.swap(u, swapV);
      else continue;
      improved = true;
    }
    if (!improved) break;
  }
}

type Candidate = { u: number; t: number; v: number };

/** Collects the units involved in hard violations and candidate moves or swaps that could mend one. */
function candidatesFor(
  st: SplitState,
  rng: () => number,
  holders: number[][],
  leaders: number[],
  conflicted: number[],
): Candidate[] {
  const { k, p } = st;
  const U = st.assign.length;
  const out: Candidate[] = [];
  const violated: (() => void)[] = [];
  const sample = (t: number) => {
    const list = st.teamUnits[t]!;
    return list.length > 0 ? list[randomInt(rng, list.length)]! : -1;
  };
  const relocate = (u: number) => {
    for (let t = 0; t < k; t++) {
      if (t === st.assign[u]) continue;
      out.push({ u, t, v: -1 });
      const v = sample(t);
      if (v >= 0) out.push({ u, t, v });
    }
  };
  for (let t = 0; t < k; t++) {
    if (st.size[t]! > st.hi)
      violated.push(() => {
        for (let i = 0; i < 8; i++) {
          const u = sample(t);
          if (u >= 0) relocate(u);
        }
      });
    if (st.size[t]! < st.lo)
      violated.push(() => {
        for (let i = 0; i < 16; i++) {
          const u = randomInt(rng, U);
          if (st.assign[u] !== t) {
            out.push({ u, t, v: -1 });
            const v = sample(t);
            if (v >= 0) out.push({ u, t, v });
          }
        }
      });
    if (p.keepLeadersApart && st.chiefs[t]! > 0 && st.deputies[t]! > 0)
      violated.push(() => {
        for (const u of leaders) if (st.assign[u] === t) relocate(u);
      });
    for (let r = 0; r < st.R; r++) {
      if (st.req[t * st.R + r]! >= p.required[r]!.min) continue;
      violated.push(() => {
        const hs = holders[r]!;
        const start = randomInt(rng, hs.length);
        for (let i = 0, taken = 0; i < hs.length && taken < 12; i++) {
          const u = hs[(start + i) % hs.length]!;
          if (st.assign[u] === t) continue;
          taken++;
          out.push({ u, t, v: -1 });
          for (let s = 0; s < 3; s++) {
            const v = sample(t);
            if (v >= 0) out.push({ u, t, v });
          }
        }
      });
    }
  }
  if (conflicted.length > 0) {
    const start = randomInt(rng, conflicted.length);
    for (let i = 0, found = 0; i < conflicted.length && found < 4; i++) {
      const u = conflicted[(start + i) % conflicted.length]!;
      if (p.units[u]!.conflicts.some((w) => st.assign[w] === st.assign[u])) {
        found++;
        violated.push(() => relocate(u));
      }
    }
  }
  if (violated.length > 0) violated[randomInt(rng, violated.length)]!();
  return out;
}

/**
 * Mends hard violations by a min-conflicts local search with a short tabu list and a little noise,
 * within `maxIters` steps. Leaves the least-violating assignment found and returns its violations.
 */
export function repair(st: SplitState, rng: () => number, maxIters: number): number {
  const { p } = st;
  const U = st.assign.length;
  const holders = p.required.map((_, r) =>
    p.units.flatMap((u, i) => (u.reqIdx.includes(r) ? [i] : [])),
  );
  const leaders = p.units.flatMap((u, i) => (u.chiefs + u.deputies > 0 ? [i] : []));
  const conflicted = p.units.flatMap((u, i) => (u.conflicts.length > 0 ? [i] : []));
  let h = st.hard();
  let bestH = h;
  const bestAssign = Int32Array.from(st.assign);
  const tabu = new Int32Array(U);
  const cur = new Float64Array(COST_LEN);
  const best = new Float64Array(COST_LEN);
  for (let it = 1; it <= maxIters && h > 0; it++) {
    const cands = candidatesFor(st, rng, holders, leaders, conflicted);
    if (cands.length === 0) break;
    let pick: Candidate | undefined;
    if (rng() < 0.05) pick = cands[randomInt(rng, cands.length)];
    else
      for (const c of cands) {
        if (c.v >= 0 && st.assign[c.v] !== c.t) continue;
        if (c.v >= 0) st.swapDelta(c.u, c.v, cur);
        else st.moveDelta(c.u, c.t, cur);
        const isTabu = tabu[c.u]! > it || (c.v >= 0 && tabu[c.v]! > it);
        if (isTabu && h + cur[HARD]! >= bestH) continue;
        if (!pick || compareCost(cur, best) < 0) {
          pick = c;
          best.set(cur);
        }
      }
    if (!pick) continue;
    const tenure = 3 + randomInt(rng, 7);
    if (pick.v >= 0 && st.assign[pick.v] === pick.t) {
      st.swapDelta(pick.u, pick.v, cur);
      st.swap(pick.u, pick.v);
      tabu[pick.v] = it + tenure;
    } else {
      st.moveDelta(pick.u, pick.t, cur);
      st.moveTo(pick.u, pick.t);
    }
    tabu[pick.u] = it + tenure;
    h += cur[HARD]!;
    if (h < bestH) {
      bestH = h;
      bestAssign.set(st.assign);
    }
  }
  if (h > bestH) st.load(bestAssign);
  return bestH;
}
