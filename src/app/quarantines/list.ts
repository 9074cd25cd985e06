import { dateInZone } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import { quarantinesIn } from '../../db/repos/quarantines.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { hrOnly } from '../failure.ts';
import { quarantineView } from './view.ts';

/** Quarantines (HR, admin): all, or only those still in force (`active`), optionally of one department. */
export async function listQuarantines(
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
