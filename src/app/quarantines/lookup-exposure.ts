import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { memberById } from '../../db/repos/members.ts';
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

/** The longest exposure lookup (a year). */
const MAX_EXPOSURE_DAYS = 366;

/** Who shared office days with a member between from and to: past days as they happened, future as planned. */
export interface ExposureAnswer {
  memberId: string;
  from: string;
  to: string;
  days: { date: string; teamId: string | null; coPresentMemberIds: string[] }[];
  teamIds: string[];
}

/** Who shared office days with a member over a range (today when not given), for HR and admin. */
export async function lookUpExposure(
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
