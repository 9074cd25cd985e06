import {
  windowsOf,
  cancelShiftQuery,
  coverSwapQuery,
  findQuarantine,
  handBackSwapsQueries,
  liftQuarantineQuery,
  listQuarantines,
  openSwapsOf,
  restoreShiftQuery,
  rotationSwapsOf,
} from '../../db/repos/quarantines.ts';
import {
  shiftOf,
  teamRef,
  findRotation,
  insertShiftsQueries,
  shiftsOf,
  teamsOf,
} from '../../db/repos/rotations.ts';
import type { CompiledQuery } from 'kysely';
import { addDays, dateInZone } from '../../domain/calendar/index.ts';
import { planFill, planLift } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import {
  bumpDataVersionQuery,
  findDepartment,
  isDataVersionConflict,
} from '../../db/repos/departments.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import {
  conflict,
  hrOnly,
  invalid,
  notDates,
  notFound,
  planChanged,
  type Failure,
} from '../failure.ts';
import { loadPolicy } from '../settings/index.ts';
import { bridgingKept } from './bridging-kept.ts';
import { teamOutages } from './context.ts';
import { capacityEffect, type CapacityEffect } from '../capacity/index.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import { quarantineNotices } from './notify.ts';
import { quarantineView } from './views.ts';

export interface LiftOutcome {
  id: string;
  liftedFrom: string;
  /** Office days given back to the quarantined team, and by whom. */
  handedBack: { date: string; slot: number; fromTeamId: string | null; toTeamId: string }[];
  /** Days that stay with their covering team, and why. */
  kept: { date: string; slot: number; why: string }[];
  /** Once-uncovered slots (of any quarantine) that a team can take now. */
  covered: { date: string; slot: number; toTeamId: string }[];
  /** What the lift does to remote capacity from its date to the quarantine's end (the team back in the office, its covers back home). */
  capacityEffect: CapacityEffect;
  quarantine: ReturnType<typeof quarantineView>;
}

/** Ends a quarantine early: from `date` on, its days go back to the original team where every invariant allows. */
export async function liftQuarantine(
  deps: Deps,
  actor: Actor,
  id: string,
  date: string,
): Promise<Result<LiftOutcome, Failure>> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const badDate = notDates({ '/date': date });
  if (badDate.length) return err(invalid('A lift needs a date.', badDate));
  const q = await findQuarantine(deps.db, id);
  if (!q) return err(notFound(`No quarantine ${id}.`));
  const department = (await findDepartment(deps.db, q.department_id))!;
  const today = dateInZone(deps.now(), department.timezone);
  if (q.lifted_at)
    return err(conflict(`This quarantine was already lifted from ${q.lifted_from}.`));
  if (date < today)
    return err(
      invalid('A lift cannot start in the past.', [
        { path: '/date', message: `is before today (${today}); past days are history` },
      ]),
    );
  if (date > q.end_date)
    return err(
      invalid('Nothing to lift.', [
        { path: '/date', message: `is after the quarantine's end (${q.end_date})` },
      ]),
    );

  const at = deps.now().toISOString();
  const writes: CompiledQuery[] = [liftQuarantineQuery(deps.db, id, date, actor.tokenId, at)];
  let handedBack: LiftOutcome['handedBack'] = [];
  let kept: LiftOutcome['kept'] = [];
  let covered: LiftOutcome['covered'] = [];
  const shiftsAfter = new Map<string, ShiftRecord[]>();
  if (q.subject === 'team' && q.rotation_id) {
    const rotation = (await findRotation(deps.db, q.rotation_id))!;
    const pattern = JSON.parse(rotation.pattern) as { handoverMinutes?: number };
    const policy = await loadPolicy(deps);
    const quarantines = await listQuarantines(deps.db, q.department_id);
    const outages = teamOutages(quarantines, q.rotation_id);
    const outage = outages.find((o) => o.quarantineId === id) ?? {
      quarantineId: id,
      teamId: q.team_id!,
      from: q.effective_from,
      to: q.end_date,
    };
    const allSwaps = (await rotationSwapsOf(deps.db, q.rotation_id)).filter(
      (s) => s.handed_back_at === null,
    );
    // This quarantine's swaps, and those an earlier lift of the same team had to keep because this
    // one still kept the team out: with both lifted, they go back too (whatever the order of lifts).
    const liftedBefore = new Set(
      quarantines
        .filter(
          (o) =>
            o.id !== id &&
            o.lifted_at &&
            o.team_id === q.team_id &&
            o.rotation_id === q.rotation_id,
        )
        .map((o) => o.id),
    );
    const swaps = allSwaps.filter(
      (s) => s.quarantine_id === id || liftedBefore.has(s.quarantine_id),
    );
    const ctx = {
      teams: (await teamsOf(deps.db, q.rotation_id)).map(teamRef),
      shifts: (await shiftsOf(deps.db, q.rotation_id)).map(shiftOf),
      outages,
      returnSeparationDays: policy.returnSeparationDays,
      handoverMinutes: pattern.handoverMinutes ?? 0,
      today,
    };
    // A slot may have moved on since this swap (its cover swapped again by a later quarantine):
    // follow the chain of covers to whoever holds the slot now.
    const coverOf = new Map(allSwaps.map((s) => [s.cancelled_shift_id, s]));
    const chains = new Map(
      swaps.map((s) => {
        const chain = [s];
        let holder = s.covering_shift_id;
        while (holder && coverOf.has(holder)) {
          const next = coverOf.get(holder)!;
          chain.push(next);
          holder = next.covering_shift_id;
        }
        const occupant = ctx.shifts.find(
          (x) => x.date === s.date && x.slot === s.slot && x.status === 'scheduled',
        );
        return [
          s.id,
          { chain, occupant: occupant?.id ?? null, stillOurs: holder === (occupant?.id ?? null) },
        ];
      }),
    );
    const plan = planLift(
      ctx,
      outage,
      date,
      swaps.map((s) => ({
        date: s.date,
        slot: s.slot,
        cancelledShiftId: s.cancelled_shift_id,
        coveringShiftId: chains.get(s.id)!.occupant,
        stillOurs: chains.get(s.id)!.stillOurs,
      })),
    );
    for (const hb of plan.handBack) {
      if (hb.cancelShiftId)
        writes.push(cancelShiftQuery(deps.db, hb.cancelShiftId, 'handed back', at));
      writes.push(restoreShiftQuery(deps.db, hb.restoreShiftId, at));
    }
    const back = new Set(plan.handBack.map((h) => h.restoreShiftId));
    // The whole chain of covers ends with the hand back: none of them may be handed back again later.
    const ended = swaps
      .filter((s) => back.has(s.cancelled_shift_id))
      .flatMap((s) => chains.get(s.id)!.chain.map((c) => c.id));
    writes.push(...handBackSwapsQueries(deps.db, ended, at));
    const holderTeam = (shiftId: string | null) =>
      ctx.shifts.find((x) => x.id === shiftId)?.teamId ?? null;
    handedBack = plan.handBack.map((h) => ({
      date: h.date,
      slot: h.slot,
      fromTeamId: holderTeam(h.cancelShiftId),
      toTeamId: h.teamId,
    }));
    kept = plan.kept;

    // With the team back, slots of other quarantines that no team could take may now be covered.
    const afterLift = {
      ...ctx,
      outages: outages.map((o) => (o.quarantineId === id ? { ...o, to: addDays(date, -1) } : o)),
      shifts: ctx.shifts.map((s) =>
        plan.handBack.some((h) => h.restoreShiftId === s.id)
          ? { ...s, status: 'scheduled' as const }
          : plan.handBack.some((h) => h.cancelShiftId === s.id)
            ? { ...s, status: 'cancelled' as const }
            : s,
      ),
    };
    const endedIds = new Set(ended);
    const open = (await openSwapsOf(deps.db, q.rotation_id)).filter((s) => !endedIds.has(s.id));
    const fills = planFill(
      afterLift,
      open.map((s) => ({
        swapId: s.id,
        date: s.date,
        slot: s.slot,
        fromTeamId: s.from_team_id,
        cancelledShiftId: s.cancelled_shift_id,
      })),
    );
    const rows = fills.map((f) => ({
      id: deps.newId(),
      rotation_id: q.rotation_id!,
      team_id: f.shift.teamId,
      date: f.shift.date,
      slot: f.shift.slot,
      start_time: f.shift.start,
      end_time: f.shift.end,
      status: 'scheduled',
      sequence: 0,
      reason: 'cover',
      created_at: at,
      updated_at: at,
    }));
    writes.push(
      ...insertShiftsQueries(deps.db, rows),
      ...fills.map((f, i) => coverSwapQuery(deps.db, f.swapId, f.shift.teamId, rows[i]!.id)),
    );
    covered = fills.map((f) => ({
      date: f.shift.date,
      slot: f.shift.slot,
      toTeamId: f.shift.teamId,
    }));
    // Whoever moves on from a team that got office days back waits the exposure window after them.
    const gained = [
      ...plan.handBack.map((b) => ({ teamId: b.teamId, date: b.date })),
      ...fills.map((f) => ({ teamId: f.shift.teamId, date: f.shift.date })),
    ];
    writes.push(...(await bridgingKept(deps, q.rotation_id, gained, policy.exposureWindowDays)));
    shiftsAfter.set(q.rotation_id, [
      ...afterLift.shifts,
      ...fills.map((f, i) => ({
        ...f.shift,
        id: rows[i]!.id,
        status: 'scheduled' as const,
        sequence: 0,
      })),
    ]);
  }
  const liftedRow = { ...q, lifted_at: at, lifted_from: date, lifted_by: actor.tokenId };

  const capacity = await capacityEffect(
    deps,
    q.department_id,
    { from: date, to: q.end_date },
    { shifts: shiftsAfter, windows: await windowsOf(deps.db, [liftedRow]) },
  );
  const moved = handedBack.map((h) => ({
    date: h.date,
    fromTeamId: h.fromTeamId ?? '',
    toTeamId: h.toTeamId,
  }));
  writes.push(
    ...(await quarantineNotices(
      deps,
      department,
      liftedRow,
      'lifted',
      moved,
      at,
      capacity.capacitySet ? { newShortageDates: capacity.newShortageDates } : undefined,
    )),
  );
  writes.push(
    bumpDataVersionQuery(deps.db, q.department_id, department.data_version),
    auditEntry(
      deps,
      actor,
      at,
      'quarantine.lift',
      { type: 'quarantine', id },
      {
        liftedFrom: date,
        handedBack: handedBack.map((h) => h.date),
        kept: kept.map((k) => k.date),
      },
    ),
  );
  try {
    await deps.atomic(writes);
  } catch (e) {
    if (isDataVersionConflict(e)) return err(planChanged());
    throw e;
  }
  return ok({
    id,
    liftedFrom: date,
    handedBack,
    kept,
    covered,
    capacityEffect: capacity,
    quarantine: quarantineView((await findQuarantine(deps.db, id))!, today),
  });
}
