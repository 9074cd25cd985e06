import type { CompiledQuery } from 'kysely';
import {
  insertQuarantineQuery,
  listQuarantines,
  quarantineOf,
} from '../../db/repos/quarantines.ts';
import {
  membershipOf,
  membershipsOf,
  membershipsOfTeams,
  publishedRotationsIn,
} from '../../db/repos/rotations.ts';
import type { DepartmentRow, QuarantineRow, RotationRow } from '../../db/schema.ts';
import { maxDate, minDate } from '../../domain/calendar/index.ts';
import {
  effectiveEnd,
  followingTeams as teamsFollowing,
  peopleOf,
  planQuarantineMark,
  teamsOnlyOf,
  type TeamTarget,
} from '../../domain/quarantine/index.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { loadPolicy } from '../settings/index.ts';
import { newQuarantineRow } from './context.ts';
import { loadNoticeDirectory, quarantineNotices } from './notify.ts';
import { loadRotationStates } from './rotation-state.ts';
import { swapWrites } from './swaps.ts';

export type { TeamTarget };

/**
 * A team quarantine whose window runs into another published rotation: each of that rotation's
 * teams made up only of the quarantined team's people is out too (its office days would be empty),
 * so it is quarantined for the overlap and its days are swapped like any other.
 */
export async function followingTeams(
  deps: Deps,
  departmentId: string,
  targets: readonly TeamTarget[],
): Promise<TeamTarget[]> {
  if (!targets.length) return [];
  const from = targets.map((t) => t.start).reduce(minDate);
  const to = targets.map((t) => t.end).reduce(maxDate);
  const rotations = (await publishedRotationsIn(deps.db, departmentId, from, to)).map((r) => ({
    id: r.id,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
  const ids = [...new Set([...targets.map((t) => t.rotationId), ...rotations.map((r) => r.id)])];
  const memberships = await Promise.all(ids.map((id) => membershipsOf(deps.db, id)));
  return teamsFollowing(
    targets,
    rotations,
    new Map(ids.map((id, i) => [id, memberships[i]!.map(membershipOf)])),
  );
}

/**
 * The same when a rotation is published while team quarantines of another rotation run into its
 * dates: its teams made only of their people are quarantined with them (rows, swaps, notices), in
 * the publish's own atomic write.
 */
export async function quarantinesIntoRotation(
  deps: Deps,
  actor: Actor,
  department: DepartmentRow,
  rotation: Pick<RotationRow, 'id' | 'start_date' | 'end_date'>,
  today: string,
  at: string,
): Promise<CompiledQuery[]> {
  // Only quarantines in force over the rotation's days from today on can reach into it.
  const existing = await listQuarantines(deps.db, department.id, {
    from: maxDate(rotation.start_date, today),
    to: rotation.end_date,
  });
  const running = existing
    .map((row) => ({ row, end: effectiveEnd(quarantineOf(row)) }))
    .filter(
      ({ row, end }) =>
        row.subject === 'team' &&
        row.rotation_id !== rotation.id &&
        end >= maxDate(rotation.start_date, today),
    );
  if (!running.length) return [];
  const [theirs, ours] = await Promise.all([
    membershipsOfTeams(
      deps.db,
      running.map(({ row }) => row.team_id!),
    ),
    membershipsOf(deps.db, rotation.id),
  ]);
  const followed = { id: rotation.id, startDate: rotation.start_date, endDate: rotation.end_date };
  const rows: QuarantineRow[] = [];
  for (const { row: q, end } of running) {
    const people = peopleOf(theirs.map(membershipOf), q.team_id!, q.start_date, end);
    for (const t of teamsOnlyOf(people, followed, ours.map(membershipOf), q.start_date, end)) {
      if (rows.some((r) => r.team_id === t.teamId)) continue;
      const id = deps.newId();
      rows.push(
        newQuarantineRow(
          {
            ...q,
            id,
            team_id: t.teamId,
            rotation_id: rotation.id,
            start_date: t.start,
            end_date: t.end,
            request_id: id,
          },
          today,
          actor.tokenId,
          at,
        ),
      );
    }
  }
  if (!rows.length) return [];
  const [policy, states] = await Promise.all([
    loadPolicy(deps),
    loadRotationStates(deps, [rotation.id]),
  ]);
  const directory = await loadNoticeDirectory(deps, department, states);
  const state = states.get(rotation.id)!;
  const fresh = rows.map(quarantineOf);
  const planned = planQuarantineMark({
    today,
    existing: existing.map(quarantineOf),
    fresh,
    rotations: states,
    returnSeparationDays: policy.returnSeparationDays,
  }).get(rotation.id)!;
  const made = swapWrites(deps, state, planned.plans, at, policy.exposureWindowDays);
  const notices = fresh.flatMap((r) =>
    quarantineNotices(
      deps,
      department,
      r,
      'marked',
      made.swaps
        .filter((s) => s.quarantine_id === r.id)
        .map((s) => ({ date: s.date, fromTeamId: s.from_team_id, toTeamId: s.to_team_id })),
      at,
      directory,
    ),
  );
  return [
    ...rows.map((r) => insertQuarantineQuery(deps.db, r)),
    ...made.writes,
    ...notices,
    ...rows.map((r) =>
      auditEntry(
        deps,
        actor,
        at,
        'quarantine.follow',
        { type: 'quarantine', id: r.id },
        {
          rotationId: rotation.id,
          teamId: r.team_id,
          startDate: r.start_date,
          endDate: r.end_date,
          follows: 'a team quarantine running into the published rotation',
        },
      ),
    ),
  ];
}
