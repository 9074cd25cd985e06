import { boardMembers, boardRotations, boardShifts, boardTeams } from '../../db/repos/board.ts';
import type { BoardMember, BoardScope } from '../../db/repos/board.ts';
import { demandMemberships, demandWindows } from '../../db/repos/capacity.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import {
  capacityDays,
  capacityFor,
  type CapacityDay,
  type CapacitySettings,
} from '../../domain/capacity/index.ts';
import {
  departmentBoard,
  type BoardRotation,
  type DepartmentBoard,
} from '../../domain/board/index.ts';
import { calendarOf } from '../../domain/calendar/index.ts';
import { groupBy } from '../../domain/collections.ts';
import type { StandbyWindow } from '../../domain/quarantine/index.ts';
import type { Department, IsoDate } from '../../domain/types.ts';
import { demandByDepartment, loadCapacitySettings, needsOf, sumDemand } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';

/** Everything boards over a window are decided from, read in eight queries however many departments. */
export interface BoardSnapshot {
  scope: BoardScope;
  departments: Department[];
  rotations: (BoardRotation & { departmentId: string })[];
  members: BoardMember[];
  windows: StandbyWindow[];
  settings: CapacitySettings;
}

/** Reads the published rotations, members and quarantines of one department (or all) over [from, to]. */
export async function loadBoard(deps: Deps, scope: BoardScope): Promise<BoardSnapshot> {
  const [departments, rotations, teams, memberships, shifts, members, windows, settings] =
    await Promise.all([
      departmentsByName(deps.db, scope.departmentId ? [scope.departmentId] : undefined),
      boardRotations(deps.db, scope),
      boardTeams(deps.db, scope),
      demandMemberships(deps.db, scope),
      boardShifts(deps.db, scope),
      boardMembers(deps.db, scope.departmentId),
      demandWindows(deps.db, scope),
      loadCapacitySettings(deps),
    ]);
  const teamsOf = groupBy(teams, (t) => t.rotationId);
  const membershipsOf = groupBy(memberships, (m) => m.rotationId);
  const shiftsOf = groupBy(shifts, (s) => s.rotationId);
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
      shifts: shiftsOf.get(r.id) ?? [],
    })),
    members,
    windows,
    settings,
  };
}

/** A board's remote demand on its date against the capacity that applies. */
export type BoardCapacity = Omit<CapacityDay, 'date'>;

/** Each department's board on `date` (by name), and the remote demand on it per department. */
export function boardsOf(snap: BoardSnapshot, date: IsoDate) {
  const rotationsOf = groupBy(snap.rotations, (r) => r.departmentId);
  const membersOf = groupBy(snap.members, (m) => m.departmentId);
  const windowsOf = groupBy(snap.windows, (w) => w.memberId ?? w.teamId);
  const calendars = new Map(snap.departments.map((d) => [d.id, calendarOf(d)]));
  const boards = snap.departments.map((d) => {
    const rotations = rotationsOf.get(d.id) ?? [];
    const members = membersOf.get(d.id) ?? [];
    // A department's windows: its members' own (team quarantines come expanded per person).
    const standby = members.flatMap((m) => windowsOf.get(m.id) ?? []);
    const board: DepartmentBoard = departmentBoard({
      date,
      calendar: calendars.get(d.id)!,
      rotations,
      members,
      standby,
      horizon: snap.scope.to,
    });
    return { department: d, members: members.length, board };
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
