import { listQuarantineDirectory } from '../../app/quarantines/index.ts';
import type { Language } from '../../domain/types.ts';
import type { WebContext } from '../shared/env.ts';
import type { Option } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { valueOrPage } from '../shared/layout.tsx';

/** A department as HR's pages show it, with today in its zone. */
export interface DirDepartment {
  id: string;
  name: string;
  language: Language;
  timezone: string;
  today: string;
}

/** A member HR may name: told apart from a namesake by department and e-mail. */
export interface DirMember {
  id: string;
  departmentId: string;
  name: string;
  kana: string | null;
  email: string;
  active: boolean;
}

/** A team of a published rotation: its short label ("Bチーム") and full name (department, rotation, label). */
export interface DirTeam {
  id: string;
  departmentId: string;
  label: string;
  name: string;
  /** Its rotation is not over yet, so it can still be marked. */
  current: boolean;
}

/** Names for the ids HR works with, across the departments HR sees. */
export interface Directory {
  departments: DirDepartment[];
  members: DirMember[];
  teams: DirTeam[];
  departmentOf: Map<string, DirDepartment>;
  memberOf: Map<string, DirMember>;
  teamOf: Map<string, DirTeam>;
}

/** Everyone HR may name, in three queries whatever the organisation's size. */
export async function loadDirectory(c: WebContext): Promise<Directory> {
  const found = valueOrPage(await listQuarantineDirectory(c.var.deps, c.var.actor));
  const departments = found.departments;
  const departmentOf = new Map(departments.map((d) => [d.id, d]));
  // Department by department (in the departments' order), each list as the use case sorted it.
  const byDepartment = <T extends { departmentId: string }>(xs: T[]): T[] =>
    departments.flatMap((d) => xs.filter((x) => x.departmentId === d.id));
  const members = byDepartment(found.members);
  const teams = byDepartment(found.teams).map((tm) => {
    const label = t(c.var.lang, 'teamLabel', { label: tm.label });
    const department = departmentOf.get(tm.departmentId)!;
    return {
      id: tm.id,
      departmentId: tm.departmentId,
      label,
      name: `${department.name} ${tm.rotationName} ${label}`,
      current: tm.endDate >= department.today,
    };
  });
  return {
    departments,
    members,
    teams,
    departmentOf,
    memberOf: new Map(members.map((m) => [m.id, m])),
    teamOf: new Map(teams.map((tm) => [tm.id, tm])),
  };
}

/** How a member is listed where namesakes may meet: name (reading) — department <e-mail>. */
export function memberLabel(dir: Directory, m: DirMember): string {
  const reading = m.kana ? `（${m.kana}）` : '';
  return `${m.name}${reading} — ${dir.departmentOf.get(m.departmentId)?.name ?? ''} <${m.email}>`;
}

/** A member's or a team's name by id (the id itself when unknown). */
export const subjectName = (
  dir: Directory,
  q: { teamId: string | null; memberId: string | null },
) =>
  q.teamId
    ? (dir.teamOf.get(q.teamId)?.name ?? q.teamId)
    : (dir.memberOf.get(q.memberId ?? '')?.name ?? q.memberId ?? '');

/**
 * Text as a search compares it: width and case folded (NFKC, lower case), katakana read as
 * hiragana (フリガナ in either script), spaces ignored.
 */
export function folded(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
}

const matches = (query: string, ...fields: (string | null)[]): boolean =>
  !query || fields.some((f) => f !== null && folded(f).includes(query));

/** What the picker offers in a department: its current teams and active members whose name, reading or e-mail holds the search. */
export function pick(dir: Directory, departmentId: string, search: string) {
  const q = folded(search);
  return {
    teams: dir.teams.filter(
      (tm) => tm.departmentId === departmentId && tm.current && matches(q, tm.name),
    ),
    members: dir.members.filter(
      (m) => m.departmentId === departmentId && m.active && matches(q, m.name, m.kana, m.email),
    ),
  };
}

/** The departments as select options. */
export const departmentOptions = (dir: Directory): Option[] =>
  dir.departments.map((d) => ({ value: d.id, label: d.name }));

/** The department the picker is on: the one asked for when HR sees it, else the only one there is. */
export function pickedDepartment(dir: Directory, asked: string): string {
  if (dir.departmentOf.has(asked)) return asked;
  return dir.departments.length === 1 ? dir.departments[0]!.id : '';
}
