import { bumpVersionQuery, isVersionConflict } from '../../db/repos/rotations.ts';
import { problem } from '../../domain/problems/index.ts';
import {
  closeMembershipQuery,
  deleteMembershipQuery,
  insertMembershipsQueries,
} from '../../db/repos/memberships.ts';
import { bridgingOfficeFrom, coversDate, toMembership } from '../../domain/rotation/index.ts';
import { addDays } from '../../domain/calendar/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { bumpDataVersionQuery } from '../../db/repos/departments.ts';
import { memberById } from '../../db/repos/members.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, notDates, type Failure } from '../failure.ts';
import { moveNoticeQueries } from '../outbox/index.ts';
import { MOVE_NOTICE_DAYS } from '../../notify/move-notice.ts';
import { loadPolicy } from '../settings/index.ts';
import { loadRotationAt, staleVersion } from './version.ts';

export interface MoveInput {
  memberId: string;
  /** The new team; null takes a member who left out of the rotation. */
  toTeamId: string | null;
  effectiveDate: string;
  officeFrom?: string;
}

export interface MoveOutcome {
  memberId: string;
  fromTeamId: string | null;
  toTeamId: string | null;
  effectiveDate: string;
  lastOfficeDayWithOldTeam: string | null;
  /** The first day the member joins the new team's office days (the bridging rule), or null when leaving. */
  officeFrom: string | null;
  version: number;
}

/**
 * Moves a member to another team from `effectiveDate` (or places a newcomer, or takes a leaver out).
 * The member joins the new team's office days only after the exposure window since their last
 * office day with the old team, so the move never joins two cohorts.
 */
export async function moveMember(
  deps: Deps,
  actor: Actor,
  rotationId: string,
  ifMatch: number,
  input: MoveInput,
): Promise<Result<MoveOutcome, Failure>> {
  const loaded = await loadRotationAt(deps, actor, rotationId, ifMatch);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const r = snap.rotation;

  const badDates = notDates({
    '/effectiveDate': input.effectiveDate,
    '/officeFrom': input.officeFrom,
  });
  if (badDates.length) return err(invalid('The move is not valid.', badDates));
  const problems = [];
  if (input.effectiveDate < snap.today)
    problems.push({
      path: '/effectiveDate',
      message: `is before today (${snap.today}); past days are history`,
      ...problem('past-date', { today: snap.today }),
    });
  if (input.effectiveDate < r.startDate || input.effectiveDate > r.endDate)
    problems.push({
      path: '/effectiveDate',
      message: `is outside the rotation (${r.startDate} – ${r.endDate})`,
      ...problem('outside-rotation', {
        date: input.effectiveDate,
        start: r.startDate,
        end: r.endDate,
      }),
    });
  const member = await memberById(deps.db, input.memberId);
  if (!member || member.departmentId !== r.departmentId)
    problems.push({
      path: '/memberId',
      message: 'is not a member of this department',
      ...problem('not-in-department'),
    });
  else if (!member.active && input.toTeamId !== null)
    problems.push({
      path: '/memberId',
      message: 'is deactivated; only toTeamId null (leaving) applies',
      ...problem('deactivated-only-leave'),
    });
  if (input.toTeamId !== null && !snap.teams.some((t) => t.id === input.toTeamId))
    problems.push({
      path: '/toTeamId',
      message: 'is not a team of this rotation',
      ...problem('unknown-team'),
    });
  if (problems.length) return err(invalid('The move is not valid.', problems));

  const mine = snap.memberships.filter((m) => m.memberId === input.memberId);
  const later = mine.find((m) => m.fromDate > input.effectiveDate);
  if (later)
    return err(
      conflict(
        `A later change of this member (from ${later.fromDate}) exists; move from that date or later.`,
        undefined,
        problem('later-change', { from: later.fromDate }),
      ),
    );
  const current = mine.find((m) => coversDate(m, input.effectiveDate));
  if ((current?.teamId ?? null) === input.toTeamId)
    return err(
      invalid('Nothing to move.', [
        {
          path: '/toTeamId',
          ...(input.toTeamId
            ? {
                message: "is already the member's team on that date",
                ...problem('already-in-team'),
              }
            : { message: 'the member is in no team on that date', ...problem('in-no-team') }),
        },
      ]),
    );

  const policy = await loadPolicy(deps);
  const bridge = bridgingOfficeFrom(
    input.memberId,
    input.toTeamId ?? '',
    snap.memberships.map(toMembership),
    snap.shifts,
    input.effectiveDate,
    policy.exposureWindowDays,
    snap.today,
  );
  let officeFrom: string | null = null;
  if (input.toTeamId !== null) {
    officeFrom = bridge.officeFrom;
    if (input.officeFrom !== undefined) {
      if (input.officeFrom < bridge.officeFrom) {
        return err(
          invalid('That would join two cohorts.', [
            {
              path: '/officeFrom',
              message: `is too early: the member was in the office with their old team on ${bridge.lastOfficeDay}; the earliest safe day is ${bridge.officeFrom} (${policy.exposureWindowDays}-day exposure window)`,
              ...problem('bridging', {
                lastOfficeDay: bridge.lastOfficeDay ?? '',
                officeFrom: bridge.officeFrom,
                days: policy.exposureWindowDays,
              }),
            },
          ]),
        );
      }
      officeFrom = input.officeFrom;
    }
  }

  const at = deps.now().toISOString();
  const writes = [];
  if (current) {
    // A membership that starts that very day is replaced; an older one ends the day before.
    writes.push(
      current.fromDate === input.effectiveDate
        ? deleteMembershipQuery(deps.db, current.id)
        : closeMembershipQuery(deps.db, current.id, addDays(input.effectiveDate, -1), snap.today),
    );
  }
  if (input.toTeamId !== null) {
    writes.push(
      ...insertMembershipsQueries(
        deps.db,
        [
          {
            id: deps.newId(),
            rotationId,
            teamId: input.toTeamId,
            memberId: input.memberId,
            fromDate: input.effectiveDate,
            toDate: null,
            officeFrom: officeFrom!,
          },
        ],
        at,
      ),
    );
  }
  // A published rotation's moved member hears of their new days at once (a draft's are not public).
  if (input.toTeamId !== null && officeFrom && member?.active && r.status === 'published') {
    // Each of the new team's office days once, from its first slot's start to its last's end.
    const byDate = new Map<string, { date: string; start: string; end: string }>();
    for (const s of snap.shifts) {
      if (s.status !== 'scheduled' || s.teamId !== input.toTeamId) continue;
      if (s.date < officeFrom || s.date < snap.today) continue;
      const d = byDate.get(s.date);
      if (!d) byDate.set(s.date, { date: s.date, start: s.start, end: s.end });
      else {
        if (s.start < d.start) d.start = s.start;
        if (s.end > d.end) d.end = s.end;
      }
    }
    const officeDays = [...byDate.values()]
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .slice(0, MOVE_NOTICE_DAYS);
    writes.push(
      ...moveNoticeQueries(
        deps,
        snap.department,
        {
          department: snap.department,
          rotationId,
          person: { id: member.id, name: member.name, email: member.email },
          teamLabel: snap.teams.find((t) => t.id === input.toTeamId)?.label ?? '?',
          effectiveDate: input.effectiveDate,
          officeFrom,
          officeDays,
        },
        at,
      ),
    );
  }
  const outcome: MoveOutcome = {
    memberId: input.memberId,
    fromTeamId: current?.teamId ?? null,
    toTeamId: input.toTeamId,
    effectiveDate: input.effectiveDate,
    lastOfficeDayWithOldTeam: bridge.lastOfficeDay,
    officeFrom,
    version: ifMatch + 1,
  };
  try {
    await deps.atomic([
      bumpVersionQuery(deps.db, rotationId, ifMatch, { updatedAt: at }),
      bumpDataVersionQuery(deps.db, r.departmentId),
      ...writes,
      auditEntry(
        deps,
        actor,
        at,
        input.toTeamId === null
          ? 'rotation.member-leave'
          : current
            ? 'rotation.member-move'
            : 'rotation.member-place',
        { type: 'rotation', id: rotationId },
        { ...outcome },
      ),
    ]);
  } catch (e) {
    if (isVersionConflict(e)) return err(staleVersion());
    throw e;
  }
  return ok(outcome);
}
