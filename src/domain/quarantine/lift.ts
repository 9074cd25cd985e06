import { addDays } from '../calendar/index.ts';
import { err, ok, type Result } from '../result.ts';
import type { ShiftRecord, TeamRef } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';
import { followCovers } from './chain.ts';
import { openSlots, planFill, type Fill } from './fill.ts';
import { planHandBack, swapsToHandBack, type HandBack, type KeptDay } from './hand-back.ts';
import { teamOutages, type TeamOutage } from './outage.ts';
import type { Quarantine, SwapRecord } from './record.ts';
import type { SwapContext } from './swap.ts';

/** The rotation a team quarantine swapped days in, as read for a lift. */
export interface LiftRotation {
  id: string;
  teams: TeamRef[];
  /** Every shift of the rotation, scheduled and cancelled. */
  shifts: ShiftRecord[];
  /** Every swap of the rotation, by date and slot (handed back ones too). */
  swaps: SwapRecord[];
  handoverMinutes: number;
  /** Days the chief's overrides closed. */
  closedDates?: ReadonlySet<IsoDate>;
}

/** What a lift is decided on. */
export interface LiftInput {
  today: IsoDate;
  quarantine: Quarantine;
  /** The department's quarantines, this one included. */
  quarantines: readonly Quarantine[];
  /** For a team quarantine, its rotation; a member quarantine moved no office day. */
  rotation: LiftRotation | null;
  returnSeparationDays: number;
}

/** Why a lift is refused. */
export type LiftRefusal =
  | { kind: 'already-lifted'; liftedFrom: IsoDate | null }
  | { kind: 'before-today'; today: IsoDate }
  | { kind: 'after-end'; endDate: IsoDate };

/** A lift decided: what goes back, what stays, what gets covered now, and the plan it leaves. */
export interface LiftPlan {
  quarantineId: string;
  liftedFrom: IsoDate;
  /** Days given back to the quarantined team, with the team that held them (null: nobody did). */
  handBack: (HandBack & { fromTeamId: string | null })[];
  kept: KeptDay[];
  /** Every swap over with the hand-back: the whole chain of covers of each day given back. */
  endedSwapIds: string[];
  /** Once-uncovered slots (of any quarantine) that a team can take now. */
  fills: Fill[];
  /** The rotation's shifts after the lift (a fill's id is provisional), or null with no rotation. */
  shiftsAfter: ShiftRecord[] | null;
  /** Office days teams gain: whoever moves on from such a team waits the exposure window after them. */
  gained: { teamId: string; date: IsoDate }[];
}

/**
 * Lifting quarantine `input.quarantine` from `date`: refused when it was lifted already, when `date`
 * is history or after its end. Otherwise each swapped day from `date` goes back where every
 * invariant allows (following a day's covers to whoever holds it now), and, with the team back,
 * once-uncovered slots go to teams that can take them now.
 */
export function planQuarantineLift(input: LiftInput, date: IsoDate): Result<LiftPlan, LiftRefusal> {
  const { quarantine: q, today, rotation } = input;
  if (q.liftedAt) return err({ kind: 'already-lifted', liftedFrom: q.liftedFrom });
  if (date < today) return err({ kind: 'before-today', today });
  if (date > q.endDate) return err({ kind: 'after-end', endDate: q.endDate });
  if (q.subject !== 'team' || !rotation)
    return ok({
      quarantineId: q.id,
      liftedFrom: date,
      handBack: [],
      kept: [],
      endedSwapIds: [],
      fills: [],
      shiftsAfter: null,
      gained: [],
    });
  const outages = teamOutages(input.quarantines, rotation.id);
  const ctx: SwapContext = {
    teams: rotation.teams,
    shifts: rotation.shifts,
    outages,
    returnSeparationDays: input.returnSeparationDays,
    handoverMinutes: rotation.handoverMinutes,
    today,
    ...(rotation.closedDates ? { closedDates: rotation.closedDates } : {}),
  };
  const { handBack, kept, endedSwapIds } = handBackDays(input, rotation, ctx, date);
  // With the team back, slots of other quarantines that no team could take may now be covered.
  const after: SwapContext = {
    ...ctx,
    outages: outagesAfterLift(outages, q.id, date),
    shifts: withHandBack(rotation.shifts, handBack),
  };
  const fills = planFill(after, openSlots(rotation.swaps, new Set(endedSwapIds)));
  const teamOf = (shiftId: string | null) =>
    rotation.shifts.find((x) => x.id === shiftId)?.teamId ?? null;
  return ok({
    quarantineId: q.id,
    liftedFrom: date,
    handBack: handBack.map((h) => ({ ...h, fromTeamId: teamOf(h.cancelShiftId) })),
    kept,
    endedSwapIds,
    fills,
    shiftsAfter: [
      ...after.shifts,
      ...fills.map((f) => ({
        ...f.shift,
        id: `fill:${f.swapId}`,
        status: 'scheduled' as const,
        sequence: 0,
      })),
    ],
    gained: [
      ...handBack.map((b) => ({ teamId: b.teamId, date: b.date })),
      ...fills.map((f) => ({ teamId: f.shift.teamId, date: f.shift.date })),
    ],
  });
}

/** The days of the lifted team's open swaps that go back, those kept, and the swaps that end. */
function handBackDays(input: LiftInput, rotation: LiftRotation, ctx: SwapContext, date: IsoDate) {
  const q = input.quarantine;
  const outage = ctx.outages.find((o) => o.quarantineId === q.id) ?? {
    quarantineId: q.id,
    teamId: q.teamId!,
    from: q.effectiveFrom,
    to: q.endDate,
  };
  const open = rotation.swaps.filter((s) => s.handedBackAt === null);
  const swaps = swapsToHandBack(q, input.quarantines, open);
  const chains = followCovers(swaps, open, rotation.shifts);
  const { handBack, kept } = planHandBack(
    ctx,
    outage,
    date,
    swaps.map((s) => ({
      date: s.date,
      slot: s.slot,
      cancelledShiftId: s.cancelledShiftId,
      coveringShiftId: chains.get(s.id)!.occupantShiftId,
      stillOurs: chains.get(s.id)!.stillOurs,
    })),
  );
  // A day handed back ends its whole chain of covers: none of them may be handed back again.
  const back = new Set(handBack.map((h) => h.restoreShiftId));
  const endedSwapIds = swaps
    .filter((s) => back.has(s.cancelledShiftId))
    .flatMap((s) => chains.get(s.id)!.swapIds);
  return { handBack, kept, endedSwapIds };
}

/**
 * The outages once `quarantineId` is lifted from `date`: it ends the day before, or, lifted from its
 * first day, it is gone: the team was never out, so it owes no return separation.
 */
function outagesAfterLift(
  outages: readonly TeamOutage[],
  quarantineId: string,
  date: IsoDate,
): TeamOutage[] {
  return outages.flatMap((o) =>
    o.quarantineId !== quarantineId ? [o] : date <= o.from ? [] : [{ ...o, to: addDays(date, -1) }],
  );
}

/** The rotation's shifts with the days handed back: the team's shift again, its cover cancelled. */
function withHandBack(
  shifts: readonly ShiftRecord[],
  handBack: readonly HandBack[],
): ShiftRecord[] {
  const restored = new Set(handBack.map((h) => h.restoreShiftId));
  const cancelled = new Set(handBack.flatMap((h) => (h.cancelShiftId ? [h.cancelShiftId] : [])));
  return shifts.map((s) =>
    restored.has(s.id)
      ? { ...s, status: 'scheduled' as const }
      : cancelled.has(s.id)
        ? { ...s, status: 'cancelled' as const }
        : s,
  );
}
