import { addDays, maxDate, minDate } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import { rotationSwapsOf } from '../../db/repos/quarantines.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { invalid } from '../failure.ts';
import { loadRotation } from './snapshot.ts';
import { scheduleOf } from './manage.ts';

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

/**
 * One month of a rotation's schedule with the swaps still in force (who gave a day to whom), for the
 * month grid; without a month, today's month in the department's zone, kept within the rotation.
 */
export async function rotationMonth(deps: Deps, actor: Actor, id: string, asked?: string) {
  const scoped = await loadRotation(deps, actor, id);
  if (!scoped.ok) return scoped;
  const r = scoped.value.rotation;
  const month = asked ?? minDate(maxDate(scoped.value.today, r.start_date), r.end_date).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    return err(
      invalid('The month is not valid.', [{ path: '?month', message: 'must be YYYY-MM' }]),
    );
  const from = `${month}-01`;
  const to = monthEnd(month);
  const [schedule, inForce] = await Promise.all([
    scheduleOf(deps, scoped.value, { from, to }),
    rotationSwapsOf(deps.db, id),
  ]);
  if (!schedule.ok) return schedule;
  const swaps = inForce
    .filter((s) => s.handed_back_at === null && s.date >= from && s.date <= to)
    .map((s) => ({
      date: s.date,
      slot: s.slot,
      fromTeamId: s.from_team_id,
      toTeamId: s.to_team_id,
    }));
  return ok({ ...schedule.value, month, swaps, name: r.name });
}
