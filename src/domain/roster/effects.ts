import { addDays } from '../calendar/index.ts';
import {
  checkSplitConstraints,
  coversDate,
  type MembershipRecord,
  type Rotation,
  type TeamRef,
} from '../rotation/index.ts';
import type { IsoDate, Member } from '../types.ts';

/** A rotation with its teams and memberships: what a roster change may touch. */
export interface RotationTeams {
  rotation: Pick<Rotation, 'id' | 'name' | 'status' | 'startDate' | 'endDate' | 'constraints'>;
  teams: readonly TeamRef[];
  memberships: readonly MembershipRecord[];
}

/** A leaver taken out of a team: the team they leave and from which day. */
export interface Leave {
  rotationId: string;
  memberId: string;
  teamId: string;
  fromDate: IsoDate;
}

/** How a leaver's membership ends: a later one is deleted, a current one closes the day before. */
export type MembershipEnd =
  | { kind: 'delete'; membershipId: string }
  | { kind: 'close'; membershipId: string; toDate: IsoDate; closedOn: IsoDate };

/** A constraint of a rotation's split that holds before the change and not after it. */
export interface BrokenConstraint {
  rotationId: string;
  teamId: string;
  date: IsoDate;
  code: 'required-skill' | 'leaders-together' | 'empty-team';
  message: string;
  skill?: string;
  holders?: number;
  min?: number;
  memberIds?: string[];
}

/**
 * Takes leavers out of every team they are in on `date` or later: a membership that starts on or
 * after `date` goes, one in force ends the day before (closed `today`, so a leaver who was in the
 * office this morning stays a contact of this day). Days before `date` stay history.
 */
export function leaverEnds(
  rotations: readonly RotationTeams[],
  leavers: ReadonlySet<string>,
  date: IsoDate,
  today: IsoDate,
): { leaves: Leave[]; ends: MembershipEnd[] } {
  const leaves: Leave[] = [];
  const ends: MembershipEnd[] = [];
  for (const { rotation, memberships } of rotations)
    for (const m of memberships) {
      if (!leavers.has(m.memberId) || (m.toDate !== null && m.toDate < date)) continue;
      const fromDate = m.fromDate > date ? m.fromDate : date;
      leaves.push({ rotationId: rotation.id, memberId: m.memberId, teamId: m.teamId, fromDate });
      ends.push(
        m.fromDate >= date
          ? { kind: 'delete', membershipId: m.id }
          : { kind: 'close', membershipId: m.id, toDate: addDays(date, -1), closedOn: today },
      );
    }
  return { leaves, ends };
}

const CODES = new Set(['required-skill', 'leaders-together', 'empty-team']);

/**
 * The constraints of each rotation that hold on the first day of the change (`date`, or the
 * rotation's start when later) and no longer hold after it, in the teams the change touches:
 * a team losing its last holder of a required skill, a chief and a deputy ending up together, a
 * team left empty. `before` and `after` are the department's members as they are and as they
 * will be (a leaver is absent from `after`).
 */
export function brokenConstraints(
  rotations: readonly RotationTeams[],
  before: ReadonlyMap<string, Member>,
  after: ReadonlyMap<string, Member>,
  changed: ReadonlySet<string>,
  date: IsoDate,
): BrokenConstraint[] {
  const out: BrokenConstraint[] = [];
  for (const { rotation, teams, memberships } of rotations) {
    const day = rotation.startDate > date ? rotation.startDate : date;
    if (day > rotation.endDate) continue;
    const inForce = memberships.filter((m) => coversDate(m, day));
    const touched = new Set(inForce.filter((m) => changed.has(m.memberId)).map((m) => m.teamId));
    if (!touched.size) continue;
    const check = (people: ReadonlyMap<string, Member>) => {
      const split = teams.map((t) => ({
        label: t.label,
        memberIds: inForce
          .filter((m) => m.teamId === t.id && people.has(m.memberId))
          .map((m) => m.memberId),
      }));
      const members = split.flatMap((t) => t.memberIds.map((id) => people.get(id)!));
      return checkSplitConstraints(members, split, {
        ...rotation.constraints,
        teamCount: teams.length,
      }).filter((v) => CODES.has(v.code));
    };
    const key = (v: { code: string; teamLabels?: string[]; skill?: string }) =>
      `${v.code}\n${v.teamLabels?.join()}\n${v.skill ?? ''}`;
    const held = new Set(check(before).map(key));
    for (const v of check(after)) {
      const team = teams.find((t) => t.label === v.teamLabels?.[0]);
      if (held.has(key(v)) || !team || !touched.has(team.id)) continue;
      out.push({
        rotationId: rotation.id,
        teamId: team.id,
        date: day,
        code: v.code as BrokenConstraint['code'],
        message: v.message,
        ...(v.skill !== undefined ? { skill: v.skill, holders: v.holders, min: v.min } : {}),
        ...(v.code === 'leaders-together' ? { memberIds: v.memberIds } : {}),
      });
    }
  }
  return out;
}
