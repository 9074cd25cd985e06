import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import { allMembers } from '../../db/repos/members.ts';
import { publishedTeams } from '../../db/repos/rotations.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { hrOnly } from '../failure.ts';

/**
 * Everyone HR may name in a quarantine or an exposure lookup, in three queries: the departments
 * (with today in each one's zone), their members, and the teams of published rotations.
 */
export async function listQuarantineDirectory(deps: Deps, actor: Actor) {
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
      language: d.language,
      timezone: d.timezone,
      today: dateInZone(deps.now(), d.timezone),
    })),
    members: members.map((m) => ({
      id: m.id,
      departmentId: m.departmentId,
      name: m.name,
      kana: m.kana,
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
