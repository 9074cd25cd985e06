import { workingDays, maxDate, minDate } from '../calendar/index.ts';
import { lowerBound, upperBound } from '../collections.ts';
import { memberDayKind, type StandbyLookup } from '../quarantine/index.ts';
import type { Membership } from '../rotation/index.ts';
import type { DepartmentCalendar, IsoDate, RemoteAccess } from '../types.ts';

/** The scarce remote resources: a thin-client seat, a loan PC. */
export type RemoteResource = 'thinClient' | 'loanPc';
export interface Demand {
  thinClient: number;
  loanPc: number;
}

/** What a member needs on a day out of the office; a company PC needs nothing from the pool. */
export function resourceOf(access: RemoteAccess | string): RemoteResource | null {
  return access === 'thin-client' ? 'thinClient' : access === 'loan-pc' ? 'loanPc' : null;
}

/** A published (or draft) rotation as remote demand sees it. */
export interface DemandRotation {
  calendar: DepartmentCalendar;
  startDate: IsoDate;
  endDate: IsoDate;
  teamIds: readonly string[];
  /** In the order a member's schedule reads them: the first membership covering a date counts. */
  memberships: readonly Membership[];
  /** Scheduled office slots (cancelled ones left out). */
  office: readonly { teamId: string; date: IsoDate }[];
}

/**
 * Per working date of a rotation in a window and per team: the members who need each resource
 * (`need`) and, of those, how many are in the office on a day their team is (`officeable`; not those
 * in standby, nor those the bridging rule keeps out). Demand on a date is then Σ need − Σ officeable
 * over the teams in the office — for the plan as scheduled, or any other choice of office teams.
 */
export interface DemandGrid {
  dates: IsoDate[];
  teamIds: readonly string[];
  /** Index [(date × teams + team) × 2 + resource], resource 0 = thinClient, 1 = loanPc. */
  need: Int32Array;
  officeable: Int32Array;
  /** The teams (indexes) with a scheduled office slot on each date. */
  officeTeams: number[][];
}

/** The date-index runs [a, b) of `dates` inside any of `spans`, merged and in order. */
function standbyRuns(
  dates: readonly IsoDate[],
  spans: readonly { from: IsoDate; to: IsoDate }[],
): [number, number][] {
  const runs = spans
    .map((s): [number, number] => [lowerBound(dates, s.from), upperBound(dates, s.to)])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/** Builds the demand grid of a rotation over [from, to] (clipped to the rotation; working days only). */
export function demandGrid(
  r: DemandRotation,
  window: { from: IsoDate; to: IsoDate },
  needOf: (memberId: string) => RemoteResource | null,
  standby: StandbyLookup,
): DemandGrid {
  const from = maxDate(window.from, r.startDate);
  const to = minDate(window.to, r.endDate);
  const dates = from <= to ? workingDays(r.calendar, from, to) : [];
  const T = r.teamIds.length;
  const teamIndex = new Map(r.teamIds.map((id, i) => [id, i]));
  const need = new Int32Array(dates.length * T * 2);
  const officeable = new Int32Array(dates.length * T * 2);
  // No working date (a board's weekend): nobody to count.
  if (!dates.length) return { dates, teamIds: r.teamIds, need, officeable, officeTeams: [] };

  // The members who need a resource, with it and their memberships (one lookup of a need a member).
  const byMember = new Map<string, { res: number; ms: Membership[] }>();
  for (const m of r.memberships) {
    const seen = byMember.get(m.memberId);
    if (seen) seen.ms.push(m);
    else {
      const need = needOf(m.memberId);
      if (need !== null) byMember.set(m.memberId, { res: need === 'thinClient' ? 0 : 1, ms: [m] });
    }
  }
  // A member with one membership needs their resource on every date of it and is in the office
  // (on their team's days) from its office date except when they or their team are in standby:
  // memberDayKind's rule, added as runs of dates (a difference array) instead of day by day — for
  // an organisation, the day-by-day walk with its lookups was most of the report.
  const D = dates.length;
  const needRuns = new Int32Array((D + 1) * T * 2);
  const officeRuns = new Int32Array((D + 1) * T * 2);
  const run = (runs: Int32Array, lo: number, hi: number, k: number) => {
    if (lo >= hi) return;
    runs[lo * T * 2 + k]!++;
    runs[hi * T * 2 + k]!--;
  };
  const taken = new Uint8Array(D);
  for (const [memberId, { res, ms }] of byMember) {
    const only = ms.length === 1 ? ms[0]! : undefined;
    const spans = only && standby.spans?.(memberId, only.teamId);
    if (only && spans) {
      const t = teamIndex.get(only.teamId);
      if (t === undefined) continue;
      const lo = lowerBound(dates, only.fromDate);
      const hi = only.toDate === null ? D : upperBound(dates, only.toDate);
      run(needRuns, lo, hi, t * 2 + res);
      let from = Math.max(lo, lowerBound(dates, only.officeFrom));
      for (const [a, b] of standbyRuns(dates, spans)) {
        run(officeRuns, from, Math.min(a, hi), t * 2 + res);
        from = Math.max(from, b);
      }
      run(officeRuns, from, hi, t * 2 + res);
      continue;
    }
    taken.fill(0);
    for (const m of ms) {
      const t = teamIndex.get(m.teamId);
      const hi = m.toDate === null ? D : upperBound(dates, m.toDate);
      for (let i = lowerBound(dates, m.fromDate); i < hi; i++) {
        if (taken[i]) continue;
        taken[i] = 1; // a date belongs to the member's first membership covering it, as their schedule reads it
        if (t === undefined) continue;
        const k = (i * T + t) * 2 + res;
        need[k]!++;
        if (memberDayKind(m, dates[i]!, true, standby) === 'office') officeable[k]!++;
      }
    }
  }
  const width = T * 2;
  for (let k = 0; k < width; k++) {
    let n = 0;
    let o = 0;
    for (let i = 0; i < D; i++) {
      n += needRuns[i * width + k]!;
      o += officeRuns[i * width + k]!;
      need[i * width + k]! += n;
      officeable[i * width + k]! += o;
    }
  }

  const officeTeams: number[][] = dates.map(() => []);
  // Office days come in date order as read: each found by looking on from the last (a search when
  // one comes earlier), not by hashing every day's fresh date string.
  let i = 0;
  for (const s of r.office) {
    if (i >= D || dates[i]! > s.date) i = lowerBound(dates, s.date);
    while (i < D && dates[i]! < s.date) i++;
    const t = teamIndex.get(s.teamId);
    if (dates[i] === s.date && t !== undefined && !officeTeams[i]!.includes(t))
      officeTeams[i]!.push(t);
  }
  return { dates, teamIds: r.teamIds, need, officeable, officeTeams };
}

/** Remote demand on grid date `i` when the teams `office` (indexes) are in the office. */
export function demandWith(g: DemandGrid, i: number, office: readonly number[]): Demand {
  const T = g.teamIds.length;
  const d = [0, 0];
  for (let t = 0; t < T; t++) {
    const k = (i * T + t) * 2;
    d[0]! += g.need[k]!;
    d[1]! += g.need[k + 1]!;
  }
  for (const t of office) {
    const k = (i * T + t) * 2;
    d[0]! -= g.officeable[k]!;
    d[1]! -= g.officeable[k + 1]!;
  }
  return { thinClient: d[0]!, loanPc: d[1]! };
}

/** Remote demand on each date of the grid, as scheduled. */
export function scheduledDemand(g: DemandGrid): Demand[] {
  return g.dates.map((_, i) => demandWith(g, i, g.officeTeams[i]!));
}

/** The largest and the smallest demand of a list, per resource (0 for an empty list). */
export function demandRange(days: readonly Demand[]): {
  peak: Demand;
  least: Demand;
  spread: Demand;
} {
  // A loop, not Math.max(...list): a list may be longer than the arguments a call can take.
  const pick = (f: (a: number, b: number) => number, r: RemoteResource) =>
    days.length ? days.reduce((acc, d) => f(acc, d[r]), days[0]![r]) : 0;
  const peak = { thinClient: pick(Math.max, 'thinClient'), loanPc: pick(Math.max, 'loanPc') };
  const least = { thinClient: pick(Math.min, 'thinClient'), loanPc: pick(Math.min, 'loanPc') };
  return {
    peak,
    least,
    spread: { thinClient: peak.thinClient - least.thinClient, loanPc: peak.loanPc - least.loanPc },
  };
}

/** Adds `d` into the running totals of `into`. */
export function addDemand(into: Demand, d: Demand): void {
  into.thinClient += d.thinClient;
  into.loanPc += d.loanPc;
}
