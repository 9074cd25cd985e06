import { groupBy } from '../collections.ts';
import type { Membership } from '../rotation/index.ts';
import type { IsoDate } from '../types.ts';

/** A team to quarantine for a window: the team of a quarantine, or one that follows from it. */
export interface TeamTarget {
  teamId: string;
  rotationId: string;
  start: IsoDate;
  end: IsoDate;
}

/** A published rotation, as far as following a quarantine into it goes. */
export interface FollowedRotation {
  id: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

type Place = Pick<Membership, 'memberId' | 'teamId' | 'fromDate' | 'toDate'>;

const overlaps = (m: Place, from: IsoDate, to: IsoDate) =>
  m.fromDate <= to && (m.toDate === null || m.toDate >= from);

/** The people who were in `teamId` at some point of [from, to]. */
export function peopleOf(
  memberships: readonly Place[],
  teamId: string,
  from: IsoDate,
  to: IsoDate,
): Set<string> {
  return new Set(
    memberships.filter((m) => m.teamId === teamId && overlaps(m, from, to)).map((m) => m.memberId),
  );
}

/**
 * The teams of `rotation` whose members over [start, end] are all among `people`: their office days
 * would be empty, so they are out with them.
 */
export function teamsOnlyOf(
  people: ReadonlySet<string>,
  rotation: FollowedRotation,
  memberships: readonly Place[],
  start: IsoDate,
  end: IsoDate,
): TeamTarget[] {
  const from = start > rotation.startDate ? start : rotation.startDate;
  const to = end < rotation.endDate ? end : rotation.endDate;
  if (from > to) return [];
  const byTeam = groupBy(
    memberships.filter((m) => overlaps(m, from, to)),
    (m) => m.teamId,
  );
  return [...byTeam]
    .filter(([, members]) => members.every((m) => people.has(m.memberId)))
    .map(([teamId]) => ({ teamId, rotationId: rotation.id, start: from, end: to }))
    .sort((a, b) => (a.teamId < b.teamId ? -1 : 1));
}

/**
 * Team quarantines whose windows run into other published rotations: each of those rotations'
 * teams made up only of a quarantined team's people is out too, so it is quarantined for the
 * overlap (once, and never when it is a target already).
 */
export function followingTeams(
  targets: readonly TeamTarget[],
  rotations: readonly FollowedRotation[],
  memberships: ReadonlyMap<string, readonly Place[]>,
): TeamTarget[] {
  const out: TeamTarget[] = [];
  for (const t of targets) {
    const others = rotations.filter(
      (r) => r.id !== t.rotationId && r.startDate <= t.end && r.endDate >= t.start,
    );
    if (!others.length) continue;
    const people = peopleOf(memberships.get(t.rotationId) ?? [], t.teamId, t.start, t.end);
    for (const r of others) {
      for (const f of teamsOnlyOf(people, r, memberships.get(r.id) ?? [], t.start, t.end)) {
        if (!out.some((o) => o.teamId === f.teamId) && !targets.some((o) => o.teamId === f.teamId))
          out.push(f);
      }
    }
  }
  return out;
}
