import type { Problem } from './problem.ts';

/** The outcome of the exact search: a split, a proof that none exists, or the node budget ran out. */
export type ExactOutcome =
  { status: 'found'; assign: Int32Array } | { status: 'infeasible' } | { status: 'budget' };

/**
 * Depth-first search over units with forward checks: sizes within [lo, hi], no keep-apart pair or
 * chief-with-deputy in a team, every unplaced unit left at least one team free of its keep-apart
 * partners, and enough remaining members and skill holders to close every team's shortfall. The
 * next unit is the one with the fewest such teams left (DSATUR), else the hardest by a fixed
 * score. Empty teams are interchangeable, so a unit tries only the first empty one.
 * Complete: when it answers 'infeasible', no assignment satisfies the hard constraints.
 */
export function exactSearch(p: Problem, lo: number, hi: number, nodeBudget: number): ExactOutcome {
  const k = p.teamCount;
  const R = p.required.length;
  const U = p.units.length;
  const order = p.units
    .map((_, i) => i)
    .sort((a, b) => {
      const ua = p.units[a]!;
      const ub = p.units[b]!;
      const score = (u: typeof ua) =>
        u.conflicts.length * 4 + (u.chiefs + u.deputies > 0 ? 3 : 0) + u.reqIdx.length * 2 + u.size;
      return score(ub) - score(ua) || ub.size - ua.size || ua.key - ub.key || a - b;
    });
  // Holders still to place (each counted up to the skill's min) and members still to place.
  const supply = new Int32Array(R);
  let remaining = 0;
  for (const unit of p.units) {
    remaining += unit.size;
    unit.reqIdx.forEach((r, j) => {
      supply[r]! += Math.min(unit.reqCnt[j]!, p.required[r]!.min);
    });
  }
  // blocked[u * k + t]: placed keep-apart partners of u in team t; open[u]: teams with none.
  const blocked = new Int32Array(U * k);
  const open = new Int32Array(U).fill(k);
  let wipedOut = 0;
  const assign = new Int32Array(U).fill(-1);
  const size = new Int32Array(k);
  const chiefs = new Int32Array(k);
  const deputies = new Int32Array(k);
  const req = new Int32Array(k * R);
  const deficit = new Int32Array(R);
  for (let r = 0; r < R; r++) deficit[r] = p.required[r]!.min * k;
  let underLo = lo * k;
  let empty = k;
  let nodes = 0;
  let outOfBudget = false;

  const apply = (u: number, t: number, sign: 1 | -1) => {
    const unit = p.units[u]!;
    const s0 = size[t]!;
    size[t] = s0 + sign * unit.size;
    remaining -= sign * unit.size;
    underLo += Math.max(0, lo - size[t]!) - Math.max(0, lo - s0);
    if (s0 === 0) empty--;
    if (size[t] === 0) empty++;
    chiefs[t]! += sign * unit.chiefs;
    deputies[t]! += sign * unit.deputies;
    unit.reqIdx.forEach((r, j) => {
      const min = p.required[r]!.min;
      const x0 = req[t * R + r]!;
      const x1 = x0 + sign * unit.reqCnt[j]!;
      req[t * R + r] = x1;
      deficit[r]! += Math.max(0, min - x1) - Math.max(0, min - x0);
      supply[r]! -= sign * Math.min(unit.reqCnt[j]!, min);
    });
    assign[u] = sign === 1 ? t : -1;
    for (const w of unit.conflicts) {
      const b0 = blocked[w * k + t]!;
      blocked[w * k + t] = b0 + sign;
      if (b0 === 0 || b0 + sign === 0) {
        const o0 = open[w]!;
        open[w] = o0 - sign;
        if (assign[w]! < 0) wipedOut += (open[w] === 0 ? 1 : 0) - (o0 === 0 ? 1 : 0);
      }
    }
  };
  const promising = (depth: number) => {
    if (wipedOut > 0 || underLo > remaining || empty > U - depth) return false;
    for (let r = 0; r < R; r++) if (deficit[r]! > supply[r]!) return false;
    return true;
  };
  // The unplaced unit with the fewest teams free of its partners, ties to the fixed order.
  const next = () => {
    let best = -1;
    for (const u of order) {
      if (assign[u]! >= 0) continue;
      if (best < 0 || open[u]! < open[best]!) best = u;
      if (open[best]! <= 1) break;
    }
    return best;
  };
  const gain = (u: number, t: number) => {
    const unit = p.units[u]!;
    let g = 0;
    unit.reqIdx.forEach((r, j) => {
      g += Math.min(unit.reqCnt[j]!, Math.max(0, p.required[r]!.min - req[t * R + r]!));
    });
    return g;
  };

  const dfs = (depth: number): boolean => {
    if (depth === U) return true;
    if (++nodes > nodeBudget) {
      outOfBudget = true;
      return false;
    }
    const u = next();
    const unit = p.units[u]!;
    const teams: number[] = [];
    let triedEmpty = false;
    for (let t = 0; t < k; t++) {
      if (size[t]! + unit.size > hi) continue;
      if (size[t] === 0) {
        if (triedEmpty) continue;
        triedEmpty = true;
      }
      if (
        p.keepLeadersApart &&
        ((unit.chiefs > 0 && deputies[t]! > 0) || (unit.deputies > 0 && chiefs[t]! > 0))
      )
        continue;
      if (blocked[u * k + t]! > 0) continue;
      teams.push(t);
    }
    teams.sort((a, b) => gain(u, b) - gain(u, a) || size[a]! - size[b]! || a - b);
    for (const t of teams) {
      apply(u, t, 1);
      if (promising(depth + 1) && dfs(depth + 1)) return true;
      apply(u, t, -1);
      if (outOfBudget) return false;
    }
    return false;
  };

  if (!promising(0)) return { status: 'infeasible' };
  if (dfs(0)) return { status: 'found', assign };
  return outOfBudget ? { status: 'budget' } : { status: 'infeasible' };
}
