import { addDays } from '../calendar/index.ts';
import type { ShiftRecord, TeamRef } from '../rotation/index.ts';
import { keepsHandover, pickCoveringTeam } from './covering-team.ts';
import type { IsoDate } from '../types.ts';

/** A team's time out of the office: from..to inclusive (effective dates). */
export interface TeamOutage {
  quarantineId: string;
  teamId: string;
  from: IsoDate;
  to: IsoDate;
}

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

export interface Swap {
  date: IsoDate;
  slot: number;
  fromTeamId: string;
  toTeamId: string | null;
  cancelledShiftId: string;
}

export interface SwapPlan {
  cancel: string[];
  add: NewShift[];
  swaps: Swap[];
  uncovered: IsoDate[];
}

/** Is the team out on `date`: in an outage, or in the separation period after one? */
export function isBlocked(
  ctx: Pick<SwapContext, 'outages' | 'returnSeparationDays'>,
  teamId: string,
  date: IsoDate,
  ignore?: string,
): boolean {
  return ctx.outages.some(
    (o) =>
      o.teamId === teamId &&
      o.quarantineId !== ignore &&
      o.from <= date &&
      date <= addDays(o.to, ctx.returnSeparationDays),
  );
}

/** Office dates per team, kept sorted, to count "office days so far" as the plan changes them. */
class OfficeDays {
  private readonly dates = new Map<string, IsoDate[]>();
  constructor(shifts: ShiftRecord[]) {
    for (const s of shifts) if (s.status === 'scheduled') this.add(s.teamId, s.date);
  }
  add(teamId: string, date: IsoDate): void {
    const list = this.dates.get(teamId) ?? this.dates.set(teamId, []).get(teamId)!;
    const i = this.lowerBound(list, date);
    if (list[i] !== date) list.splice(i, 0, date);
  }
  remove(teamId: string, date: IsoDate): void {
    const list = this.dates.get(teamId) ?? [];
    const i = this.lowerBound(list, date);
    if (list[i] === date) list.splice(i, 1);
  }
  before(teamId: string, date: IsoDate): number {
    return this.lowerBound(this.dates.get(teamId) ?? [], date);
  }
  private lowerBound(list: IsoDate[], date: IsoDate): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const byDay = (shifts: ShiftRecord[]) => {
  const m = new Map<IsoDate, ShiftRecord[]>();
  for (const s of shifts) (m.get(s.date) ?? m.set(s.date, []).get(s.date)!).push({ ...s });
  return m;
};

/**
 * The swap rule for an outage of `outage.teamId`: its scheduled slots in the window and its return
 * separation after it, from today on, are cancelled; each goes to a team that is not out that day (nor in its return separation) and
 * keeps the handover gaps — the one with the fewest office days so far, ties by label. A slot no
 * team can take stays uncovered and is reported.
 */
export function planQuarantineSwaps(ctx: SwapContext, outage: TeamOutage): SwapPlan {
  const plan: SwapPlan = { cancel: [], add: [], swaps: [], uncovered: [] };
  const from = outage.from > ctx.today ? outage.from : ctx.today;
  const days = byDay(ctx.shifts.filter((s) => s.status === 'scheduled'));
  const office = new OfficeDays(ctx.shifts);
  // The team's own days in its return separation move too: it waits that long before any office day.
  const until =
    ctx.returnSeparationDays > 0 ? addDays(outage.to, ctx.returnSeparationDays) : outage.to;
  const affected = ctx.shifts
    .filter(
      (s) =>
        s.status === 'scheduled' && s.teamId === outage.teamId && s.date >= from && s.date <= until,
    )
    .sort((a, b) => (a.date === b.date ? a.slot - b.slot : a.date < b.date ? -1 : 1));
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

/** A day handed back (or not) when an outage is lifted early. */
export interface HandBack {
  date: IsoDate;
  slot: number;
  /** The covering team's shift to cancel (null when the day was uncovered). */
  cancelShiftId: string | null;
  /** The original team's cancelled shift to schedule again. */
  restoreShiftId: string;
  teamId: string;
}

/**
 * Lifting an outage from `liftFrom`: each of its swapped days from then on (and from today) goes back
 * to the original team when that keeps every invariant — the team is not out that day under another
 * outage or its return separation, and the handover gaps hold. The rest stay as they are.
 */
export function planLift(
  ctx: SwapContext,
  outage: TeamOutage,
  liftFrom: IsoDate,
  swaps: {
    date: IsoDate;
    slot: number;
    cancelledShiftId: string;
    coveringShiftId: string | null;
    stillOurs: boolean;
  }[],
): { handBack: HandBack[]; kept: { date: IsoDate; slot: number; why: string }[] } {
  const from = liftFrom > ctx.today ? liftFrom : ctx.today;
  // After the lift the outage ends the day before, and its separation (if any) follows from there;
  // lifted from its first day, the team was never out, so it has no separation either.
  const end = addDays(liftFrom, -1);
  const lifted: SwapContext = {
    ...ctx,
    outages: ctx.outages.flatMap((o) =>
      o.quarantineId !== outage.quarantineId ? [o] : end < o.from ? [] : [{ ...o, to: end }],
    ),
  };
  const days = byDay(ctx.shifts.filter((s) => s.status === 'scheduled'));
  const handBack: HandBack[] = [];
  const kept: { date: IsoDate; slot: number; why: string }[] = [];
  for (const sw of swaps
    .filter((x) => x.date >= from)
    .sort((a, b) => (a.date === b.date ? a.slot - b.slot : a.date < b.date ? -1 : 1))) {
    const restore = ctx.shifts.find((s) => s.id === sw.cancelledShiftId)!;
    if (!sw.stillOurs) {
      kept.push({
        date: sw.date,
        slot: sw.slot,
        why: 'the slot has changed hands since (another lift or swap)',
      });
      continue;
    }
    if (isBlocked(lifted, outage.teamId, sw.date)) {
      kept.push({
        date: sw.date,
        slot: sw.slot,
        why: 'the team is still out that day (another quarantine or its return separation)',
      });
      continue;
    }
    const day = (days.get(sw.date) ?? []).filter((x) => x.id !== sw.coveringShiftId);
    if (!keepsHandover(day, restore, outage.teamId, ctx.handoverMinutes)) {
      kept.push({
        date: sw.date,
        slot: sw.slot,
        why: 'handing it back would break a handover gap',
      });
      continue;
    }
    day.push({ ...restore, status: 'scheduled' });
    days.set(sw.date, day);
    handBack.push({
      date: sw.date,
      slot: sw.slot,
      cancelShiftId: sw.coveringShiftId,
      restoreShiftId: sw.cancelledShiftId,
      teamId: outage.teamId,
    });
  }
  return { handBack, kept };
}

/** A cancelled slot that no team could take when it was cancelled. */
export interface OpenSlot {
  swapId: string;
  date: IsoDate;
  slot: number;
  fromTeamId: string;
  cancelledShiftId: string;
}

/**
 * After a lift some team may be healthy again: every still-uncovered slot from today on goes, by the
 * same swap rule, to a team that can now take it (coverage: a day with a healthy team has an office team).
 */
export function planFill(
  ctx: SwapContext,
  open: OpenSlot[],
): { swapId: string; shift: NewShift }[] {
  const days = byDay(ctx.shifts.filter((s) => s.status === 'scheduled'));
  const office = new OfficeDays(ctx.shifts);
  const out: { swapId: string; shift: NewShift }[] = [];
  for (const o of [...open]
    .filter((x) => x.date >= ctx.today)
    .sort((a, b) => (a.date === b.date ? a.slot - b.slot : a.date < b.date ? -1 : 1))) {
    const original = ctx.shifts.find((s) => s.id === o.cancelledShiftId)!;
    const day = days.get(o.date) ?? [];
    if (day.some((s) => s.slot === o.slot)) continue;
    const candidates = ctx.teams.filter(
      (t) =>
        !isBlocked(ctx, t.id, o.date) && keepsHandover(day, original, t.id, ctx.handoverMinutes),
    );
    const pick = pickCoveringTeam(candidates, (id) => office.before(id, o.date));
    if (!pick) continue;
    const shift = {
      date: o.date,
      slot: o.slot,
      start: original.start,
      end: original.end,
      teamId: pick.id,
      replacesShiftId: original.id,
    };
    day.push({ ...original, id: `fill:${o.swapId}`, teamId: pick.id, status: 'scheduled' });
    days.set(o.date, day);
    office.add(pick.id, o.date);
    out.push({ swapId: o.swapId, shift });
  }
  return out;
}
