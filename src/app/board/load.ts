import type { BoardMember } from '../../db/repos/board.ts';
import {
  demandWindows,
  publishedMemberships,
  publishedRotations,
  publishedTeams,
  type DemandScope,
} from '../../db/repos/capacity.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import {
  capacityDays,
  capacityFor,
  type CapacityDay,
  type CapacitySettings,
} from '../../domain/capacity/index.ts';
import type { BoardInput, BoardRotation } from '../../domain/board/index.ts';
import { calendarOf } from '../../domain/calendar/index.ts';
import { groupBy } from '../../domain/collections.ts';
import type { StandbyWindow } from '../../domain/quarantine/index.ts';
import type { Department, IsoDate } from '../../domain/types.ts';
import { demandByDepartment, loadCapacitySettings, needsOf, sumDemand } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';

/** Everything boards over a window are decided from, read in seven queries however many departments. */
export interface BoardSnapshot<M extends BoardMember = BoardMember> {
  scope: DemandScope;
  departments: Department[];
  rotations: (BoardRotation & { departmentId: string })[];
  members: M[];
  windows: StandbyWindow[];
  settings: CapacitySettings;
}

/**
 * Reads the published rotations, members and quarantines of one department (or all) over
 * [from, to] for a board of `from`: the reads of remote demand (`loadDemand`), with the office
 * slots' times, the teams' labels and every active member (`members`: their names too, or just who
 * and where).
 */
export async function loadBoard<M extends BoardMember>(
  deps: Deps,
  scope: DemandScope,
  members: (db: Deps['db'], departmentId?: string) => Promise<M[]>,
  /** The departments, when the caller read them already (one department's board). */
  known?: Department[],
): Promise<BoardSnapshot<M>> {
  const [departments, rotations, teams, memberships, people, windows, settings] = await Promise.all(
    [
      known ?? departmentsByName(deps.db, scope.departmentId ? [scope.departmentId] : undefined),
      publishedRotations(deps.db, scope, true),
      publishedTeams(deps.db, scope),
      // Of the first date alone: a board places people on its date, the window is for its days.
      publishedMemberships(deps.db, { ...scope, to: scope.from }),
      members(deps.db, scope.departmentId),
      demandWindows(deps.db, scope),
      loadCapacitySettings(deps),
    ],
  );
  const teamsOf = groupBy(teams, (t) => t.rotationId);
  const membershipsOf = groupBy(memberships, (m) => m.rotationId);
  return {
    scope,
    departments,
    rotations: rotations.map((r) => ({
      id: r.id,
      departmentId: r.departmentId,
      name: r.name,
      startDate: r.startDate,
      endDate: r.endDate,
      bufferDates: r.bufferDates,
      closedDates: r.closedDates,
      teams: (teamsOf.get(r.id) ?? []).map((t) => ({ id: t.id, label: t.label })),
      memberships: membershipsOf.get(r.id) ?? [],
      shifts: r.office,
    })),
    members: people,
    windows,
    settings,
  };
}

/** A board's remote demand on its date against the capacity that applies. */
export type BoardCapacity = Omit<CapacityDay, 'date'>;

/**
 * Each department's board on `date` (by name), as `board` makes it from the department's input,
 * and the remote demand on it per department.
 */
export function boardsOf<M extends BoardMember, B>(
  snap: BoardSnapshot<M>,
  date: IsoDate,
  board: (input: Omit<BoardInput, 'members'> & { members: M[] }) => B,
) {
  const rotationsOf = groupBy(snap.rotations, (r) => r.departmentId);
  const membersOf = groupBy(snap.members, (m) => m.departmentId);
  const windowsOf = groupBy(snap.windows, (w) => w.memberId ?? w.teamId);
  const calendars = new Map(snap.departments.map((d) => [d.id, calendarOf(d)]));
  const boards = snap.departments.map((d) => {
    const members = membersOf.get(d.id) ?? [];
    return {
      department: d,
      members: members.length,
      board: board({
        date,
        calendar: calendars.get(d.id)!,
        rotations: rotationsOf.get(d.id) ?? [],
        members,
        // A department's windows: its members' own (team quarantines come expanded per person).
        standby: members.flatMap((m) => windowsOf.get(m.id) ?? []),
        horizon: snap.scope.to,
      }),
    };
  });
  const { byDepartment } = demandByDepartment({
    from: date,
    to: date,
    rotations: snap.rotations.map((r) => ({
      id: r.id,
      departmentId: r.departmentId,
      calendar: calendars.get(r.departmentId)!,
      startDate: r.startDate,
      endDate: r.endDate,
      teamIds: r.teams.map((t) => t.id),
      memberships: r.memberships,
      office: r.shifts.filter((s) => s.date === date),
    })),
    needs: needsOf(snap.members),
    windows: snap.windows,
  });
  return { boards, demand: byDepartment };
}

/** Demand on the date (summed over `lists`) against a capacity, as the capacity report words a day. */
export function capacityOn(
  date: IsoDate,
  lists: Iterable<{ thinClient: number; loanPc: number }[]>,
  settings: CapacitySettings,
  departmentId: string | null,
): BoardCapacity {
  const [demand] = sumDemand([date], lists);
  const { date: _date, ...day } = capacityDays(
    [date],
    () => demand!,
    capacityFor(settings, departmentId),
  ).days[0]!;
  return day;
}
