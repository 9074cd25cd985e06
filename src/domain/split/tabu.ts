import { randomInt } from '../prng.ts';
import type { Unit } from './problem.ts';
import type { SplitState } from './state.ts';

// Keep-apart pairs make the split a graph colouring (units = vertices, teams = colours) with equal
// class sizes on top, so the repair follows TabuCol and its equitable variant: every step takes
// the best move or swap of a unit involved in a violation, even when it makes things worse, and
// forbids undoing it for a while (tenure grows with the violations left). Swaps matter because a
// single move breaks team sizes that must stay within one. Conflict counts per unit and team
// (`gamma`) make pricing a move O(1) plus the unit's skills, whatever the department's size.

/**
 * Swap partners sampled per unit and step. Few and cheap steps beat thorough and costly ones:
 * on planted splits 4 partners settle more cases than 16 or 256 in the same work.
 */
const SWAP_PARTNERS = 4;
/** Units in violation looked at per step at most (sampled beyond it). */
const CRITICAL_PER_STEP = 64;

/**
 * Mends hard violations by tabu search within `budget` priced moves and swaps (work, not time:
 * the same input always takes the same steps). Leaves the least-violating assignment found and
 * returns its violations (0 = a split meeting every hard constraint).
 */
export function tabuSearch(st: SplitState, rng: () => number, budget: number): number {
  const { p, k, R } = st;
  const units = p.units;
  const U = units.length;
  const gamma = new Int32Array(U * k);
  units.forEach((unit, u) => {
    for (const w of unit.conflicts) gamma[u * k + st.assign[w]!]!++;
  });
  const confPos = new Int32Array(U).fill(-1);
  const confList: number[] = [];
  const refresh = (w: number) => {
    const inConflict = gamma[w * k + st.assign[w]!]! > 0;
    const at = confPos[w]!;
    if (inConflict && at < 0) confPos[w] = confList.push(w) - 1;
    else if (!inConflict && at >= 0) {
      const last = confList.pop()!;
      if (last !== w) {
        confList[at] = last;
        confPos[last] = at;
      }
      confPos[w] = -1;
    }
  };
  for (let u = 0; u < U; u++) refresh(u);
  const holders = p.required.map((_, r) =>
    units.flatMap((unit, i) => (unit.reqIdx.includes(r) ? [i] : [])),
  );
  const leaders = units.flatMap((unit, i) => (unit.chiefs + unit.deputies > 0 ? [i] : []));

  const dev = (s: number) => (s < st.lo ? st.lo - s : 0) + (s > st.hi ? s - st.hi : 0);
  const mix = (c: number, d: number) => (p.keepLeadersApart ? Math.min(c, d) : 0);
  const countOf = (unit: Unit | null, r: number) => {
    if (!unit) return 0;
    const at = unit.reqIdx.indexOf(r);
    return at < 0 ? 0 : unit.reqCnt[at]!;
  };
  const shortfall = (t: number, r: number, change: number) => {
    const min = p.required[r]!.min;
    const x0 = st.req[t * R + r]!;
    return Math.max(0, min - x0 - change) - Math.max(0, min - x0);
  };
  // Change in team t's own hard violations when `plus` joins it and `minus` leaves it.
  const teamChange = (t: number, plus: Unit | null, minus: Unit | null) => {
    const s0 = st.size[t]!;
    const c0 = st.chiefs[t]!;
    const d0 = st.deputies[t]!;
    const c1 = c0 + (plus?.chiefs ?? 0) - (minus?.chiefs ?? 0);
    const d1 = d0 + (plus?.deputies ?? 0) - (minus?.deputies ?? 0);
    let h = dev(s0 + (plus?.size ?? 0) - (minus?.size ?? 0)) - dev(s0) + mix(c1, d1) - mix(c0, d0);
    if (plus)
      plus.reqIdx.forEach((r, i) => {
        h += shortfall(t, r, plus.reqCnt[i]! - countOf(minus, r));
      });
    if (minus)
      minus.reqIdx.forEach((r, i) => {
        if (!plus || !plus.reqIdx.includes(r)) h += shortfall(t, r, -minus.reqCnt[i]!);
      });
    return h;
  };
  const moveDelta = (u: number, t: number) => {
    const a = st.assign[u]!;
    const unit = units[u]!;
    return (
      gamma[u * k + t]! - gamma[u * k + a]! + teamChange(a, null, unit) + teamChange(t, unit, null)
    );
  };
  const mark = new Int32Array(U);
  const swapDelta = (u: number, v: number, stamp: number) => {
    const a = st.assign[u]!;
    const b = st.assign[v]!;
    const uu = units[u]!;
    const vv = units[v]!;
    return (
      gamma[u * k + b]! -
      gamma[u * k + a]! +
      gamma[v * k + a]! -
      gamma[v * k + b]! -
      (mark[v] === stamp ? 2 : 0) +
      teamChange(a, vv, uu) +
      teamChange(b, uu, vv)
    );
  };
  const move = (u: number, t: number) => {
    const a = st.assign[u]!;
    st.moveTo(u, t);
    for (const w of units[u]!.conflicts) {
      gamma[w * k + a]!--;
      gamma[w * k + t]!++;
      refresh(w);
    }
    refresh(u);
  };

  // Units whose move could mend a violation: in a conflict, a leader in a mixed team, a holder
  // outside a team short of its skill, a unit of a team too large or able to fill one too small.
  const critMark = new Int32Array(U);
  const critical: number[] = [];
  const gather = (it: number) => {
    critical.length = 0;
    const add = (u: number) => {
      if (critMark[u] === it) return;
      critMark[u] = it;
      critical.push(u);
    };
    const sampleFrom = (list: readonly number[], n: number, keep: (u: number) => boolean) => {
      if (list.length === 0) return;
      const start = randomInt(rng, list.length);
      for (let i = 0, taken = 0; i < list.length && taken < n; i++) {
        const u = list[(start + i) % list.length]!;
        if (keep(u)) {
          add(u);
          taken++;
        }
      }
    };
    sampleFrom(confList, CRITICAL_PER_STEP, () => true);
    for (let t = 0; t < k; t++) {
      if (p.keepLeadersApart && st.chiefs[t]! > 0 && st.deputies[t]! > 0)
        for (const u of leaders) if (st.assign[u] === t) add(u);
      for (let r = 0; r < R; r++)
        if (st.req[t * R + r]! < p.required[r]!.min)
          sampleFrom(holders[r]!, 8, (u) => st.assign[u] !== t);
      if (st.size[t]! > st.hi) sampleFrom(st.teamUnits[t]!, 8, () => true);
      if (st.size[t]! < st.lo)
        for (let i = 0; i < 8; i++) {
          const u = randomInt(rng, U);
          if (st.assign[u] !== t) add(u);
        }
    }
  };

  let h = st.hard();
  let bestH = h;
  const bestAssign = Int32Array.from(st.assign);
  const tabuUntil = new Int32Array(U * k);
  let work = 0;
  let stamp = 0;
  for (let it = 1; h > 0 && work < budget; it++) {
    gather(it);
    if (critical.length === 0) break;
    let bestD = Number.POSITIVE_INFINITY;
    let ties = 0;
    let pickU = -1;
    let pickT = -1;
    let pickV = -1;
    const consider = (d: number, u: number, t: number, v: number, isTabu: boolean) => {
      if (isTabu && h + d >= bestH) return;
      if (d < bestD) {
        bestD = d;
        ties = 1;
      } else if (d > bestD || randomInt(rng, ++ties) !== 0) return;
      pickU = u;
      pickT = t;
      pickV = v;
    };
    for (const u of critical) {
      const a = st.assign[u]!;
      for (let t = 0; t < k; t++)
        if (t !== a) consider(moveDelta(u, t), u, t, -1, tabuUntil[u * k + t]! > it);
      stamp++;
      for (const w of units[u]!.conflicts) mark[w] = stamp;
      const all = U - st.teamUnits[a]!.length <= SWAP_PARTNERS;
      const tries = all ? U : SWAP_PARTNERS;
      for (let i = 0; i < tries; i++) {
        const v = all ? i : randomInt(rng, U);
        const b = st.assign[v]!;
        if (b === a) continue;
        const isTabu = tabuUntil[u * k + b]! > it || tabuUntil[v * k + a]! > it;
        consider(swapDelta(u, v, stamp), u, b, v, isTabu);
      }
      work += k + tries;
    }
    if (pickU < 0) continue;
    const a = st.assign[pickU]!;
    const tenure = () => it + randomInt(rng, 10) + Math.ceil(0.6 * Math.min(h, 100));
    tabuUntil[pickU * k + a] = tenure();
    if (pickV >= 0) {
      tabuUntil[pickV * k + pickT] = tenure();
      move(pickV, a);
    }
    move(pickU, pickT);
    h += bestD;
    if (h < bestH) {
      bestH = h;
      bestAssign.set(st.assign);
    }
  }
  if (h > bestH) st.load(bestAssign);
  return bestH;
}
