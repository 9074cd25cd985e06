import type { CompiledQuery } from 'kysely';
import { insertQuarantineQuery, quarantinesIn } from '../../db/repos/quarantines.ts';
import { publishedRotations, rotationMemberships } from '../../db/repos/rotations.ts';
import { teamMemberships } from '../../db/repos/memberships.ts';
import { maxDate, minDate } from '../../domain/calendar/index.ts';
import {
  effectiveEnd,
  followingTeams as teamsFollowing,
  newQuarantine,
  peopleOf,
  planQuarantineMark,
  teamsOnlyOf,
  type QuarantineRecord,
  type TeamTarget,
} from '../../domain/quarantine/index.ts';
import type { MembershipRecord, Rotation } from '../../domain/rotation/index.ts';
import type { Department } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { loadPolicy } from '../settings/index.ts';
import { loadNoticeDirectory, quarantineNotices } from './notices.ts';
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
): Promise<{ teams: TeamTarget[]; memberships: Map<string, MembershipRecord[]> }> {
  if (!targets.length) return { teams: [], memberships: new Map() };
  const from = targets.map((t) => t.start).reduce(minDate);
  const to = targets.map((t) => t.end).reduce(maxDate);
  const rotations = (await publishedRotations(deps.db, departmentId, from, to)).map((r) => ({
    id: r.id,
    startDate: r.startDate,
    endDate: r.endDate,
  }));
  const ids = [...new Set([...targets.map((t) => t.rotationId), ...rotations.map((r) => r.id)])];
  const read = await Promise.all(ids.map((id) => rotationMemberships(deps.db, id)));
  const memberships = new Map(ids.map((id, i) => [id, read[i]!]));
  // The memberships go on with the teams: the swap rule reads the same rotations' again otherwise.
  return { teams: teamsFollowing(targets, rotations, memberships), memberships };
}

/**
 * The same when a rotation is published while team quarantines of another rotation run into its
 * dates: its teams made only of their people are quarantined with them (quarantines, swaps, notices), in
 * the publish's own atomic write.
 */
export async function quarantinesIntoRotation(
  deps: Deps,
  actor: Actor,
  department: Department,
  rotation: Pick<Rotation, 'id' | 'startDate' | 'endDate'>,
  today: string,
  at: string,
): Promise<CompiledQuery[]> {
  // Only quarantines in force over the rotation's days from today on can reach into it.
  const existing = await quarantinesIn(deps.db, department.id, {
    from: maxDate(rotation.startDate, today),
    to: rotation.endDate,
  });
  const running = existing
    .map((q) => ({ q, end: effectiveEnd(q) }))
    .filter(
      ({ q, end }) =>
        q.subject === 'team' &&
        q.rotationId !== rotation.id &&
        end >= maxDate(rotation.startDate, today),
    );
  if (!running.length) return [];
  const [theirs, ours] = await Promise.all([
    teamMemberships(
      deps.db,
      running.map(({ q }) => q.teamId!),
    ),
    rotationMemberships(deps.db, rotation.id),
  ]);
  const followed = { id: rotation.id, startDate: rotation.startDate, endDate: rotation.endDate };
  const fresh: QuarantineRecord[] = [];
  for (const { q, end } of running) {
    const people = peopleOf(theirs, q.teamId!, q.startDate, end);
    for (const t of teamsOnlyOf(people, followed, ours, q.startDate, end)) {
      if (fresh.some((f) => f.teamId === t.teamId)) continue;
      const id = deps.newId();
      fresh.push(
        newQuarantine(
          {
            id,
            departmentId: q.departmentId,
            subject: q.subject,
            teamId: t.teamId,
            memberId: q.memberId,
            rotationId: rotation.id,
            startDate: t.start,
            endDate: t.end,
            reason: q.reason,
            positiveMemberId: q.positiveMemberId,
            onsetDate: q.onsetDate,
            requestId: id,
          },
          today,
          actor.tokenId,
          at,
        ),
      );
    }
  }
  if (!fresh.length) return [];
  const [policy, states] = await Promise.all([
    loadPolicy(deps),
    loadRotationStates(deps, [rotation.id]),
  ]);
  const directory = await loadNoticeDirectory(deps, department, states);
  const state = states.get(rotation.id)!;
  const planned = planQuarantineMark({
    today,
    existing,
    fresh,
    rotations: states,
    returnSeparationDays: policy.returnSeparationDays,
  }).get(rotation.id)!;
  const made = swapWrites(deps, state, planned.plans, at, policy.exposureWindowDays);
  const notices = fresh.flatMap((q) =>
    quarantineNotices(
      deps,
      department,
      q,
      'marked',
      made.swaps.filter((s) => s.quarantineId === q.id),
      at,
      directory,
    ),
  );
  return [
    ...fresh.map((q) => insertQuarantineQuery(deps.db, q)),
    ...made.writes,
    ...notices,
    ...fresh.map((q) =>
      auditEntry(
        deps,
        actor,
        at,
        'quarantine.follow',
        { type: 'quarantine', id: q.id },
        {
          rotationId: rotation.id,
          teamId: q.teamId,
          startDate: q.startDate,
          endDate: q.endDate,
          follows: 'a team quarantine running into the published rotation',
        },
      ),
    ),
  ];
}
