import { boardCounts, type DepartmentBoard } from './department.ts';
import type { IsoDate } from '../types.ts';

/** One department's line of the organisation board. */
export interface DepartmentLine {
  departmentId: string;
  name: string;
  kind: DepartmentBoard['kind'];
  members: number;
  office: number;
  remote: number;
  standby: number;
  uncovered: IsoDate[];
}

/** Someone in standby on the date, with their department; never why. */
export interface StandbyLine {
  memberId: string;
  name: string;
  kana: string | null;
  departmentId: string;
  departmentName: string;
  until: IsoDate;
}

/** The organisation's day: a line per department, and everyone in standby across them. */
export function organisationBoard(
  boards: readonly { id: string; name: string; members: number; board: DepartmentBoard }[],
): { departments: DepartmentLine[]; standby: StandbyLine[] } {
  return {
    departments: boards.map(({ id, name, members, board }) => ({
      departmentId: id,
      name,
      kind: board.kind,
      members,
      ...boardCounts(board),
      uncovered: board.uncovered,
    })),
    standby: boards.flatMap(({ id, name, board }) =>
      board.standby.map((m) => ({
        memberId: m.id,
        name: m.name,
        kana: m.kana,
        departmentId: id,
        departmentName: name,
        until: m.until,
      })),
    ),
  };
}
