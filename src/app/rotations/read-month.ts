import { addDays, maxDate, minDate } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import { swapsInForce } from '../../db/repos/swaps.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { invalid } from '../failure.ts';
import { loadRotation } from './snapshot.ts';
import { scheduleOf } from './schedule.ts';

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

/**
 * One month of a rotation's schedule with the swaps still in force (who gave a day to whom), for the
 * month grid; without a month, today's month in the department's zone, kept within the rotation.
 */
export async function readRotationMonth(deps: Deps, actor: Actor, id: string, asked?: string) {
  const scoped = await loadRotation(deps, actor, id);
  if (!scoped.ok) return scoped;
  const r = scoped.value.rotation;
  const month = asked ?? minDate(maxDate(scoped.value.today, r.startDate), r.endDate).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    return err(
      invalid('The month is not valid.', [{ path: '?month', message: 'must be YYYY-MM' }]),
    );
  const from = `${month}-01`;
  const to = monthEnd(month);
  const [schedule, swaps] = await Promise.all([
    scheduleOf(deps, scoped.value, { from, to }),
    swapsInForce(deps.db, id, from, to),
  ]);
  if (!schedule.ok) return schedule;
  return ok({ ...schedule.value, month, swaps, name: r.name });
}
