import { publishedRotations, rotationMemberships, teamById } from '../../db/repos/rotations.ts';
import { addDays, dateInZone, maxDate } from '../../domain/calendar/index.ts';
import { coversDate } from '../../domain/rotation/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { departmentMembers, memberById } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { forbidden, type Failure } from '../failure.ts';
import { memberSchedule } from './schedule.ts';

/** Later than any rotation ends. */
const MAX_DATE = '9999-12-31';

export interface StaffOverview {
  member: { name: string };
  department: { name: string; timezone: string };
  /** Today in the department's zone: the day the lists are read against. */
  today: string;
  /** The member's team today (or at the start of the next published rotation), with its members' names. */
  team: { label: string; rotationName: string; memberNames: string[] } | null;
  days: { date: string; kind: string; start: string; end: string; summary: string }[];
}

/** A member's own page (staff, or a chief who is a member): who they are, their team, and their days over the next `days` days. */
export async function readStaffOverview(
  deps: Deps,
  actor: Actor,
  days = 60,
): Promise<Result<StaffOverview, Failure>> {
  if (!actor.memberId)
    return err(forbidden('Only a member (staff, or a chief who is one) has a personal page.'));
  const member = await memberById(deps.db, actor.memberId);
  if (!member) return err(forbidden("This token's member no longer exists."));
  const department = (await departmentById(deps.db, member.departmentId))!;
  const today = dateInZone(deps.now(), department.timezone);
  const schedule = await memberSchedule(deps, actor, member.id, {
    from: today,
    to: addDays(today, days),
  });
  if (!schedule.ok) return schedule;

  let team: StaffOverview['team'] = null;
  // Published rotations from today on, earliest first: the team today, or at the next one's start.
  for (const r of await publishedRotations(deps.db, department.id, today, MAX_DATE)) {
    const on = maxDate(r.startDate, today);
    const memberships = (await rotationMemberships(deps.db, r.id)).filter((m) => coversDate(m, on));
    const mine = memberships.find((m) => m.memberId === member.id);
    if (!mine) continue;
    const [own, members] = await Promise.all([
      teamById(deps.db, mine.teamId),
      departmentMembers(deps.db, department.id),
    ]);
    const names = new Map(members.map((m) => [m.id, m.name]));
    const memberNames = memberships
      .filter((m) => m.teamId === mine.teamId)
      .map((m) => names.get(m.memberId) ?? '')
      .filter(Boolean)
      .sort();
    team = { label: own?.label ?? '', rotationName: r.name, memberNames };
    break;
  }
  return ok({
    member: { name: member.name },
    department: { name: department.name, timezone: department.timezone },
    today,
    team,
    days: schedule.value.days.map((d) => ({
      date: d.date,
      kind: d.kind,
      start: d.start,
      end: d.end,
      summary: d.summary,
    })),
  });
}
