import type { CompiledQuery } from 'kysely';
import { coversDate, type Membership, type TeamRef } from '../../domain/rotation/index.ts';
import { activeMemberContacts, type MemberContact } from '../../db/repos/members.ts';
import { groupBy, inReadingOrder } from '../../domain/collections.ts';
import type { Quarantine } from '../../domain/quarantine/index.ts';
import type { Department } from '../../domain/types.ts';
import type { Person, QuarantineNotice } from '../../notify/quarantine-notice.ts';
import type { Deps } from '../deps.ts';
import { quarantineNoticeQueries } from '../outbox/index.ts';

/** One moved slot, as the notice needs it. */
export interface MovedDay {
  date: string;
  fromTeamId: string;
  toTeamId: string | null;
}

const person = (m: MemberContact): Person => ({ id: m.id, name: m.name, email: m.email });

/** A rotation's teams and memberships, as read for the quarantine at hand. */
export interface NoticeRotation {
  teams: readonly TeamRef[];
  memberships: readonly Membership[];
}

/**
 * The people notices are about: the department's active members (read here, once) and the teams
 * and memberships of the rotations already read.
 */
export async function loadNoticeDirectory(
  deps: Deps,
  department: Department,
  rotations: ReadonlyMap<string, NoticeRotation>,
): Promise<NoticeDirectory> {
  const members = await activeMemberContacts(deps.db, department.id);
  // Looked up by id; only the chiefs are listed, in reading order.
  const chiefs = inReadingOrder(members.filter((m) => m.position === 'chief')).map(person);
  return (rotationId) =>
    directory(members, chiefs, rotationId ? rotations.get(rotationId) : undefined);
}
/** The directory of one rotation's people (null: the department's, for a member quarantine). */
export type NoticeDirectory = (rotationId: string | null) => Directory;
type Directory = ReturnType<typeof directory>;

/** By id, the chiefs, and each team's members on a date. */
function directory(
  members: readonly MemberContact[],
  chiefs: Person[],
  rotation: NoticeRotation | undefined,
) {
  const teams = rotation?.teams ?? [];
  const memberships = rotation?.memberships ?? [];
  const byId = new Map(members.map((m) => [m.id, m]));
  return {
    chiefs,
    member: (id: string) => (byId.has(id) ? [person(byId.get(id)!)] : []),
    label: (teamId: string | null) => teams.find((t) => t.id === teamId)?.label ?? '?',
    /** Members of a team on any of the dates (a move within the window still reaches them). */
    teamMembers: (teamId: string, dates: string[]) =>
      [
        ...new Set(
          memberships
            .filter((m) => m.teamId === teamId && dates.some((d) => coversDate(m, d)))
            .map((m) => m.memberId),
        ),
      ].flatMap((id) => (byId.has(id) ? [person(byId.get(id)!)] : [])),
  };
}

/**
 * The outbox rows telling everyone affected by a marked (or lifted) quarantine: the people who stay
 * home (dates only, never why), the covering teams (their new office days), the chiefs (a summary
 * with the swaps and uncovered days, and — when `capacity` is given — the dates remote capacity
 * runs short because of it). Written in the same atomic batch as the quarantine itself.
 */
export function quarantineNotices(
  deps: Deps,
  department: Department,
  q: Quarantine,
  kind: 'marked' | 'lifted',
  moved: MovedDay[],
  at: string,
  directories: NoticeDirectory,
  capacity?: QuarantineNotice['capacity'],
): CompiledQuery[] {
  const dir = directories(q.rotationId);
  const window = [q.effectiveFrom, q.endDate];
  // A mark tells the teams taking the days, a lift the teams giving them back.
  const teamOf = (m: MovedDay) => (kind === 'marked' ? m.toTeamId : m.fromTeamId);
  const byTeam = groupBy(
    moved.filter((m) => teamOf(m)),
    (m) => teamOf(m)!,
  );
  const standbyPeople =
    q.subject === 'team' ? dir.teamMembers(q.teamId!, window) : dir.member(q.memberId!);
  const notice: QuarantineNotice = {
    kind,
    department: {
      id: department.id,
      name: department.name,
      language: department.language,
    },
    quarantine: {
      id: q.id,
      subject: q.subject,
      ...(q.subject === 'team'
        ? { teamLabel: dir.label(q.teamId) }
        : { memberName: standbyPeople[0]?.name ?? '' }),
      startDate: q.effectiveFrom,
      endDate: q.endDate,
      ...(kind === 'lifted' && q.liftedFrom ? { liftedFrom: q.liftedFrom } : {}),
    },
    standby: { people: standbyPeople, dates: kind === 'marked' ? moved.map((m) => m.date) : [] },
    covering: [...byTeam].map(([teamId, days]) => {
      const dates = days.map((m) => m.date);
      return { teamLabel: dir.label(teamId), members: dir.teamMembers(teamId, dates), dates };
    }),
    ...(kind === 'lifted' && q.subject === 'team'
      ? {
          returned: {
            teamLabel: dir.label(q.teamId),
            members: standbyPeople,
            dates: moved.map((m) => m.date),
          },
        }
      : {}),
    chiefs: dir.chiefs,
    swaps: moved.map((m) => ({
      date: m.date,
      fromTeamLabel: dir.label(m.fromTeamId),
      toTeamLabel: m.toTeamId ? dir.label(m.toTeamId) : null,
    })),
    uncovered: [...new Set(moved.filter((m) => m.toTeamId === null).map((m) => m.date))].sort(),
    ...(capacity ? { capacity } : {}),
  };
  return quarantineNoticeQueries(deps, department, notice, at);
}
