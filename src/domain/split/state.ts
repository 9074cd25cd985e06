import type { Problem, Unit } from './problem.ts';

/** Indices into a cost vector, compared lexicographically: hard violations first, then the soft goals in order. */
export const HARD = 0;
export const SIZE = 1;
export const LEADERS = 2;
export const REMOTE = 3;
export const SKILLS = 4;
export const COST_LEN = 5;

/** Negative when cost vector a is lexicographically smaller than b, positive when larger, 0 when equal. */
export function compareCost(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < COST_LEN; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

const sq = (x: number) => x * x;

/**
 * An assignment of units to teams with per-team totals kept up to date, so a move or a swap is
 * priced in time proportional to the unit's own data, never to the department's size.
 */
export class SplitState {
  readonly p: Problem;
  readonly k: number;
  readonly R: number;
  readonly S: number;
  readonly lo: number;
  readonly hi: number;
  readonly assign: Int32Array;
  readonly size: Int32Array;
  readonly chiefs: Int32Array;
  readonly deputies: Int32Array;
  readonly thin: Int32Array;
  readonly loan: Int32Array;
  readonly req: Int32Array;
  readonly sk: Int32Array;
  readonly teamUnits: number[][];
  private readonly pos: Int32Array;
  private readonly tmp = new Float64Array(COST_LEN);

  constructor(p: Problem, lo: number, hi: number) {
    this.p = p;
    this.k = p.teamCount;
    this.R = p.required.length;
    this.S = p.skills.length;
    this.lo = lo;
    this.hi = hi;
    this.assign = new Int32Array(p.units.length).fill(-1);
    this.size = new Int32Array(this.k);
    this.chiefs = new Int32Array(this.k);
    this.deputies = new Int32Array(this.k);
    this.thin = new Int32Array(this.k);
    this.loan = new Int32Array(this.k);
    this.req = new Int32Array(this.k * this.R);
    this.sk = new Int32Array(this.k * this.S);
    this.teamUnits = Array.from({ length: this.k }, () => []);
    this.pos = new Int32Array(p.units.length);
  }

  private add(u: number, t: number, sign: 1 | -1): void {
    const unit = this.p.units[u]!;
    this.size[t]! += sign * unit.size;
    this.chiefs[t]! += sign * unit.chiefs;
    this.deputies[t]! += sign * unit.deputies;
    this.thin[t]! += sign * unit.thin;
    this.loan[t]! += sign * unit.loan;
    for (let i = 0; i < unit.reqIdx.length; i++)
      this.req[t * this.R + unit.reqIdx[i]!]! += sign * unit.reqCnt[i]!;
    for (let i = 0; i < unit.skIdx.length; i++)
      this.sk[t * this.S + unit.skIdx[i]!]! += sign * unit.skCnt[i]!;
  }

  /** Puts unit u into team t (or takes it out with t = -1), keeping every total current. */
  moveTo(u: number, t: number): void {
    const from = this.assign[u]!;
    if (from === t) return;
    if (from >= 0) {
      this.add(u, from, -1);
      const list = this.teamUnits[from]!;
      const last = list.pop()!;
      if (last !== u) {
        const at = this.pos[u]!;
        list[at] = last;
        this.pos[last] = at;
      }
    }
    this.assign[u] = t;
    if (t >= 0) {
      this.add(u, t, 1);
      this.pos[u] = this.teamUnits[t]!.length;
      this.teamUnits[t]!.push(u);
    }
  }

  /** Assigns every unit as in `assign` (from scratch). */
  load(assign: Int32Array): void {
    for (let u = 0; u < assign.length; u++) this.moveTo(u, assign[u]!);
  }

  private sizeDev(s: number): number {
    return (s < this.lo ? this.lo - s : 0) + (s > this.hi ? s - this.hi : 0);
  }

  private leaderMix(c: number, d: number): number {
    return this.p.keepLeadersApart ? Math.min(c, d) : 0;
  }

  /** Hard violations of one team: size outside [lo, hi], required-skill shortfall, chiefs mixed with deputies. */
  teamHard(t: number): number {
    let h = this.sizeDev(this.size[t]!) + this.leaderMix(this.chiefs[t]!, this.deputies[t]!);
    for (let r = 0; r < this.R; r++)
      h += Math.max(0, this.p.required[r]!.min - this.req[t * this.R + r]!);
    return h;
  }

  /** Keep-apart pairs (between units) that currently share a team. */
  conflictsInside(): number {
    let c = 0;
    this.p.units.forEach((unit, u) => {
      const t = this.assign[u]!;
      if (t < 0) return;
      for (const v of unit.conflicts) if (v > u && this.assign[v] === t) c++;
    });
    return c;
  }

  /** Total hard violations; 0 means every hard constraint holds. */
  hard(): number {
    let h = this.conflictsInside();
    for (let t = 0; t < this.k; t++) h += this.teamHard(t);
    return h;
  }

  /** Adds to `out` the change in cost of adding (sign 1) or removing (sign -1) unit to team t. */
  private teamDelta(unit: Unit, t: number, sign: 1 | -1, out: Float64Array): void {
    const s0 = this.size[t]!;
    const s1 = s0 + sign * unit.size;
    const c0 = this.chiefs[t]!,
      d0 = this.deputies[t]!;
    const c1 = c0 + sign * unit.chiefs,
      d1 = d0 + sign * unit.deputies;
    let hard =
      this.sizeDev(s1) - this.sizeDev(s0) + this.leaderMix(c1, d1) - this.leaderMix(c0, d0);
    for (let i = 0; i < unit.reqIdx.length; i++) {
      const r = unit.reqIdx[i]!;
      const min = this.p.required[r]!.min;
      const x0 = this.req[t * this.R + r]!;
      const x1 = x0 + sign * unit.reqCnt[i]!;
      hard += Math.max(0, min - x1) - Math.max(0, min - x0);
    }
    let skills = 0;
    for (let i = 0; i < unit.skIdx.length; i++) {
      const x0 = this.sk[t * this.S + unit.skIdx[i]!]!;
      skills += sq(x0 + sign * unit.skCnt[i]!) - sq(x0);
    }
    const th0 = this.thin[t]!,
      lo0 = this.loan[t]!;
    out[HARD]! += hard;
    out[SIZE]! += sq(s1) - sq(s0);
    out[LEADERS]! += sq(c1 + d1) - sq(c0 + d0);
    out[REMOTE]! += sq(th0 + sign * unit.thin) - sq(th0) + sq(lo0 + sign * unit.loan) - sq(lo0);
    out[SKILLS]! += skills;
  }

  /** Writes into `out` the change in cost of moving unit u to team t (from its team, or from nowhere). */
  moveDelta(u: number, t: number, out: Float64Array): void {
    out.fill(0);
    const from = this.assign[u]!;
    if (from === t) return;
    const unit = this.p.units[u]!;
    if (from >= 0) this.teamDelta(unit, from, -1, out);
    if (t >= 0) this.teamDelta(unit, t, 1, out);
    let conflicts = 0;
    for (const v of unit.conflicts) {
      const tv = this.assign[v]!;
      if (tv === t && t >= 0) conflicts++;
      else if (tv === from && from >= 0) conflicts--;
    }
    out[HARD]! += conflicts;
  }

  /** Writes into `leaving` the change in cost of taking unit u out of its team (for {@link moveDeltaLeaving}). */
  leavingDelta(u: number, leaving: Float64Array): void {
    leaving.fill(0);
    this.teamDelta(this.p.units[u]!, this.assign[u]!, -1, leaving);
  }

  /**
   * {@link moveDelta} of unit u (in a team) to another team t, given u's {@link leavingDelta}:
   * the same sums in the same order, the leaving part worked out once for every t tried.
   */
  moveDeltaLeaving(u: number, t: number, leaving: Float64Array, out: Float64Array): void {
    out.set(leaving);
    const from = this.assign[u]!;
    const unit = this.p.units[u]!;
    this.teamDelta(unit, t, 1, out);
    let conflicts = 0;
    for (const v of unit.conflicts) {
      const tv = this.assign[v]!;
      if (tv === t) conflicts++;
      else if (tv === from) conflicts--;
    }
    out[HARD]! += conflicts;
  }

  /** Writes into `out` the change in cost of swapping units u and v (in different teams), given u's {@link leavingDelta}. */
  swapDelta(u: number, v: number, leaving: Float64Array, out: Float64Array): void {
    const a = this.assign[u]!;
    const b = this.assign[v]!;
    this.moveDeltaLeaving(u, b, leaving, out);
    // u in b while v's move is priced: the totals and the assignment, not the team lists (unread).
    this.shift(u, a, b);
    this.moveDelta(v, a, this.tmp);
    this.shift(u, b, a);
    for (let i = 0; i < COST_LEN; i++) out[i]! += this.tmp[i]!;
  }

  private shift(u: number, from: number, to: number): void {
    this.add(u, from, -1);
    this.add(u, to, 1);
    this.assign[u] = to;
  }

  /** Swaps the teams of units u and v. */
  swap(u: number, v: number): void {
    const a = this.assign[u]!;
    this.moveTo(u, this.assign[v]!);
    this.moveTo(v, a);
  }
}
