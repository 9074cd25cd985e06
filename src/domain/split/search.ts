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
 * Places every unit on the team where it costs least (hard violations first, then soft goals).
 * Units go in `order`, except that a unit with keep-apart partners already placed in more distinct
 * teams goes first (DSATUR: the unit with the fewest teams left is the likeliest to be stranded).
 * Chief units try the first chiefTeamCount teams and deputy units the others first, so the
 * leaders are spread without ever having to pass each other later.
 */
export function greedy(st: SplitState, order: number[]): void {
  const best = new Float64Array(COST_LEN);
  const cur = new Float64Array(COST_LEN);
  const kc = chiefTeamCount(st.p);
  const units = st.p.units;
  const U = units.length;
  const rank = new Int32Array(U);
  order.forEach((u, i) => (rank[u] = i));
  const seen = new Uint8Array(U * st.k);
  const saturation = new Int32Array(U);
  // Max-heap of saturation × U + (U - 1 - rank): a unit is pushed again when its saturation
  // grows, and its older entries (smaller keys) are skipped once it is placed.
  const heap: number[] = [];
  const push = (u: number) => {
    const key = saturation[u]! * U + (U - 1 - rank[u]!);
    let i = heap.push(key) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heap[up]! >= key) break;
      heap[i] = heap[up]!;
      i = up;
    }
    heap[i] = key;
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap.pop()!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const m = l + 1 < heap.length && heap[l + 1]! > heap[l]! ? l + 1 : l;
      if (heap[m]! <= last) break;
      heap[i] = heap[m]!;
      i = m;
    }
    if (heap.length > 0) heap[i] = last;
    return order[U - 1 - (top % U)]!;
  };
  // Without keep-apart pairs the heap would only replay `order`.
  const dynamic = units.some((unit) => unit.conflicts.length > 0);
  if (dynamic) for (const u of order) push(u);
  for (let placed = 0; placed < U; placed++) {
    let u = order[placed]!;
    if (dynamic)
      do u = pop();
      while (st.assign[u]! >= 0);
    const unit = units[u]!;
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
    if (!dynamic) continue;
    for (const w of unit.conflicts) {
      if (st.assign[w]! >= 0 || seen[w * st.k + bestT]) continue;
      seen[w * st.k + bestT] = 1;
      saturation[w]!++;
      push(w);
    }
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
  const leaving = new Float64Array(COST_LEN);
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
      st.leavingDelta(u, leaving);
      for (let t = 0; t < st.k; t++) {
        if (t === a) continue;
        st.moveDeltaLeaving(u, t, leaving, cur);
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
        st.swapDelta(u, v, leaving, cur);
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
