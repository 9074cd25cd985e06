import type { Problem } from './problem.ts';

/** Work (candidates looked at) spent looking for a clique at most: a few milliseconds. */
const CLIQUE_BUDGET = 300_000;

/**
 * teamCount + 1 units that are all kept apart from one another, if the search finds them within
 * its budget: a proof that no split exists at any size, as each needs a team of its own. A
 * complete search for cliques of that size (each found once, from its member with fewest
 * partners), given up without a claim when the budget runs out.
 */
export function apartClique(p: Problem, budget = CLIQUE_BUDGET): number[] | undefined {
  const k = p.teamCount;
  const U = p.units.length;
  const need = k + 1;
  if (k < 2 || U < need) return undefined;
  const degree = (u: number) => p.units[u]!.conflicts.length;
  const byDegree = p.units.map((_, u) => u).sort((a, b) => degree(a) - degree(b) || a - b);
  const rank = new Int32Array(U);
  byDegree.forEach((u, i) => (rank[u] = i));
  const adjacent = new Set<number>();
  p.units.forEach((unit, u) => unit.conflicts.forEach((v) => adjacent.add(u * U + v)));
  let work = 0;
  const clique: number[] = [];
  const grow = (cand: number[]): boolean => {
    if (clique.length === need) return true;
    for (let i = 0; i < cand.length && clique.length + cand.length - i >= need; i++) {
      if (++work > budget) return false;
      const v = cand[i]!;
      const next = cand.slice(i + 1).filter((w) => adjacent.has(v * U + w));
      work += cand.length - i;
      clique.push(v);
      if (grow(next)) return true;
      clique.pop();
    }
    return false;
  };
  for (const u of byDegree) {
    if (degree(u) < k) continue;
    const later = p.units[u]!.conflicts.filter((v) => rank[v]! > rank[u]! && degree(v) >= k);
    clique.push(u);
    if (grow(later)) return clique.sort((a, b) => a - b);
    clique.pop();
    if (work > budget) return undefined;
  }
  return undefined;
}
