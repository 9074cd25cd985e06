import { addDays } from '../calendar/index.ts';
import type { ShiftRecord, TeamRef } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';
import { keepsHandover, pickCoveringTeam } from './covering-team.ts';
import { byDateAndSlot, OfficeDays, shiftsByDay } from './office-days.ts';
import { isBlocked, type TeamOutage } from './outage.ts';

/** What the swap rule decides on: a rotation's teams and shifts, and who is out. */
export interface SwapContext {
  teams: TeamRef[];
  /** Every shift of the rotation, scheduled and cancelled. */
  shifts: ShiftRecord[];
  /** Team outages in force (not lifted), the new one included. */
  outages: TeamOutage[];
  returnSeparationDays: number;
  handoverMinutes: number;
  /** Days before today are history: never rewritten. */
  today: IsoDate;
  /** Days a chief's override closed: nobody is in the office then, and no lift or fill changes that. */
  closedDates?: ReadonlySet<IsoDate>;
}

/** A new office slot for a covering team (or for the original team when a lift hands a day back). */
export interface NewShift {
  date: IsoDate;
  slot: number;
  start: string;
  end: string;
  teamId: string;
  replacesShiftId: string;
}

/** A slot moved from the quarantined team to a covering team (null: nobody could take it). */
export interface Swap {
  date: IsoDate;
  slot: number;
  fromTeamId: string;
  toTeamId: string | null;
  cancelledShiftId: string;
}

/** The swap rule's answer for one outage: shifts to cancel, covers to add, swaps, uncovered days. */
export interface SwapPlan {
  cancel: string[];
  add: NewShift[];
  swaps: Swap[];
  uncovered: IsoDate[];
}

/**
 * The swap rule for an outage of `outage.teamId`: its scheduled slots in the window and its return
 * separation after it, from today on, are cancelled; each goes to a team that is not out that day
 * (nor in its return separation) and keeps the handover gaps — the one with the fewest office days
 * so far, ties by label. A slot no team can take stays uncovered and is reported.
 */
export function planQuarantineSwaps(ctx: SwapContext, outage: TeamOutage): SwapPlan {
  const plan: SwapPlan = { cancel: [], add: [], swaps: [], uncovered: [] };
  const from = outage.from > ctx.today ? outage.from : ctx.today;
  const days = shiftsByDay(ctx.shifts.filter((s) => s.status === 'scheduled'));
  const office = new OfficeDays(ctx.shifts);
  // The team's own days in its return separation move too: it waits that long before any office day.
  const until =
    ctx.returnSeparationDays > 0 ? addDays(outage.to, ctx.returnSeparationDays) : outage.to;
  const affected = ctx.shifts
    .filter(
      (s) =>
        s.status === 'scheduled' && s.teamId === outage.teamId && s.date >= from && s.date <= until,
    )
    .sort(byDateAndSlot);
  for (const s of affected) {
    const day = days.get(s.date)!;
    const mine = day.find((x) => x.id === s.id)!;
    mine.status = 'cancelled';
    plan.cancel.push(s.id);
    if (!day.some((x) => x.teamId === outage.teamId && x.status === 'scheduled'))
      office.remove(outage.teamId, s.date);
    const candidates = ctx.teams.filter(
      (t) =>
        t.id !== outage.teamId &&
        !isBlocked(ctx, t.id, s.date) &&
        keepsHandover(day, s, t.id, ctx.handoverMinutes),
    );
    const pick = pickCoveringTeam(candidates, (id) => office.before(id, s.date));
    plan.swaps.push({
      date: s.date,
      slot: s.slot,
      fromTeamId: outage.teamId,
      toTeamId: pick?.id ?? null,
      cancelledShiftId: s.id,
    });
    if (!pick) {
      if (!plan.uncovered.includes(s.date)) plan.uncovered.push(s.date);
      continue;
    }
    day.push({ ...s, id: `new:${s.id}`, teamId: pick.id, status: 'scheduled' });
    office.add(pick.id, s.date);
    plan.add.push({
      date: s.date,
      slot: s.slot,
      start: s.start,
      end: s.end,
      teamId: pick.id,
      replacesShiftId: s.id,
    });
  }
  return plan;
}

/** One outage's swaps within a rotation plan: new shifts carry provisional ids (`cover:…`). */
export interface OutageSwaps extends SwapPlan {
  quarantineId: string;
  add: (NewShift & { id: string })[];
}

/**
 * The swap rule for several new outages of one rotation, each planned on top of the ones before
 * (a later one may cancel a cover an earlier one added). Returns each outage's plan and the
 * rotation's shifts after all of them.
 */
export function planRotationSwaps(
  ctx: SwapContext,
  fresh: readonly TeamOutage[],
): { plans: OutageSwaps[]; shifts: ShiftRecord[] } {
  let shifts = ctx.shifts;
  const plans: OutageSwaps[] = [];
  for (const outage of fresh) {
    const plan = planQuarantineSwaps({ ...ctx, shifts }, outage);
    const add = plan.add.map((a) => ({ ...a, id: `cover:${a.replacesShiftId}` }));
    plans.push({ ...plan, add, quarantineId: outage.quarantineId });
    const cancelled = new Set(plan.cancel);
    shifts = [
      ...shifts.map((s) => (cancelled.has(s.id) ? { ...s, status: 'cancelled' as const } : s)),
      ...add.map((a) => ({
        id: a.id,
        teamId: a.teamId,
        date: a.date,
        slot: a.slot,
        start: a.start,
        end: a.end,
        status: 'scheduled' as const,
        sequence: 0,
      })),
    ];
  }
  return { plans, shifts };
}
