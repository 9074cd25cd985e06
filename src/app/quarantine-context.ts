import { type TeamOutage, effectiveEnd, type StandbyWindow } from '../domain/quarantine/index.ts';
import { listQuarantines } from '../db/repos/quarantines.ts';
import { membershipsOfTeams } from '../db/repos/rotations.ts';
import type { QuarantineRow } from '../db/schema.ts';
import { maxDate } from '../domain/calendar/index.ts';
import type { Deps } from './deps.ts';

/** The days a quarantine keeps its subject home, as the schedule, feeds and swaps see them. */
export const windowOf = (q: QuarantineRow): StandbyWindow => ({
  quarantineId: q.id,
  teamId: q.team_id,
  memberId: q.member_id,
  from: q.effective_from,
  to: effectiveEnd(q),
});

/**
 * The standby windows of quarantines: each one's own, and for a team, one per person who was in the
 * team during its window — they stay home whatever team or rotation they are in meanwhile (a move
 * out of the team, or the next rotation, does not end their quarantine).
 */
export async function windowsOf(
  deps: Deps,
  rows: readonly QuarantineRow[],
): Promise<StandbyWindow[]> {
  const own = rows.map(windowOf).filter((w) => w.from <= w.to);
  const teams = rows.filter((q) => q.subject === 'team' && q.team_id);
  if (!teams.length) return own;
  const memberships = await membershipsOfTeams(
    deps.db,
    teams.map((q) => q.team_id!),
  );
  const people = teams.flatMap((q) => {
    const w = windowOf(q);
    if (w.from > w.to) return [];
    const who = new Set(
      memberships
        .filter(
          (m) =>
            m.team_id === q.team_id &&
            m.from_date <= w.to &&
            (m.to_date === null || m.to_date >= q.start_date),
        )
        .map((m) => m.member_id),
    );
    return [...who].sort().map((memberId): StandbyWindow => ({
      quarantineId: q.id,
      teamId: null,
      memberId,
      from: w.from,
      to: w.to,
    }));
  });
  return [...own, ...people];
}

/** Every standby window of a department over [from, to] (or ever: history shows them). */
export async function standbyWindows(
  deps: Deps,
  departmentId: string,
  range?: { from: string; to: string },
): Promise<StandbyWindow[]> {
  return windowsOf(deps, await listQuarantines(deps.db, departmentId, range));
}

/** The team outages in force in a rotation, for the swap rule. */
export function teamOutages(rows: QuarantineRow[], rotationId: string): TeamOutage[] {
  return rows
    .filter((q) => q.subject === 'team' && q.rotation_id === rotationId)
    .map((q) => ({
      quarantineId: q.id,
      teamId: q.team_id!,
      from: q.effective_from,
      to: effectiveEnd(q),
    }))
    .filter((o) => o.from <= o.to);
}

/** A new quarantine row as marked by `markedBy` at `at`: in force from its start, or from today when entered late. */
export function newQuarantineRow(
  fields: Pick<
    QuarantineRow,
    | 'id'
    | 'department_id'
    | 'subject'
    | 'team_id'
    | 'member_id'
    | 'rotation_id'
    | 'start_date'
    | 'end_date'
    | 'reason'
    | 'positive_member_id'
    | 'onset_date'
    | 'request_id'
  >,
  today: string,
  markedBy: string,
  at: string,
): QuarantineRow {
  return {
    ...fields,
    effective_from: maxDate(fields.start_date, today),
    marked_by: markedBy,
    marked_at: at,
    lifted_at: null,
    lifted_from: null,
    lifted_by: null,
    capacity_effect: null,
  };
}
