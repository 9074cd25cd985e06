import type { CompiledQuery } from 'kysely';
import { maxDate, minDate } from '../../domain/calendar/index.ts';
import { effectiveEnd } from '../../domain/quarantine/index.ts';
import { insertQuarantineQuery, listQuarantines } from '../../db/repos/quarantines.ts';
import {
  membershipsOf,
  membershipsOfTeams,
  publishedRotationsIn,
} from '../../db/repos/rotations.ts';
import type { DepartmentRow, QuarantineRow, RotationRow } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { noticeDirectories, quarantineNotices } from './notify.ts';
import { loadPolicy } from '../settings/index.ts';
import { newQuarantineRow } from './context.ts';
import { swapWrites } from './swaps.ts';

/** A team to quarantine for a window: the team of a quarantine, or one that follows from it. */
export interface TeamTarget {
  teamId: string;
  rotationId: string;
  start: string;
  end: string;
}

/** The people who were in `teamId` at some point of [from, to]. */
async function peopleOf(
  deps: Deps,
  teamId: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  return new Set(
    (await membershipsOfTeams(deps.db, [teamId]))
      .filter((m) => m.from_date <= to && (m.to_date === null || m.to_date >= from))
      .map((m) => m.member_id),
  );
}

/** The teams of `rotation` whose members over [start, end] are all among `people` (their office days would be empty). */
async function teamsOnlyOf(
  deps: Deps,
  people: ReadonlySet<string>,
  rotation: Pick<RotationRow, 'id' | 'start_date' | 'end_date'>,
  start: string,
  end: string,
): Promise<TeamTarget[]> {
  const from = maxDate(start, rotation.start_date);
  const to = minDate(end, rotation.end_date);
  if (from > to) return [];
  const byTeam = new Map<string, string[]>();
  for (const m of await membershipsOf(deps.db, rotation.id)) {
    if (m.from_date > to || (m.to_date !== null && m.to_date < from)) continue;
    byTeam.set(m.team_id, [...(byTeam.get(m.team_id) ?? []), m.member_id]);
  }
  return [...byTeam]
    .filter(([, members]) => members.every((id) => people.has(id)))
    .map(([teamId]) => ({ teamId, rotationId: rotation.id, start: from, end: to }))
    .sort((a, b) => (a.teamId < b.teamId ? -1 : 1));
}

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
  const out: TeamTarget[] = [];
  for (const t of targets) {
    const others = await publishedRotationsIn(deps.db, departmentId, t.start, t.end, t.rotationId);
    if (!others.length) continue;
    const people = await peopleOf(deps, t.teamId, t.start, t.end);
    for (const r of others) {
      for (const f of await teamsOnlyOf(deps, people, r, t.start, t.end)) {
        if (!out.some((o) => o.teamId === f.teamId) && !targets.some((o) => o.teamId === f.teamId))
          out.push(f);
      }
    }
  }
  return out;
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
  const running = existing.filter(
    (q) =>
      q.subject === 'team' &&
      q.rotation_id !== rotation.id &&
      effectiveEnd(q) >= maxDate(rotation.start_date, today),
  );
  const rows: QuarantineRow[] = [];
  for (const q of running) {
    const end = effectiveEnd(q);
    for (const t of await teamsOnlyOf(
      deps,
      await peopleOf(deps, q.team_id!, q.start_date, end),
      rotation,
      q.start_date,
      end,
    )) {
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
  const made = await swapWrites(
    deps,
    rotation.id,
    existing,
    rows,
    today,
    at,
    await loadPolicy(deps),
  );
  const directories = noticeDirectories(deps, department);
  const notices: CompiledQuery[] = [];
  for (const r of rows) {
    const moved = made.swaps
      .filter((s) => s.quarantine_id === r.id)
      .map((s) => ({ date: s.date, fromTeamId: s.from_team_id, toTeamId: s.to_team_id }));
    notices.push(
      ...(await quarantineNotices(
        deps,
        department,
        r,
        'marked',
        moved,
        at,
        undefined,
        directories,
      )),
    );
  }
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
