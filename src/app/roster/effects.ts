import {
  brokenConstraints,
  leaverEnds,
  withChanges,
  type BrokenConstraint,
  type FieldChanges,
  type MembershipEnd,
} from '../../domain/roster/index.ts';
import type { IsoDate, Member } from '../../domain/types.ts';
import type { RosterState } from './state.ts';

/** A leaver taken out of a team, by name. */
export interface LeaveView {
  memberId: string;
  name: string;
  rotationId: string;
  rotationName: string;
  teamId: string;
  teamLabel: string;
  fromDate: IsoDate;
}

/** A constraint that no longer holds, by rotation and team name. */
export type BrokenView = BrokenConstraint & { rotationName: string; teamLabel: string };

/** What a roster change does to the department's rotations, before it is made. */
export interface RosterEffects {
  /** Who leaves which team, from which day. */
  leaves: LeaveView[];
  /** The constraints of a rotation's split that no longer hold, in the teams the change touches. */
  broken: BrokenView[];
  /** New or reactivated members that are in no team of a running rotation until a move places them. */
  unplaced: { memberId: string | null; name: string; email: string }[];
}

/** The change as the effects see it: who leaves, who changes how, who comes (back). */
export interface RosterChange {
  leavers: readonly Member[];
  updated: readonly { member: Member; changes: FieldChanges }[];
  added: readonly { name: string; email: string }[];
}

/** The effects of a change from `date`, and how the leavers' memberships end. */
export function rosterEffects(
  state: RosterState,
  change: RosterChange,
  date: IsoDate,
): { effects: RosterEffects; ends: MembershipEnd[] } {
  const leaverIds = new Set(change.leavers.map((m) => m.id));
  const { leaves, ends } = leaverEnds(state.rotations, leaverIds, date, state.today);

  const before = new Map(state.members.filter((m) => m.active).map((m) => [m.id, m]));
  const after = new Map(before);
  for (const id of leaverIds) after.delete(id);
  // A leaver's other changes (an edit made with the deactivation) put nobody back in a team.
  for (const u of change.updated)
    if (!leaverIds.has(u.member.id)) after.set(u.member.id, withChanges(u.member, u.changes));
  const changed = new Set([...leaverIds, ...change.updated.map((u) => u.member.id)]);
  const broken = brokenConstraints(state.rotations, before, after, changed, date);

  const rotationName = new Map(state.rotations.map((r) => [r.rotation.id, r.rotation.name]));
  const teamLabel = new Map(state.rotations.flatMap((r) => r.teams.map((t) => [t.id, t.label])));
  const nameOf = new Map(state.members.map((m) => [m.id, m.name]));

  const running = state.rotations.filter((r) => r.rotation.status === 'published');
  const placed = (id: string) =>
    running.some((r) =>
      r.memberships.some((m) => m.memberId === id && (m.toDate === null || m.toDate >= date)),
    );
  const comers = [
    ...change.added.map((a) => ({ memberId: null, name: a.name, email: a.email })),
    ...change.updated
      .filter((u) => u.changes.active?.to === true && !placed(u.member.id))
      .map((u) => ({ memberId: u.member.id, name: u.member.name, email: u.member.email })),
  ];
  return {
    ends,
    effects: {
      leaves: leaves.map((l) => ({
        ...l,
        name: nameOf.get(l.memberId) ?? l.memberId,
        rotationName: rotationName.get(l.rotationId) ?? l.rotationId,
        teamLabel: teamLabel.get(l.teamId) ?? l.teamId,
      })),
      broken: broken.map((b) => ({
        ...b,
        rotationName: rotationName.get(b.rotationId) ?? b.rotationId,
        teamLabel: teamLabel.get(b.teamId) ?? b.teamId,
      })),
      unplaced: running.length ? comers : [],
    },
  };
}
