import { problem } from '../../domain/problems/index.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import { rotationOverrides } from '../../db/repos/overrides.ts';
import { swapsInForce } from '../../db/repos/swaps.ts';
import { addDays, maxDate, minDate } from '../../domain/calendar/index.ts';
import { err, ok } from '../../domain/result.ts';
import type { MembershipRecord } from '../../domain/rotation/index.ts';
import type { IsoDate } from '../../domain/types.ts';
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

/** A member under their team on the sheet, and what changes for them within the month. */
export interface SheetMember {
  id: string;
  name: string;
  /** Joins the team within the month (not at the rotation's start). */
  joins: IsoDate | null;
  /** Leaves the team within the month (the last day with it), not at the rotation's end. */
  leaves: IsoDate | null;
  /** Bridging: in the team from `from`, in its office only from this day. */
  officeFrom: IsoDate | null;
}

/** Each team with its members in force during [from, to], in reading order. */
function rosterOf(
  teams: readonly { id: string; label: string }[],
  memberships: readonly MembershipRecord[],
  members: readonly { id: string; name: string }[],
  range: { from: IsoDate; to: IsoDate; start: IsoDate; end: IsoDate },
) {
  const rank = new Map(members.map((m, i) => [m.id, i]));
  const inMonth = memberships
    .filter((m) => m.fromDate <= range.to && (m.toDate === null || m.toDate >= range.from))
    .sort((a, b) => (rank.get(a.memberId) ?? 0) - (rank.get(b.memberId) ?? 0));
  return teams.map((team) => ({
    id: team.id,
    label: team.label,
    members: inMonth
      .filter((m) => m.teamId === team.id)
      .map((m): SheetMember => ({
        id: m.memberId,
        name: members[rank.get(m.memberId) ?? -1]?.name ?? m.memberId,
        joins: m.fromDate > maxDate(range.from, range.start) ? m.fromDate : null,
        leaves: m.toDate !== null && m.toDate < minDate(range.to, range.end) ? m.toDate : null,
        officeFrom:
          m.officeFrom > maxDate(m.fromDate, range.from) && m.officeFrom <= range.to
            ? m.officeFrom
            : null,
      })),
  }));
}

/**
 * One month of a rotation as the sheet people print and pin up: the department and rotation, each
 * team with its members in force that month, every day (office team per slot, holidays, buffer
 * days, standby teams), the swaps and the chief's overrides still in force. Without a month,
 * today's month in the department's zone, kept within the rotation.
 */
export async function readMonthSheet(deps: Deps, actor: Actor, id: string, asked?: string) {
  const scoped = await loadRotation(deps, actor, id);
  if (!scoped.ok) return scoped;
  const snap = scoped.value;
  const r = snap.rotation;
  const month = asked ?? minDate(maxDate(snap.today, r.startDate), r.endDate).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    return err(
      invalid('The month is not valid.', [
        { path: '?month', message: 'must be YYYY-MM', ...problem('invalid-month') },
      ]),
    );
  const from = `${month}-01`;
  const to = monthEnd(month);
  const [schedule, swaps, overrides, members] = await Promise.all([
    scheduleOf(deps, snap, { from, to }),
    swapsInForce(deps.db, id, from, to),
    rotationOverrides(deps.db, id, { from, to, inForce: true }),
    departmentMembers(deps.db, r.departmentId),
  ]);
  if (!schedule.ok) return schedule;
  return ok({
    month,
    today: snap.today,
    department: { id: snap.department.id, name: snap.department.name },
    rotation: { id, name: r.name, startDate: r.startDate, endDate: r.endDate, status: r.status },
    teams: rosterOf(snap.teams, snap.memberships, members, {
      from,
      to,
      start: r.startDate,
      end: r.endDate,
    }),
    days: schedule.value.days,
    swaps,
    overrides,
  });
}

/** What the month sheet shows, as `readMonthSheet` reads it. */
export type MonthSheet = Extract<Awaited<ReturnType<typeof readMonthSheet>>, { ok: true }>['value'];
