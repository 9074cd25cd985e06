import { calendarDates, addDays } from '../calendar/index.ts';
import { groupBy } from '../collections.ts';
import { isShort, type Capacity } from './limits.ts';
import { demandWith, type Demand, type DemandGrid } from './demand.ts';
import type { ShiftRecord, TeamRef } from '../rotation/index.ts';
import { keepsHandover, pickCovering } from '../quarantine/index.ts';
import type { IsoDate } from '../types.ts';

export interface SurvivabilityInput {
  teams: TeamRef[];
  /** The rotation's shifts (cancelled ones are ignored). */
  shifts: ShiftRecord[];
  startDate: IsoDate;
  endDate: IsoDate;
  outageDays: number;
  returnSeparationDays: number;
  handoverMinutes: number;
  /** When given, each outage is also checked against remote capacity (the out team's members on standby count as demand). */
  remote?: { grid: DemandGrid; capacity: Capacity };
}

/** One simulated outage: a team out from startDate for the outage (plus its return separation). */
export interface OutageCase {
  teamId: string;
  label: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Office days of the team that had to move to another team. */
  reassigned: number;
  uncoveredDates: IsoDate[];
  /** How many of the moved days each covering team took. */
  coveredBy: { teamId: string; label: string; days: number }[];
  /** Remote demand over the outage's working days, and the days it exceeds capacity (when checked). */
  remote?: { peak: Demand; shortDates: IsoDate[] };
}

/** The remote side of the N-1 check. */
export interface RemoteSurvivability {
  capacity: Capacity;
  /** Does every outage keep remote demand within capacity? null when no capacity is set. */
  withinCapacity: boolean | null;
  /** The highest demand any outage brings, per resource. */
  peak: Demand;
  /** The case with the most days short (then the highest demand, then the earliest start). */
  worst: OutageCase | null;
}

export interface Survivability {
  survives: boolean;
  casesChecked: number;
  /** The case with the most uncovered days (then the most moved days, then the earliest start). */
  worst: OutageCase | null;
  perTeam: {
    teamId: string;
    label: string;
    worstStartDate: IsoDate | null;
    maxUncovered: number;
    maxReassigned: number;
  }[];
  remote?: RemoteSurvivability;
}

const worse = (a: OutageCase, b: OutageCase | null): boolean =>
  b === null ||
  a.uncoveredDates.length > b.uncoveredDates.length ||
  (a.uncoveredDates.length === b.uncoveredDates.length && a.reassigned > b.reassigned);

const load = (d: Demand): number => d.thinClient + d.loanPc;

/** Counts one day of an outage into its remote figures. */
function tally(
  acc: { peak: Demand; shortDates: IsoDate[] },
  date: IsoDate,
  d: Demand,
  capacity: Capacity,
): void {
  acc.peak.thinClient = Math.max(acc.peak.thinClient, d.thinClient);
  acc.peak.loanPc = Math.max(acc.peak.loanPc, d.loanPc);
  if (isShort(d, capacity)) acc.shortDates.push(date);
}
const worseRemote = (a: OutageCase, b: OutageCase | null): boolean =>
  b === null ||
  a.remote!.shortDates.length > b.remote!.shortDates.length ||
  (a.remote!.shortDates.length === b.remote!.shortDates.length &&
    load(a.remote!.peak) > load(b.remote!.peak));

/**
 * N-1 check: for every team and every start day, take the team out for the outage (and its return
 * separation), move its office slots to other teams by the swap rule, and see what stays uncovered
 * — and, given a demand grid, how many thin-client seats and loan PCs each day of it needs.
 */
export function checkSurvivability(input: SurvivabilityInput): Survivability {
  const scheduled = input.shifts.filter((s) => s.status === 'scheduled');
  const dates = calendarDates(input.startDate, input.endDate);
  const byDate = groupBy(scheduled, (s) => s.date);

  // officeBefore[t][i]: office days of team t on dates before dates[i] (a day counts once).
  const officeBefore = new Map<string, Int32Array>();
  for (const t of input.teams) {
    const arr = new Int32Array(dates.length + 1);
    dates.forEach((d, i) => {
      arr[i + 1] = arr[i]! + ((byDate.get(d) ?? []).some((s) => s.teamId === t.id) ? 1 : 0);
    });
    officeBefore.set(t.id, arr);
  }

  const remote = input.remote;
  const gridIndex = new Map(remote?.grid.dates.map((d, i) => [d, i]));
  // Per date index, looked up once rather than in each of the teams × start days cases.
  const shiftsOn = dates.map((d) => byDate.get(d));
  const gridAt = dates.map((d) => gridIndex.get(d));
  const teamIndex = new Map(remote?.grid.teamIds.map((id, i) => [id, i]));
  // The demand of a day as planned is the same in every case that leaves the day alone: worked
  // out once a day, with whether it is short (a day without office slots as the grid has it).
  const planned: (Demand | undefined)[] = dates.map((_, i) => {
    const g = gridAt[i];
    if (!remote || g === undefined) return undefined;
    const day = shiftsOn[i];
    return day
      ? demandWith(remote.grid, g, [...new Set(day.map((s) => teamIndex.get(s.teamId)!))])
      : demandWith(remote.grid, g, remote.grid.officeTeams[g]!);
  });
  const plannedShort = planned.map((d) => d !== undefined && isShort(d, remote!.capacity));
  let worstRemote: OutageCase | null = null;
  const remotePeak: Demand = { thinClient: 0, loanPc: 0 };

  let worst: OutageCase | null = null;
  let cases = 0;
  const perTeam: Survivability['perTeam'] = [];
  for (const out of input.teams) {
    const others = input.teams.filter((t) => t.id !== out.id);
    const otherBefore = others.map((t) => officeBefore.get(t.id)!);
    // The days the out team has a slot on: the only ones a case changes.
    const outOn = shiftsOn.map((day) => day !== undefined && day.some((s) => s.teamId === out.id));
    // Office days each other team took in the case so far, by its place in `others`.
    const extra = new Int32Array(others.length);
    let teamWorst: OutageCase | null = null;
    for (let first = 0; first < dates.length; first++) {
      cases++;
      const start = dates[first]!;
      extra.fill(0);
      // Dates are consecutive calendar days, so the outage and the return separation are an index range
      // (and the outage's end a lookup, but past the rotation's last day).
      const c: OutageCase = {
        teamId: out.id,
        label: out.label,
        startDate: start,
        endDate: dates[first + input.outageDays - 1] ?? addDays(start, input.outageDays - 1),
        reassigned: 0,
        uncoveredDates: [],
        coveredBy: [],
      };
      const last = Math.min(
        dates.length - 1,
        first + input.outageDays + input.returnSeparationDays - 1,
      );
      const caseRemote = remote && {
        peak: { thinClient: 0, loanPc: 0 },
        shortDates: [] as IsoDate[],
      };
      for (let i = first; i <= last; i++) {
        if (!outOn[i]) {
          // Nothing of the out team's to move: the day's demand as planned.
          const d = planned[i];
          if (caseRemote && d) {
            if (d.thinClient > caseRemote.peak.thinClient)
              caseRemote.peak.thinClient = d.thinClient;
            if (d.loanPc > caseRemote.peak.loanPc) caseRemote.peak.loanPc = d.loanPc;
            if (plannedShort[i]) caseRemote.shortDates.push(dates[i]!);
          }
          continue;
        }
        const d = dates[i]!;
        const g = gridAt[i];
        // A copy the case may change (a literal, not a spread: spreads were a third of the check).
        const day = shiftsOn[i]!.map((s): ShiftRecord => ({
          id: s.id,
          teamId: s.teamId,
          date: s.date,
          slot: s.slot,
          start: s.start,
          end: s.end,
          status: s.status,
          sequence: s.sequence,
        }));
        let uncovered = false;
        for (const s of day) {
          if (s.teamId !== out.id) continue;
          c.reassigned++;
          const k = pickCovering(
            others,
            (k) => keepsHandover(day, s, others[k]!.id, input.handoverMinutes),
            (k) => otherBefore[k]![i]! + extra[k]!,
          );
          if (k < 0) {
            uncovered = true;
            s.status = 'cancelled';
            continue;
          }
          const pick = others[k]!;
          if (!day.some((o) => o.teamId === pick.id && o.status === 'scheduled')) extra[k]!++;
          s.teamId = pick.id;
        }
        if (uncovered) c.uncoveredDates.push(d);
        if (caseRemote && g !== undefined) {
          const office = [
            ...new Set(
              day.filter((s) => s.status === 'scheduled').map((s) => teamIndex.get(s.teamId)!),
            ),
          ];
          tally(caseRemote, d, demandWith(remote.grid, g, office), remote.capacity);
        }
      }
      if (caseRemote) {
        c.remote = caseRemote;
        remotePeak.thinClient = Math.max(remotePeak.thinClient, caseRemote.peak.thinClient);
        remotePeak.loanPc = Math.max(remotePeak.loanPc, caseRemote.peak.loanPc);
        if (worseRemote(c, worstRemote)) worstRemote = c;
      }
      c.coveredBy = others
        .map((t, k) => ({ teamId: t.id, label: t.label, days: extra[k]! }))
        .filter((x) => x.days > 0);
      if (worse(c, teamWorst)) teamWorst = c;
    }
    perTeam.push({
      teamId: out.id,
      label: out.label,
      worstStartDate: teamWorst?.startDate ?? null,
      maxUncovered: teamWorst?.uncoveredDates.length ?? 0,
      maxReassigned: teamWorst?.reassigned ?? 0,
    });
    if (teamWorst && worse(teamWorst, worst)) worst = teamWorst;
  }
  const out: Survivability = {
    survives: (worst?.uncoveredDates.length ?? 0) === 0,
    casesChecked: cases,
    worst,
    perTeam,
  };
  if (remote) {
    const set = remote.capacity.thinClient !== null || remote.capacity.loanPc !== null;
    out.remote = {
      capacity: remote.capacity,
      withinCapacity: set ? (worstRemote?.remote!.shortDates.length ?? 0) === 0 : null,
      peak: remotePeak,
      worst: worstRemote,
    };
  }
  return out;
}
