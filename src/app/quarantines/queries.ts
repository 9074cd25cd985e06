import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { departmentById, departmentsByName } from '../../db/repos/departments.ts';
import { allMembers, memberById } from '../../db/repos/members.ts';
import { publishedTeams } from '../../db/repos/rotations.ts';
import { quarantinesIn } from '../../db/repos/quarantines.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import {
  hrOnly,
  invalid,
  notDates,
  notFound,
  queryRangeFailure,
  type Failure,
} from '../failure.ts';
import { exposureOf } from './targets.ts';
import { quarantineView } from './views.ts';

/** The longest exposure lookup (a year). */
const MAX_EXPOSURE_DAYS = 366;

/** Quarantines (HR, admin): all, or only those still in force (`active`), optionally of one department. */
export async function quarantineList(
  deps: Deps,
  actor: Actor,
  filter: { active?: boolean; departmentId?: string },
) {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const zones = new Map((await departmentsByName(deps.db)).map((d) => [d.id, d.timezone]));
  const quarantines = await quarantinesIn(deps.db, filter.departmentId);
  return ok(
    quarantines
      .map((q) =>
        quarantineView(q, dateInZone(deps.now(), zones.get(q.departmentId) ?? 'Asia/Tokyo')),
      )
      .filter((v) => filter.active === undefined || v.active === filter.active),
  );
}

/**
 * Everyone HR may name in a quarantine or an exposure lookup, in three queries: the departments
 * (with today in each one's zone), their members, and the teams of published rotations.
 */
export async function quarantineDirectory(deps: Deps, actor: Actor) {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const [departments, members, teams] = await Promise.all([
    departmentsByName(deps.db),
    allMembers(deps.db),
    publishedTeams(deps.db),
  ]);
  return ok({
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      today: dateInZone(deps.now(), d.timezone),
    })),
    members: members.map((m) => ({
      id: m.id,
      departmentId: m.departmentId,
      name: m.name,
      email: m.email,
      active: m.active,
    })),
    teams: teams.map((t) => ({
      id: t.id,
      label: t.label,
      departmentId: t.departmentId,
      rotationId: t.rotationId,
      rotationName: t.rotationName,
      endDate: t.endDate,
    })),
  });
}

/** Who shared office days with a member between from and to: past days as they happened, future as planned. */
export interface ExposureAnswer {
  memberId: string;
  from: string;
  to: string;
  days: { date: string; teamId: string | null; coPresentMemberIds: string[] }[];
  teamIds: string[];
}

/** Who shared office days with a member over a range (today when not given), for HR and admin. */
export async function exposureLookup(
  deps: Deps,
  actor: Actor,
  memberId: string,
  range: { from?: string; to?: string },
): Promise<Result<ExposureAnswer, Failure>> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const badDates = notDates({ '?from': range.from, '?to': range.to });
  if (badDates.length) return err(invalid('The range is not valid.', badDates));
  const member = await memberById(deps.db, memberId);
  if (!member) return err(notFound(`No member ${memberId}.`));
  const department = (await departmentById(deps.db, member.departmentId))!;
  const today = dateInZone(deps.now(), department.timezone);
  const from = range.from ?? today;
  const to = range.to ?? today;
  const badRange = queryRangeFailure(from, to, MAX_EXPOSURE_DAYS);
  if (badRange) return err(badRange);
  const found = await exposureOf(deps, department, memberId, from, to);
  return ok({
    memberId,
    from,
    to,
    days: found.days.map((d) => ({
      date: d.date,
      teamId: d.teamId,
      coPresentMemberIds: d.coPresentMemberIds,
    })),
    teamIds: found.teamIds,
  });
}
