import type { DepartmentBoard, DepartmentDay } from './department.ts';
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

/** The office, remote and standby counts of a department's day (a person in two slots counted once). */
function dayCounts(d: DepartmentDay): { office: number; remote: number; standby: number } {
  return {
    office: new Set(d.office.flatMap((s) => s.memberIds)).size,
    remote: d.remote.length,
    standby: d.standby.length,
  };
}

/**
 * The organisation's day: a line per department, and everyone in standby across them, named from
 * `people` (only they are: the organisation's members are counted, not listed).
 */
export function organisationBoard(
  days: readonly { id: string; name: string; members: number; day: DepartmentDay }[],
  people: ReadonlyMap<string, { name: string; kana: string | null }>,
): { departments: DepartmentLine[]; standby: StandbyLine[] } {
  return {
    departments: days.map(({ id, name, members, day }) => ({
      departmentId: id,
      name,
      kind: day.kind,
      members,
      ...dayCounts(day),
      uncovered: day.uncovered,
    })),
    standby: days.flatMap(({ id, name, day }) =>
      day.standby.map((m) => ({
        memberId: m.memberId,
        name: people.get(m.memberId)!.name,
        kana: people.get(m.memberId)!.kana,
        departmentId: id,
        departmentName: name,
        until: m.until,
      })),
    ),
  };
}
