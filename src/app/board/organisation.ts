import { addDays, dateInZone } from '../../domain/calendar/index.ts';
import { inReadingOrder } from '../../domain/collections.ts';
import {
  departmentDay,
  organisationBoard,
  UNCOVERED_HORIZON_DAYS,
} from '../../domain/board/index.ts';
import { boardMembers, memberNames } from '../../db/repos/board.ts';
import { err, ok } from '../../domain/result.ts';
import type { IsoDate } from '../../domain/types.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import { DEFAULT_ZONE } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden } from '../failure.ts';
import { dateFailure } from './department.ts';
import { boardsOf, capacityOn, loadBoard } from './load.ts';

/**
 * The organisation's day (HR and admin): per department its members and how many are in the
 * office, remote and in standby, and its uncovered days ahead; everyone in standby across the
 * departments and until when (never why); the organisation's remote demand against its capacity.
 * Without a date, today in the design's default zone (Asia/Tokyo) — one date for every department.
 */
export async function readOrganisationBoard(deps: Deps, actor: Actor, asked?: IsoDate) {
  if (!isHrOrAdmin(actor)) return err(forbidden('Only HR and admin see the organisation board.'));
  const bad = dateFailure(asked);
  if (bad) return err(bad);
  const date = asked ?? dateInZone(deps.now(), DEFAULT_ZONE);
  const snap = await loadBoard(
    deps,
    { from: date, to: addDays(date, UNCOVERED_HORIZON_DAYS) },
    boardMembers,
  );
  const { boards, demand } = boardsOf(snap, date, (input) =>
    departmentDay({ ...input, nextDays: 0 }),
  );
  // Counted, not listed: only those in standby are named, read by id (not 20,000 names).
  const people = await memberNames(
    deps.db,
    boards.flatMap((b) => b.board.standby.map((s) => s.memberId)),
  );
  const org = organisationBoard(
    boards.map((b) => ({
      id: b.department.id,
      name: b.department.name,
      members: b.members,
      day: b.board,
    })),
    people,
  );
  // Sorted once here, not the 20,000 members before: only those in standby are listed by name.
  const standby = inReadingOrder(org.standby.map((s) => ({ ...s, id: s.memberId }))).map(
    ({ id: _id, ...s }) => s,
  );
  return ok({
    date,
    departments: org.departments,
    standby,
    uncoveredThrough: addDays(date, UNCOVERED_HORIZON_DAYS),
    capacity: capacityOn(date, demand.values(), snap.settings, null),
  });
}
