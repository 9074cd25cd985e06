import { addDays } from '../calendar/index.ts';
import type { IsoDate } from '../types.ts';
import { keepsHandover } from './covering-team.ts';
import { byDateAndSlot, shiftsByDay } from './office-days.ts';
import { isBlocked, type TeamOutage } from './outage.ts';
import type { Quarantine, SwapRecord } from './record.ts';
import type { SwapContext } from './swap.ts';

/** A day handed back when an outage is lifted early. */
export interface HandBack {
  date: IsoDate;
  slot: number;
  /** The covering team's shift to cancel (null when the day was uncovered). */
  cancelShiftId: string | null;
  /** The original team's cancelled shift to schedule again. */
  restoreShiftId: string;
  teamId: string;
}

/** A swapped day that stays with whoever holds it, and why. */
export interface KeptDay {
  date: IsoDate;
  slot: number;
  why: string;
}

/** A swapped day a lift may hand back: who holds the slot now, and whether it still came from us. */
export interface HandBackCandidate {
  date: IsoDate;
  slot: number;
  cancelledShiftId: string;
  /** The scheduled shift in the slot now (null when nobody holds it). */
  coveringShiftId: string | null;
  /** Does that shift come from this day's chain of covers (not from another lift or plan)? */
  stillOurs: boolean;
}

/**
 * The open swaps a lift of `quarantine` may hand back: its own, and those an earlier lift of the
 * same team had to keep because this quarantine still kept the team out — with both lifted they go
 * back too, whatever the order of the lifts.
 */
export function swapsToHandBack(
  quarantine: Quarantine,
  quarantines: readonly Quarantine[],
  openSwaps: readonly SwapRecord[],
): SwapRecord[] {
  const liftedBefore = new Set(
    quarantines
      .filter(
        (o) =>
          o.id !== quarantine.id &&
          o.liftedAt !== null &&
          o.teamId === quarantine.teamId &&
          o.rotationId === quarantine.rotationId,
      )
      .map((o) => o.id),
  );
  return openSwaps.filter(
    (s) => s.quarantineId === quarantine.id || liftedBefore.has(s.quarantineId),
  );
}

/**
 * Lifting an outage from `liftFrom`: each of its swapped days from then on (and from today) goes back
 * to the original team when that keeps every invariant — the slot is still held through this day's
 * covers, the team is not out that day under another outage or its return separation, and the
 * handover gaps hold. The rest stay as they are.
 */
export function planHandBack(
  ctx: SwapContext,
  outage: TeamOutage,
  liftFrom: IsoDate,
  candidates: readonly HandBackCandidate[],
): { handBack: HandBack[]; kept: KeptDay[] } {
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
  const days = shiftsByDay(ctx.shifts.filter((s) => s.status === 'scheduled'));
  const handBack: HandBack[] = [];
  const kept: KeptDay[] = [];
  for (const sw of candidates.filter((x) => x.date >= from).sort(byDateAndSlot)) {
    const restore = ctx.shifts.find((s) => s.id === sw.cancelledShiftId)!;
    if (ctx.closedDates?.has(sw.date)) {
      kept.push({
        date: sw.date,
        slot: sw.slot,
        why: 'the office is closed that day (an override)',
      });
      continue;
    }
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
