import type { SplitOptions } from '../../../src/domain/split/types.ts';
import type { SplitMember } from '../../../src/domain/types.ts';

/** Number of ways to split n members into exactly k non-empty unlabelled teams (Stirling, 2nd kind). */
export function stirling2(n: number, k: number): number {
  const row = new Array<number>(k + 1).fill(0);
  row[0] = 1;
  for (let i = 1; i <= n; i++)
    for (let j = Math.min(i, k); j >= 0; j--) row[j] = j === 0 ? 0 : j * row[j]! + row[j - 1]!;
  return row[k]!;
}

/**
 * Tries every split of the members into exactly teamCount non-empty teams (team labels do not
 * matter, so each partition once) and checks each against the hard constraints, with no pruning.
 * Returns whether any satisfies them, the smallest size spread among those that do, and the
 * smallest chief-and-deputy load of one team among the best-balanced ones.
 */
export function bruteForce(
  members: SplitMember[],
  opts: SplitOptions,
): { feasible: boolean; bestSpread: number; bestLeaderLoad: number } {
  const n = members.length;
  const k = opts.teamCount;
  const idx = new Map(members.map((m, i) => [m.id, i]));
  const req = (opts.requiredSkills ?? []).map((r) => ({
    min: r.min,
    has: members.map((m) => m.skills.includes(r.skill)),
  }));
  const pairs = (opts.separate ?? []).map(([a, b]) => [idx.get(a)!, idx.get(b)!] as const);
  const groups = (opts.together ?? []).map((g) => g.map((id) => idx.get(id)!));
  const maxSize = opts.maxTeamSize ?? Number.POSITIVE_INFINITY;
  const apart = opts.keepLeadersApart !== false;
  const a = new Int32Array(n);
  let feasible = false;
  let bestSpread = Number.POSITIVE_INFINITY;
  // Fewest chiefs and deputies in any one team, among the splits whose sizes are as balanced as possible (spread <= 1 counts as balanced).
  let bestLeaderLoad = Number.POSITIVE_INFINITY;
  const size = new Int32Array(k);

  const check = () => {
    size.fill(0);
    for (let i = 0; i < n; i++) size[a[i]!]!++;
    for (let t = 0; t < k; t++) if (size[t]! > maxSize) return;
    for (const [x, y] of pairs) if (a[x] === a[y]) return;
    for (const g of groups) for (const m of g) if (a[m] !== a[g[0]!]) return;
    for (const r of req) {
      const count = new Int32Array(k);
      for (let i = 0; i < n; i++) if (r.has[i]) count[a[i]!]!++;
      for (let t = 0; t < k; t++) if (count[t]! < r.min) return;
    }
    if (apart) {
      const chief = new Uint8Array(k);
      const deputy = new Uint8Array(k);
      for (let i = 0; i < n; i++) {
        if (members[i]!.position === 'chief') chief[a[i]!] = 1;
        if (members[i]!.position === 'deputy') deputy[a[i]!] = 1;
      }
      for (let t = 0; t < k; t++) if (chief[t] && deputy[t]) return;
    }
    feasible = true;
    const spread = Math.max(...size) - Math.min(...size);
    const leaders = new Int32Array(k);
    for (let i = 0; i < n; i++) if (members[i]!.position !== 'staff') leaders[a[i]!]!++;
    const load = Math.max(...leaders);
    if (Math.max(spread, 1) < Math.max(bestSpread, 1)) bestLeaderLoad = load;
    else if (Math.max(spread, 1) === Math.max(bestSpread, 1))
      bestLeaderLoad = Math.min(bestLeaderLoad, load);
    bestSpread = Math.min(bestSpread, spread);
  };
  // Restricted growth strings: member i joins a used team or opens the next one; exactly k at the end.
  const walk = (i: number, used: number) => {
    if (n - i < k - used) return;
    if (i === n) {
      if (used === k) check();
      return;
    }
    for (let t = 0; t < Math.min(used + 1, k); t++) {
      a[i] = t;
      walk(i + 1, Math.max(used, t + 1));
    }
  };
  if (k >= 1 && k <= n) walk(0, 0);
  return { feasible, bestSpread, bestLeaderLoad };
}
