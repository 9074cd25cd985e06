import { calendarDates } from './calendar.ts';
import { addDays } from './dates.ts';
import type { ShiftRecord, TeamRef } from './rotation-model.ts';
import { keepsHandover, pickCoveringTeam } from './swap-rule.ts';
import type { IsoDate } from './types.ts';

export interface SurvivabilityInput {
  teams: TeamRef[];
  /** The rotation's shifts (cancelled ones are ignored). */
  shifts: ShiftRecord[];
  startDate: IsoDate;
  endDate: IsoDate;
  outageDays: number;
  returnSeparationDays: number;
  handoverMinutes: number;
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
}

export interface Survivability {
  survives: boolean;
  casesChecked: number;
  /** The case with the most uncovered days (then the most moved days, then the earliest start). */
  worst: OutageCase | null;
  perTeam: { teamId: string; label: string; worstStartDate: IsoDate | null; maxUncovered: number; maxReassigned: number }[];
}

const worse = (a: OutageCase, b: OutageCase | null): boolean =>
  b === null ||
  a.uncoveredDates.length > b.uncoveredDates.length ||
  (a.uncoveredDates.length === b.uncoveredDates.length && a.reassigned > b.reassigned);

/**
 * N-1 check: for every team and every start day, take the team out for the outage (and its return
 * separation), move its office slots to other teams by the swap rule, and see what stays uncovered.
 */
export function checkSurvivability(input: SurvivabilityInput): Survivability {
  const scheduled = input.shifts.filter((s) => s.status === 'scheduled');
  const dates = calendarDates(input.startDate, input.endDate);
  const byDate = new Map<IsoDate, ShiftRecord[]>();
  for (const s of scheduled) (byDate.get(s.date) ?? byDate.set(s.date, []).get(s.date)!).push(s);

  // officeBefore[t][i]: office days of team t on dates before dates[i] (a day counts once).
  const officeBefore = new Map<string, Int32Array>();
  for (const t of input.teams) {
    const arr = new Int32Array(dates.length + 1);
    dates.forEach((d, i) => {
      arr[i + 1] = arr[i]! + ((byDate.get(d) ?? []).some((s) => s.teamId === t.id) ? 1 : 0);
    });
    officeBefore.set(t.id, arr);
  }

  let worst: OutageCase | null = null;
  let cases = 0;
  const perTeam: Survivability['perTeam'] = [];
  for (const out of input.teams) {
    const others = input.teams.filter((t) => t.id !== out.id);
    let teamWorst: OutageCase | null = null;
    for (let first = 0; first < dates.length; first++) {
      cases++;
      const start = dates[first]!;
      const extra = new Map<string, number>();
      const c: OutageCase = { teamId: out.id, label: out.label, startDate: start, endDate: addDays(start, input.outageDays - 1), reassigned: 0, uncoveredDates: [], coveredBy: [] };
      // Dates are consecutive calendar days, so the outage and the return separation are an index range.
      const last = Math.min(dates.length - 1, first + input.outageDays + input.returnSeparationDays - 1);
      for (let i = first; i <= last; i++) {
        const d = dates[i]!;
        if (!byDate.has(d)) continue;
        const day = byDate.get(d)!.map((s) => ({ ...s }));
        let uncovered = false;
        for (const s of day) {
          if (s.teamId !== out.id) continue;
          c.reassigned++;
          const fits = others.filter((t) => keepsHandover(day, s, t.id, input.handoverMinutes));
          const pick = pickCoveringTeam(fits, (id) => officeBefore.get(id)![i]! + (extra.get(id) ?? 0));
          if (!pick) {
            uncovered = true;
            s.status = 'cancelled';
            continue;
          }
          if (!day.some((o) => o.teamId === pick.id && o.status === 'scheduled')) extra.set(pick.id, (extra.get(pick.id) ?? 0) + 1);
          s.teamId = pick.id;
        }
        if (uncovered) c.uncoveredDates.push(d);
      }
      c.coveredBy = others
        .map((t) => ({ teamId: t.id, label: t.label, days: extra.get(t.id) ?? 0 }))
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
  return { survives: (worst?.uncoveredDates.length ?? 0) === 0, casesChecked: cases, worst, perTeam };
}
