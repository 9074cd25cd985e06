import {
  shiftOf,
  teamRef,
  findRotation,
  insertShiftsQueries,
  shiftsOf,
  teamsOf,
} from '../../db/repos/rotations.ts';
import type { CompiledQuery } from 'kysely';
import type { Policy } from '../../domain/policy.ts';
import { planQuarantineSwaps, type TeamOutage } from '../../domain/quarantine/index.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import { cancelShiftQuery, insertSwapsQueries } from '../../db/repos/quarantines.ts';
import type { QuarantineRow, ShiftRow, SwapRow } from '../../db/schema.ts';
import { bridgingKept } from './bridging-kept.ts';
import type { Deps } from '../deps.ts';
import { teamOutages } from './context.ts';

/** The shift cancellations, covering shifts and swap rows of new team quarantines in one rotation. */
export async function swapWrites(
  deps: Deps,
  rotationId: string,
  existing: QuarantineRow[],
  fresh: QuarantineRow[],
  today: string,
  at: string,
  policy: Pick<Policy, 'returnSeparationDays' | 'exposureWindowDays'>,
): Promise<{ writes: CompiledQuery[]; swaps: SwapRow[]; shifts: ShiftRecord[] }> {
  const { returnSeparationDays } = policy;
  const rotation = (await findRotation(deps.db, rotationId))!;
  const pattern = JSON.parse(rotation.pattern) as { handoverMinutes?: number };
  const teams = (await teamsOf(deps.db, rotationId)).map(teamRef);
  let shifts: ShiftRecord[] = (await shiftsOf(deps.db, rotationId)).map(shiftOf);
  const outages: TeamOutage[] = teamOutages([...existing, ...fresh], rotationId);
  const writes: CompiledQuery[] = [];
  const newShifts: ShiftRow[] = [];
  const swaps: SwapRow[] = [];
  for (const q of fresh) {
    const outage = outages.find((o) => o.quarantineId === q.id);
    if (!outage) continue; // a window wholly in the past changes nothing
    const plan = planQuarantineSwaps(
      {
        teams,
        shifts,
        outages,
        returnSeparationDays,
        handoverMinutes: pattern.handoverMinutes ?? 0,
        today,
      },
      outage,
    );
    const added = plan.add.map((a) => ({ ...a, id: deps.newId() }));
    for (const id of plan.cancel) writes.push(cancelShiftQuery(deps.db, id, 'standby', at));
    for (const a of added) {
      newShifts.push({
        id: a.id,
        rotation_id: rotationId,
        team_id: a.teamId,
        date: a.date,
        slot: a.slot,
        start_time: a.start,
        end_time: a.end,
        status: 'scheduled',
        sequence: 0,
        reason: 'cover',
        created_at: at,
        updated_at: at,
      });
    }
    for (const s of plan.swaps) {
      const covering = added.find((a) => a.replacesShiftId === s.cancelledShiftId);
      swaps.push({
        id: deps.newId(),
        quarantine_id: q.id,
        rotation_id: rotationId,
        date: s.date,
        slot: s.slot,
        from_team_id: s.fromTeamId,
        to_team_id: s.toTeamId,
        cancelled_shift_id: s.cancelledShiftId,
        covering_shift_id: covering?.id ?? null,
        created_at: at,
        handed_back_at: null,
      });
    }
    // The next quarantine of this request plans on top of this one.
    const cancelled = new Set(plan.cancel);
    shifts = [
      ...shifts.map((s) => (cancelled.has(s.id) ? { ...s, status: 'cancelled' as const } : s)),
      ...added.map((a) => ({
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
  // Whoever moves on from a covering team waits the exposure window after its new office days.
  const bridging = await bridgingKept(
    deps,
    rotationId,
    newShifts.map((s) => ({ teamId: s.team_id, date: s.date })),
    policy.exposureWindowDays,
  );
  return {
    writes: [
      ...writes,
      ...insertShiftsQueries(deps.db, newShifts),
      ...insertSwapsQueries(deps.db, swaps),
      ...bridging,
    ],
    swaps,
    shifts,
  };
}
