import { nonWorkingReason } from '../calendar/index.ts';
import { isBlocked, type TeamOutage } from '../quarantine/index.ts';
import { checkIsolation, type ShiftRecord, type Slot, type TeamRef } from '../rotation/index.ts';
import type { DepartmentCalendar, IsoDate } from '../types.ts';
import type { OverrideKind } from './record.ts';

/** A chief's single-day change, as asked. */
export type OverrideRequest =
  | { kind: 'swap'; dates: [IsoDate, IsoDate] }
  | { kind: 'assign'; date: IsoDate; teamId: string; slot?: number }
  | { kind: 'close'; date: IsoDate; reason?: string };

/** The invariant (or rule) a refused override would break. */
export type OverrideInvariant =
  'history' | 'calendar' | 'coverage' | 'quarantine' | 'isolation' | 'no-change';

/** Why an override (or its undo) is refused: the invariant, a code, the day and the field. */
export interface OverrideRefusal {
  invariant: OverrideInvariant;
  code: string;
  path: string;
  date?: IsoDate;
  /** The team concerned, by label. */
  team?: string;
  message: string;
}

/** What an override is decided on: the rotation as it stands, who is out, and today. */
export interface OverrideContext {
  today: IsoDate;
  calendar: DepartmentCalendar;
  startDate: IsoDate;
  endDate: IsoDate;
  bufferDates: ReadonlySet<IsoDate>;
  closedDates: ReadonlySet<IsoDate>;
  teams: readonly TeamRef[];
  /** Every shift of the rotation, scheduled and cancelled. */
  shifts: readonly ShiftRecord[];
  /** The day's office slots (the pattern's, or one spanning the office hours). */
  slots: readonly Slot[];
  outages: readonly TeamOutage[];
  returnSeparationDays: number;
  handoverMinutes: number;
}

/** A new office slot an override gives a team. */
export interface AddedShift {
  date: IsoDate;
  slot: number;
  start: string;
  end: string;
  teamId: string;
}

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

/** The refusals of a day an override may touch at all: history, the rotation, the calendar. */
export function dayRefusals(
  ctx: OverrideContext,
  date: IsoDate,
  path: string,
  opts: { closedOk?: boolean } = {},
): OverrideRefusal[] {
  const at = { path, date };
  if (date < ctx.today)
    return [
      {
        ...at,
        invariant: 'history',
        code: 'past-day',
        message: `${date} is before today (${ctx.today}); past days are history`,
      },
    ];
  if (date < ctx.startDate || date > ctx.endDate)
    return [
      {
        ...at,
        invariant: 'calendar',
        code: 'outside-rotation',
        message: `${date} is outside the rotation (${ctx.startDate} – ${ctx.endDate})`,
      },
    ];
  if (nonWorkingReason(ctx.calendar, date) !== undefined)
    return [
      {
        ...at,
        invariant: 'calendar',
        code: 'not-working-day',
        message: `${date} is not a working day of the department`,
      },
    ];
  if (ctx.bufferDates.has(date))
    return [
      {
        ...at,
        invariant: 'coverage',
        code: 'buffer-day',
        message: `${date} is a buffer day: the office stays empty for cleaning`,
      },
    ];
  if (!opts.closedOk && ctx.closedDates.has(date))
    return [
      {
        ...at,
        invariant: 'coverage',
        code: 'closed-day',
        message: `${date} is closed by an override; undo that override first`,
      },
    ];
  return [];
}

/**
 * The invariants a plan's new office slots must keep: no team in the office while it is out
 * (quarantine, or the return separation after one), and isolation with the handover gaps on
 * each day it touches.
 */
export function invariantRefusals(
  ctx: OverrideContext,
  add: readonly AddedShift[],
  cancel: ReadonlySet<string>,
  pathOf: (date: IsoDate) => string,
): OverrideRefusal[] {
  const label = (id: string) => ctx.teams.find((t) => t.id === id)?.label ?? '?';
  const out: OverrideRefusal[] = [];
  for (const a of add)
    if (isBlocked(ctx, a.teamId, a.date))
      out.push({
        invariant: 'quarantine',
        code: 'team-in-standby',
        path: pathOf(a.date),
        date: a.date,
        team: label(a.teamId),
        message: `team ${label(a.teamId)} is on standby on ${a.date} (a quarantine or the return separation after one)`,
      });
  const dates = [...new Set(add.map((a) => a.date))];
  const after = [
    ...ctx.shifts.filter(
      (s) => s.status === 'scheduled' && dates.includes(s.date) && !cancel.has(s.id),
    ),
    ...add,
  ].map((s) => ({ ...s, teamLabel: label(s.teamId) }));
  for (const v of checkIsolation(after, {
    handoverMinutes: ctx.handoverMinutes,
    oneTeamPerDate: ctx.slots.length <= 1,
  }))
    out.push({
      invariant: 'isolation',
      code: v.code,
      path: pathOf(v.date!),
      date: v.date,
      message: v.message,
    });
  return out;
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
      code: 'same-day',
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
        code: 'no-office-team',
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
      code: 'same-teams',
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
      code: 'unknown-team',
      path: '/teamId',
      message: 'is not a team of this rotation',
    });
  if (
    req.slot !== undefined &&
    !(Number.isInteger(req.slot) && req.slot >= 0 && req.slot < ctx.slots.length)
  )
    return refusal({
      invariant: 'no-change',
      code: 'unknown-slot',
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
      code: 'same-team',
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
      code: 'already-closed',
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
