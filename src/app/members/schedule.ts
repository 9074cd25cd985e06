import { addDays, dateInZone } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import { departmentById } from '../../db/repos/departments.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { queryRangeFailure } from '../failure.ts';
import { memberScheduleDays } from '../feeds/index.ts';
import { memberInScope } from './scope.ts';

/** A member's days from `from` to `to` (default: today and the next 30 days), as their feed shows them. */
export async function memberSchedule(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from?: string; to?: string },
) {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  const department = (await departmentById(deps.db, found.value.departmentId))!;
  const from = range.from ?? dateInZone(deps.now(), department.timezone);
  const to = range.to ?? addDays(from, 30);
  const badRange = queryRangeFailure(from, to, 366);
  if (badRange) return err(badRange);
  const days = await memberScheduleDays(deps, id, department, from, to);
  return ok({ memberId: id, from, to, days: days.map(({ description: _d, ...d }) => d) });
}
