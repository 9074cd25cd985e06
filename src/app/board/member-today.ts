import { standbyWindows } from '../../db/repos/quarantines.ts';
import { standbyUntil, UNCOVERED_HORIZON_DAYS } from '../../domain/board/index.ts';
import { addDays, dateInZone } from '../../domain/calendar/index.ts';
import { ok } from '../../domain/result.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { FeedDayKind } from '../../feeds/feed-days.ts';
import { memberScheduleDays } from '../feeds/index.ts';
import { memberInScope } from '../members/index.ts';
import { departmentById } from '../../db/repos/departments.ts';

/** A member's day as their feed shows it, or off (no working day of theirs in a published rotation). */
export interface MemberDay {
  date: IsoDate;
  kind: FeedDayKind | 'off';
  start: string | null;
  end: string | null;
}

/**
 * A member's own view: today and tomorrow (in the department's zone), their next office day after
 * today within UNCOVERED_HORIZON_DAYS, and — while they are in standby — until when (never why).
 * Staff themselves; a chief their department's members; HR and admin anyone.
 */
export async function readMemberToday(deps: Deps, actor: Actor, id: string) {
  const found = await memberInScope(deps, actor, id);
  if (!found.ok) return found;
  const department = (await departmentById(deps.db, found.value.departmentId))!;
  const today = dateInZone(deps.now(), department.timezone);
  const to = addDays(today, UNCOVERED_HORIZON_DAYS);
  const [days, windows] = await Promise.all([
    memberScheduleDays(deps, id, department, today, to),
    // A year ahead: standby joined across windows that meet ends where the last one does.
    standbyWindows(deps.db, department.id, { from: today, to: addDays(today, 366) }),
  ]);
  const dayOf = (date: IsoDate): MemberDay => {
    const d = days.find((x) => x.date === date);
    return d
      ? { date, kind: d.kind, start: d.start, end: d.end }
      : { date, kind: 'off', start: null, end: null };
  };
  const next = days.find((d) => d.date > today && d.kind === 'office');
  const until = standbyUntil(windows, id, today);
  return ok({
    memberId: id,
    name: found.value.name,
    timezone: department.timezone,
    today: dayOf(today),
    tomorrow: dayOf(addDays(today, 1)),
    nextOfficeDay: next ? { date: next.date, start: next.start, end: next.end } : null,
    standby: until ? { until } : null,
  });
}
