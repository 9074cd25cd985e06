import { capacityDays, capacityFor } from '../../domain/capacity/index.ts';
import { addDays, dateInZone } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { IsoDate } from '../../domain/types.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { departmentScopeDenied, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { notFound, queryRangeFailure, type Failure } from '../failure.ts';
import { demandByDepartment, loadCapacitySettings, loadDemand, sumDemand } from './demand.ts';

/** The capacity report spans at most this many days after `from`. */
export const MAX_CAPACITY_DAYS = 366;
/** Without a department, "today" is read in the design's default zone. */
export const DEFAULT_ZONE = 'Asia/Tokyo';

export interface CapacityQuery {
  from?: IsoDate;
  to?: IsoDate;
  departmentId?: string;
}

/**
 * Remote demand against capacity for each date from `from` to `to` (default: today and the next
 * 30 days), for one department or — without one — the whole organisation. A chief sees their own
 * department only, and gets it when they name none.
 */
export async function reportCapacity(deps: Deps, actor: Actor, q: CapacityQuery) {
  const departmentId =
    q.departmentId ?? (actor.role === 'chief' ? (actor.departmentId ?? '') : undefined);
  let zone = DEFAULT_ZONE;
  if (departmentId !== undefined) {
    const department = await departmentById(deps.db, departmentId);
    if (!department) return err(notFound(`No department ${departmentId}.`));
    const denied = departmentScopeDenied(actor, departmentId);
    if (denied) return err(denied);
    zone = department.timezone;
  }
  const range = capacityRange(q, dateInZone(deps.now(), zone));
  if (!range.ok) return range;
  const { from, to } = range.value;

  const [snap, settings] = await Promise.all([
    loadDemand(deps, { from, to, ...(departmentId ? { departmentId } : {}) }),
    loadCapacitySettings(deps),
  ]);
  const { dates, byDepartment } = demandByDepartment(snap);
  const demand = sumDemand(dates, byDepartment.values());
  const { days, summary } = capacityDays(
    dates,
    (i) => demand[i]!,
    capacityFor(settings, departmentId ?? null),
  );
  return ok({ departmentId: departmentId ?? null, from, to, days, summary });
}

/** The dates asked for: from (default today) to to (default from + 30), at most a year apart. */
function capacityRange(
  q: CapacityQuery,
  today: IsoDate,
): Result<{ from: IsoDate; to: IsoDate }, Failure> {
  const from = q.from ?? today;
  const to = q.to ?? addDays(from, 30);
  const badRange = queryRangeFailure(from, to, MAX_CAPACITY_DAYS);
  if (badRange) return err(badRange);
  return ok({ from, to });
}
