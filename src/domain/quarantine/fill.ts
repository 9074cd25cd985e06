import type { IsoDate } from '../types.ts';
import { keepsHandover, pickCoveringTeam } from './covering-team.ts';
import { byDateAndSlot, OfficeDays, shiftsByDay } from './office-days.ts';
import { isBlocked } from './outage.ts';
import type { SwapRecord } from './record.ts';
import type { NewShift, SwapContext } from './swap.ts';

/** A cancelled slot that no team could take when it was cancelled. */
export interface OpenSlot {
  swapId: string;
  date: IsoDate;
  slot: number;
  fromTeamId: string;
  cancelledShiftId: string;
}

/** A once-uncovered slot given to a team. */
export interface Fill {
  swapId: string;
  shift: NewShift;
}

/** The slots still waiting for a team: swaps nobody took, not handed back, and not `ended` now. */
export function openSlots(swaps: readonly SwapRecord[], ended: ReadonlySet<string>): OpenSlot[] {
  return swaps
    .filter((s) => s.toTeamId === null && s.handedBackAt === null && !ended.has(s.id))
    .map((s) => ({
      swapId: s.id,
      date: s.date,
      slot: s.slot,
      fromTeamId: s.fromTeamId,
      cancelledShiftId: s.cancelledShiftId,
    }));
}

/**
 * After a lift some team may be healthy again: every still-uncovered slot from today on goes, by the
 * same swap rule, to a team that can now take it (coverage: a day with a healthy team has an office team).
 */
export function planFill(ctx: SwapContext, open: readonly OpenSlot[]): Fill[] {
  const days = shiftsByDay(ctx.shifts.filter((s) => s.status === 'scheduled'));
  const office = new OfficeDays(ctx.shifts);
  const out: Fill[] = [];
  const open_ = open.filter((x) => x.date >= ctx.today && !ctx.closedDates?.has(x.date));
  for (const o of open_.sort(byDateAndSlot)) {
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
