import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import { quarantinesIn } from '../../db/repos/quarantines.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { hrOnly } from '../failure.ts';
import { quarantineView } from './view.ts';

/** Which quarantines to list: every filter given must hold. */
export interface QuarantineFilter {
  /** Only those still in force (true), or only those over (false). */
  active?: boolean | undefined;
  departmentId?: string | undefined;
  /** Only the quarantines of this team. */
  teamId?: string | undefined;
  /** Only windows that overlap [from, to] (either end may be open). */
  from?: string | undefined;
  to?: string | undefined;
}

/** Quarantines (HR, admin): all, or those the filter keeps, each with today in its department's zone. */
export async function listQuarantines(deps: Deps, actor: Actor, filter: QuarantineFilter) {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const zones = new Map((await departmentsByName(deps.db)).map((d) => [d.id, d.timezone]));
  const quarantines = await quarantinesIn(deps.db, filter.departmentId);
  return ok(
    quarantines
      .filter(
        (q) =>
          (!filter.teamId || q.teamId === filter.teamId) &&
          (!filter.from || q.endDate >= filter.from) &&
          (!filter.to || q.startDate <= filter.to),
      )
      .map((q) =>
        quarantineView(q, dateInZone(deps.now(), zones.get(q.departmentId) ?? 'Asia/Tokyo')),
      )
      .filter((v) => filter.active === undefined || v.active === filter.active),
  );
}
