import { addDays, dateInZone } from '../../domain/calendar/index.ts';
import { inReadingOrder } from '../../domain/collections.ts';
import { departmentBoard, UNCOVERED_HORIZON_DAYS } from '../../domain/board/index.ts';
import { boardMembers } from '../../db/repos/board.ts';
import { err, ok } from '../../domain/result.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, notDates } from '../failure.ts';
import { scopedDepartment } from '../members/index.ts';
import { boardsOf, capacityOn, loadBoard } from './load.ts';

/** A date the caller gave, checked (the pages pass the query as it came). */
export function dateFailure(date: string | undefined) {
  const bad = notDates({ '?date': date });
  return bad.length ? invalid('The date is not valid.', bad) : undefined;
}

/**
 * One department's board on `date` (default: today in the department's zone): the day's office
 * teams and their members per slot, who works remotely, who is in standby and until when (never
 * why), the next working days, the uncovered days ahead and the day's remote demand against
 * capacity. Admin, HR and the department's chief; HR and admin only read it.
 */
export async function readDepartmentBoard(
  deps: Deps,
  actor: Actor,
  departmentId: string,
  asked?: IsoDate,
) {
  if (actor.role === 'staff') return err(staffRefused());
  const found = await scopedDepartment(deps, actor, departmentId);
  if (!found.ok) return found;
  const bad = dateFailure(asked);
  if (bad) return err(bad);
  const department = found.value;
  const date = asked ?? dateInZone(deps.now(), department.timezone);
  const snap = await loadBoard(
    deps,
    { from: date, to: addDays(date, UNCOVERED_HORIZON_DAYS), departmentId },
    (db, id) => boardMembers(db, id, true),
    [department],
  );
  inReadingOrder(snap.members);
  const { boards, demand } = boardsOf(snap, date, departmentBoard);
  return ok({
    departmentId,
    departmentName: department.name,
    timezone: department.timezone,
    ...boards[0]!.board,
    capacity: capacityOn(date, [demand.get(departmentId) ?? []], snap.settings, departmentId),
  });
}

/** Staff see their own day, not the department's board. */
const staffRefused = () =>
  forbidden("Staff see their own day (/v1/members/{id}/today), not the department's board.");
