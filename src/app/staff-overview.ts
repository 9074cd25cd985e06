import { addDays, dateInZone } from '../domain/dates.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { findDepartment } from '../db/repos/departments.ts';
import { findMember, listMembers } from '../db/repos/members.ts';
import { listRotations, membershipsOf, teamsOf } from '../db/repos/rotations.ts';
import type { Actor } from './actor.ts';
import type { Deps } from './deps.ts';
import { forbidden, type Failure } from './failure.ts';
import { memberSchedule } from './members.ts';

export interface StaffOverview {
  member: { id: string; name: string };
  department: { id: string; name: string; language: string };
  today: string;
  /** The member's team today (or at the start of the next published rotation), with its members' names. */
  team: { label: string; rotationName: string; memberNames: string[] } | null;
  days: { date: string; kind: string; start: string; end: string; summary: string }[];
}

/** A staff member's own page: who they are, their team, and their days over the next `days` days. */
export async function staffOverview(deps: Deps, actor: Actor, days = 60): Promise<Result<StaffOverview, Failure>> {
  if (actor.role !== 'staff' || !actor.memberId) return err(forbidden('Only a staff token has a personal page.'));
  const member = await findMember(deps.db, actor.memberId);
  if (!member) return err(forbidden('This token\'s member no longer exists.'));
  const department = (await findDepartment(deps.db, member.department_id))!;
  const today = dateInZone(deps.now(), department.timezone);
  const schedule = await memberSchedule(deps, actor, member.id, { from: today, to: addDays(today, days) });
  if (!schedule.ok) return schedule;

  let team: StaffOverview['team'] = null;
  const rotations = (await listRotations(deps.db, department.id)).filter((r) => r.status === 'published' && r.end_date >= today).sort((a, b) => a.start_date.localeCompare(b.start_date));
  for (const r of rotations) {
    const on = r.start_date > today ? r.start_date : today;
    const memberships = (await membershipsOf(deps.db, r.id)).filter((m) => m.from_date <= on && (m.to_date === null || m.to_date >= on));
    const mine = memberships.find((m) => m.member_id === member.id);
    if (!mine) continue;
    const label = (await teamsOf(deps.db, r.id)).find((t) => t.id === mine.team_id)?.label ?? '';
    const names = new Map((await listMembers(deps.db, department.id)).map((m) => [m.id, m.name]));
    const memberNames = memberships.filter((m) => m.team_id === mine.team_id).map((m) => names.get(m.member_id) ?? '').filter(Boolean).sort();
    team = { label, rotationName: r.name, memberNames };
    break;
  }
  return ok({
    member: { id: member.id, name: member.name },
    department: { id: department.id, name: department.name, language: department.language },
    today,
    team,
    days: schedule.value.days.map((d) => ({ date: d.date, kind: d.kind, start: d.start, end: d.end, summary: d.summary })),
  });
}
