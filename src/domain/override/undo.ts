import { problem } from '../problems/index.ts';
import type { IsoDate } from '../types.ts';
import { invariantRefusals, type OverrideContext, type OverrideRefusal } from './rules.ts';
import type { MovedSlot } from './plan.ts';
import type { OverrideRecord } from './record.ts';

/** An undo decided: the shifts it cancels again, those it schedules again, and the closed days after. */
export interface UndoPlan {
  cancel: string[];
  restore: string[];
  closedDates: IsoDate[];
  moved: MovedSlot[];
}

/**
 * Undoing override `o`: allowed before its first day, while the days are as it left them (no
 * later override in force on them, each shift it added still in the office — a quarantine swap
 * since is the plan now), and when putting the days back keeps every invariant (a team that went
 * on standby since cannot have its day back).
 */
export function planUndo(
  ctx: OverrideContext,
  o: OverrideRecord,
  inForce: readonly OverrideRecord[],
): { ok: true; plan: UndoPlan } | { ok: false; refusals: OverrideRefusal[]; changed?: boolean } {
  const first = [...o.dates].sort()[0]!;
  if (o.undoneAt !== null)
    return no({
      invariant: 'no-change',
      ...problem('already-undone'),
      path: '/',
      message: 'the override was undone already',
    });
  if (first <= ctx.today)
    return no({
      invariant: 'history',
      ...problem('day-started', { date: first }),
      path: '/',
      date: first,
      message: `${first} has started or passed; an override is undone before its day`,
    });
  const later = inForce.find(
    (x) => x.version > o.version && x.dates.some((d) => o.dates.includes(d)),
  );
  if (later)
    return {
      ok: false,
      changed: true,
      refusals: [
        {
          invariant: 'no-change',
          ...problem('later-override', { date: later.dates.find((d) => o.dates.includes(d))! }),
          path: '/',
          date: later.dates.find((d) => o.dates.includes(d)),
          message: `a later override (${later.id}) changed the day again; undo it first`,
        },
      ],
    };
  const byId = new Map(ctx.shifts.map((s) => [s.id, s]));
  const gone = o.addedShiftIds
    .map((id) => byId.get(id))
    .find((s) => !s || s.status !== 'scheduled');
  if (gone)
    return {
      ok: false,
      changed: true,
      refusals: [
        {
          invariant: 'no-change',
          ...problem('day-changed', { date: gone.date }),
          path: '/',
          date: gone.date,
          message: `the office slot on ${gone.date} changed hands since (a quarantine swap); it stays as it is`,
        },
      ],
    };
  const restore = o.cancelledShiftIds
    .map((id) => byId.get(id)!)
    .filter((s) => s.status === 'cancelled');
  const refusals = invariantRefusals(
    ctx,
    restore.map((s) => ({
      date: s.date,
      slot: s.slot,
      start: s.start,
      end: s.end,
      teamId: s.teamId,
    })),
    new Set(o.addedShiftIds),
    () => '/',
  );
  if (refusals.length) return { ok: false, refusals };
  const added = o.addedShiftIds.map((id) => byId.get(id)!);
  const slots = [...restore, ...added];
  const keys = [...new Set(slots.map((s) => `${s.date}|${s.slot}`))];
  return {
    ok: true,
    plan: {
      cancel: o.addedShiftIds,
      restore: restore.map((s) => s.id),
      closedDates:
        o.kind === 'close'
          ? [...ctx.closedDates].filter((d) => !o.dates.includes(d))
          : [...ctx.closedDates],
      moved: keys.map((k) => {
        const [date, slot] = [k.slice(0, 10), Number(k.slice(11))];
        const at = (list: typeof slots) =>
          list.find((s) => s.date === date && s.slot === slot)?.teamId ?? null;
        return { date, slot, fromTeamId: at(added), toTeamId: at(restore) };
      }),
    },
  };
}

const no = (r: OverrideRefusal) => ({ ok: false as const, refusals: [r] });
