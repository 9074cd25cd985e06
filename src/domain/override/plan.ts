import { problem } from '../problems/index.ts';
import type { ShiftRecord } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';
import type { OverrideKind } from './record.ts';
import {
  dayRefusals,
  invariantRefusals,
  type AddedShift,
  type OverrideContext,
  type OverrideRefusal,
} from './rules.ts';

/** A chief's single-day change, as asked. */
export type OverrideRequest =
  | { kind: 'swap'; dates: [IsoDate, IsoDate] }
  | { kind: 'assign'; date: IsoDate; teamId: string; slot?: number }
  | { kind: 'close'; date: IsoDate; reason?: string };

/** One slot that changed hands (null: nobody in the office then). */
export interface MovedSlot {
  date: IsoDate;
  slot: number;
  fromTeamId: string | null;
  toTeamId: string | null;
}

/** An override decided: the shifts to cancel and to add, the closed days after it, what moved. */
export interface OverridePlan {
  kind: OverrideKind;
  dates: IsoDate[];
  cancel: string[];
  add: AddedShift[];
  closedDates: IsoDate[];
  moved: MovedSlot[];
}

const refusal = (r: OverrideRefusal): { ok: false; refusals: OverrideRefusal[] } => ({
  ok: false,
  refusals: [r],
});

/** The scheduled shift of each slot of `date`. */
function occupants(ctx: OverrideContext, date: IsoDate): (ShiftRecord | undefined)[] {
  const day = ctx.shifts.filter((s) => s.date === date && s.status === 'scheduled');
  return ctx.slots.map((_, i) => day.find((s) => s.slot === i));
}

/**
 * Decides a chief's override against every invariant: refused (each reason, naming the invariant
 * and the day) or planned (the shifts to cancel and add). Past days, days outside the rotation,
 * non-working, buffer and closed days are refused; a swap needs an office team in every slot of
 * both days.
 */
export function planOverride(
  ctx: OverrideContext,
  req: OverrideRequest,
): { ok: true; plan: OverridePlan } | { ok: false; refusals: OverrideRefusal[] } {
  switch (req.kind) {
    case 'swap':
      return planSwap(ctx, req.dates);
    case 'assign':
      return planAssign(ctx, req);
    case 'close':
      return planClose(ctx, req.date);
  }
}

function planSwap(ctx: OverrideContext, dates: [IsoDate, IsoDate]) {
  const [a, b] = dates;
  if (a === b)
    return refusal({
      invariant: 'no-change',
      ...problem('same-day'),
      path: '/dates/1',
      date: b,
      message: 'the two days are the same day',
    });
  const early = [...dayRefusals(ctx, a, '/dates/0'), ...dayRefusals(ctx, b, '/dates/1')];
  if (early.length) return { ok: false as const, refusals: early };
  const [oa, ob] = [occupants(ctx, a), occupants(ctx, b)];
  for (const [date, occ, path] of [
    [a, oa, '/dates/0'],
    [b, ob, '/dates/1'],
  ] as const)
    if (occ.some((s) => !s))
      return refusal({
        invariant: 'coverage',
        ...problem('no-office-team', { date }),
        path,
        date,
        message: `${date} has no office team to swap (in some slot); give it to a team instead`,
      });
  const plan: OverridePlan = {
    kind: 'swap',
    dates: [a, b],
    cancel: [],
    add: [],
    closedDates: [...ctx.closedDates],
    moved: [],
  };
  ctx.slots.forEach((slot, i) => {
    const [sa, sb] = [oa[i]!, ob[i]!];
    if (sa.teamId === sb.teamId) return;
    plan.cancel.push(sa.id, sb.id);
    plan.add.push(
      { date: a, slot: i, start: slot.start, end: slot.end, teamId: sb.teamId },
      { date: b, slot: i, start: slot.start, end: slot.end, teamId: sa.teamId },
    );
    plan.moved.push(
      { date: a, slot: i, fromTeamId: sa.teamId, toTeamId: sb.teamId },
      { date: b, slot: i, fromTeamId: sb.teamId, toTeamId: sa.teamId },
    );
  });
  if (!plan.add.length)
    return refusal({
      invariant: 'no-change',
      ...problem('same-teams'),
      path: '/dates',
      message: `${a} and ${b} have the same office team`,
    });
  return checked(ctx, plan, (d) => (d === a ? '/dates/0' : '/dates/1'));
}

function planAssign(ctx: OverrideContext, req: { date: IsoDate; teamId: string; slot?: number }) {
  const team = ctx.teams.find((t) => t.id === req.teamId);
  if (!team)
    return refusal({
      invariant: 'no-change',
      ...problem('unknown-team'),
      path: '/teamId',
      message: 'is not a team of this rotation',
    });
  if (
    req.slot !== undefined &&
    !(Number.isInteger(req.slot) && req.slot >= 0 && req.slot < ctx.slots.length)
  )
    return refusal({
      invariant: 'no-change',
      ...problem('unknown-slot'),
      path: '/slot',
      message: `is not a slot of the day (0–${ctx.slots.length - 1})`,
    });
  const early = dayRefusals(ctx, req.date, '/date');
  if (early.length) return { ok: false as const, refusals: early };
  const occ = occupants(ctx, req.date);
  const plan: OverridePlan = {
    kind: 'assign',
    dates: [req.date],
    cancel: [],
    add: [],
    closedDates: [...ctx.closedDates],
    moved: [],
  };
  ctx.slots.forEach((slot, i) => {
    if (req.slot !== undefined && i !== req.slot) return;
    const held = occ[i];
    if (held?.teamId === team.id) return;
    if (held) plan.cancel.push(held.id);
    plan.add.push({ date: req.date, slot: i, start: slot.start, end: slot.end, teamId: team.id });
    plan.moved.push({
      date: req.date,
      slot: i,
      fromTeamId: held?.teamId ?? null,
      toTeamId: team.id,
    });
  });
  if (!plan.add.length)
    return refusal({
      invariant: 'no-change',
      ...problem('same-team', { date: req.date, team: team.label }),
      path: '/teamId',
      date: req.date,
      team: team.label,
      message: `team ${team.label} already has ${req.date}`,
    });
  return checked(ctx, plan, () => '/date');
}

function planClose(ctx: OverrideContext, date: IsoDate) {
  if (ctx.closedDates.has(date))
    return refusal({
      invariant: 'no-change',
      ...problem('already-closed', { date }),
      path: '/date',
      date,
      message: `${date} is closed already`,
    });
  const early = dayRefusals(ctx, date, '/date');
  if (early.length) return { ok: false as const, refusals: early };
  const held = occupants(ctx, date).filter((s): s is ShiftRecord => s !== undefined);
  return {
    ok: true as const,
    plan: {
      kind: 'close' as const,
      dates: [date],
      cancel: held.map((s) => s.id),
      add: [],
      closedDates: [...ctx.closedDates, date].sort(),
      moved: held.map((s) => ({ date, slot: s.slot, fromTeamId: s.teamId, toTeamId: null })),
    },
  };
}

function checked(ctx: OverrideContext, plan: OverridePlan, pathOf: (d: IsoDate) => string) {
  const refusals = invariantRefusals(ctx, plan.add, new Set(plan.cancel), pathOf);
  return refusals.length ? { ok: false as const, refusals } : { ok: true as const, plan };
}
