import {
  standbyWindows,
  windowsOf,
  findIdempotencyKey,
  findQuarantine,
  insertIdempotencyKeyQuery,
  insertQuarantineQuery,
  isIdempotencyClash,
  listQuarantines,
} from '../../db/repos/quarantines.ts';
import {
  membershipOf,
  shiftOf,
  findRotation,
  findTeam,
  membershipsOf,
  publishedRotationsIn,
  shiftsOf,
} from '../../db/repos/rotations.ts';
import { addDays, dateInZone, daysBetween, maxDate, minDate } from '../../domain/calendar/index.ts';
import { exposures, standbyLookup } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';
import {
  bumpDataVersionQuery,
  findDepartment,
  isDataVersionConflict,
} from '../../db/repos/departments.ts';
import { findMember } from '../../db/repos/members.ts';
import type { CompiledQuery } from 'kysely';
import type { DepartmentRow, QuarantineRow, SwapRow } from '../../db/schema.ts';
import { isHrOrAdmin, type Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import { capacityEffect } from '../capacity/index.ts';
import type { Deps } from '../deps.ts';
import { hrOnly, invalid, notDates, planChanged, type Failure } from '../failure.ts';
import { loadPolicy } from '../settings/index.ts';
import { followingTeams } from './follow.ts';
import { swapWrites } from './swaps.ts';
import { newQuarantineRow } from './context.ts';
import { quarantineView, requestResponse } from './views.ts';
import { noticeDirectories, quarantineNotices } from './notify.ts';
import { hashSecret } from '../secrets.ts';

export interface QuarantineRequest {
  teamId?: string;
  memberId?: string;
  positiveMemberId?: string;
  onsetDate?: string;
  startDate?: string;
  endDate?: string;
  reason?: string;
}

interface Target {
  subject: 'team' | 'member';
  teamId: string | null;
  memberId: string | null;
  rotationId: string | null;
  start: string;
  end: string;
}

const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const bad = (path: string, message: string): Failure =>
  invalid('The quarantine request is not valid.', [{ path, message }]);

/** Who is to stay home, from what the request names: a team, a member, or a positive case and everyone exposed. */
async function targetsOf(
  deps: Deps,
  req: QuarantineRequest,
  days: number,
  lookback: number,
): Promise<Result<{ department: DepartmentRow; targets: Target[] }, Failure>> {
  const endOf = (start: string) => addDays(start, days - 1);
  if (req.teamId) {
    const team = await findTeam(deps.db, req.teamId);
    if (!team) return err(bad('/teamId', 'no team with this id'));
    const rotation = (await findRotation(deps.db, team.rotation_id))!;
    if (rotation.status !== 'published')
      return err(
        bad('/teamId', 'is a team of a draft rotation; only a published rotation is worked to'),
      );
    const department = (await findDepartment(deps.db, rotation.department_id))!;
    const start = req.startDate!;
    return ok({
      department,
      targets: [
        {
          subject: 'team',
          teamId: team.id,
          memberId: null,
          rotationId: rotation.id,
          start,
          end: req.endDate ?? endOf(start),
        },
      ],
    });
  }
  const memberId = req.memberId ?? req.positiveMemberId!;
  const member = await findMember(deps.db, memberId);
  if (!member)
    return err(bad(req.memberId ? '/memberId' : '/positiveMemberId', 'no member with this id'));
  const department = (await findDepartment(deps.db, member.department_id))!;
  if (req.memberId) {
    const start = req.startDate!;
    return ok({
      department,
      targets: [
        {
          subject: 'member',
          teamId: null,
          memberId,
          rotationId: null,
          start,
          end: req.endDate ?? endOf(start),
        },
      ],
    });
  }
  // A positive case: the person stays home from onset; every team they shared the office with since
  // the lookback before onset stays home from today until the window after the last shared day.
  const today = dateInZone(deps.now(), department.timezone);
  const onset = req.onsetDate!;
  if (onset > today) return err(bad('/onsetDate', `is after today (${today})`));
  const found = await exposureOf(deps, department, memberId, addDays(onset, -lookback), today);
  const targets: Target[] = [
    {
      subject: 'member',
      teamId: null,
      memberId,
      rotationId: null,
      start: onset,
      end: endOf(onset),
    },
  ];
  const last = new Map<string, string>();
  for (const d of found.days)
    for (const t of d.teamIds) last.set(t, maxDate(last.get(t) ?? d.date, d.date));
  for (const [teamId, lastDay] of [...last].sort()) {
    const team = (await findTeam(deps.db, teamId))!;
    targets.push({
      subject: 'team',
      teamId,
      memberId: null,
      rotationId: team.rotation_id,
      start: today,
      end: maxDate(today, endOf(lastDay)),
    });
  }
  return ok({ department, targets });
}

/** Office days of a member in [from, to] with who was there, across the department's rotations. */
export async function exposureOf(
  deps: Deps,
  department: DepartmentRow,
  memberId: string,
  from: string,
  to: string,
) {
  const policy = await loadPolicy(deps);
  // Published rotations only: a draft is a plan nobody works to, so nobody met anybody in it.
  const rotations = await Promise.all(
    (await publishedRotationsIn(deps.db, department.id, from, to)).map(async (r) => ({
      memberships: (await membershipsOf(deps.db, r.id)).map(membershipOf),
      shifts: (await shiftsOf(deps.db, r.id, { from, to })).map(shiftOf),
    })),
  );
  const standby = standbyLookup(await standbyWindows(deps.db, department.id));
  return exposures(
    { rotations, memberOnStandby: standby.member, scope: policy.exposureScope },
    memberId,
    from,
    to,
  );
}

/**
 * The decide step of marking a quarantine: the rows, the shift changes and swaps, and the capacity
 * effect, without writing anything (a preview shows this; markQuarantine persists it).
 */
/** The longest quarantine a request may mark (a year; the policy's default is 14 days). */
export const MAX_QUARANTINE_DAYS = 366;

async function decideQuarantine(deps: Deps, actor: Actor, req: QuarantineRequest) {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const badDates = notDates({
    '/startDate': req.startDate,
    '/endDate': req.endDate,
    '/onsetDate': req.onsetDate,
  });
  if (badDates.length) return err(invalid('The quarantine request is not valid.', badDates));
  if (req.startDate && req.endDate && req.endDate < req.startDate)
    return err(bad('/endDate', 'is before startDate'));
  if (
    req.startDate &&
    req.endDate &&
    daysBetween(req.startDate, req.endDate) >= MAX_QUARANTINE_DAYS
  )
    return err(bad('/endDate', `is more than ${MAX_QUARANTINE_DAYS} days from startDate`));
  const policy = await loadPolicy(deps);
  const found = await targetsOf(deps, req, policy.quarantineDays, policy.exposureLookbackDays);
  if (!found.ok) return found;
  const { department } = found.value;
  const teams = found.value.targets.flatMap((t) =>
    t.subject === 'team'
      ? [{ teamId: t.teamId!, rotationId: t.rotationId!, start: t.start, end: t.end }]
      : [],
  );
  const following = (await followingTeams(deps, department.id, teams)).map((f): Target => ({
    subject: 'team',
    teamId: f.teamId,
    memberId: null,
    rotationId: f.rotationId,
    start: f.start,
    end: f.end,
  }));
  const targets = [...found.value.targets, ...following];
  const today = dateInZone(deps.now(), department.timezone);
  const at = deps.now().toISOString();

  const rows: QuarantineRow[] = targets.map((t) =>
    newQuarantineRow(
      {
        id: deps.newId(),
        department_id: department.id,
        subject: t.subject,
        team_id: t.teamId,
        member_id: t.memberId,
        rotation_id: t.rotationId,
        start_date: t.start,
        end_date: t.end,
        reason: req.reason?.trim() || null,
        positive_member_id: req.positiveMemberId ?? null,
        onset_date: req.onsetDate ?? null,
        request_id: null,
      },
      today,
      actor.tokenId,
      at,
    ),
  );
  const requestId = rows[0]!.id;
  for (const r of rows) r.request_id = requestId;

  const shiftWrites: CompiledQuery[] = [];
  const existing = await listQuarantines(deps.db, department.id);
  const swaps: SwapRow[] = [];
  const shiftsAfter = new Map<string, ShiftRecord[]>();
  for (const rotationId of [
    ...new Set(rows.filter((r) => r.rotation_id).map((r) => r.rotation_id!)),
  ]) {
    const made = await swapWrites(
      deps,
      rotationId,
      existing,
      rows.filter((r) => r.rotation_id === rotationId),
      today,
      at,
      policy,
    );
    shiftWrites.push(...made.writes);
    swaps.push(...made.swaps);
    shiftsAfter.set(rotationId, made.shifts);
  }
  // What it does to remote capacity over its window, kept with the request so that a replay answers the same.
  const window = {
    from: rows.map((r) => r.effective_from).reduce(minDate),
    to: rows.map((r) => r.end_date).reduce(maxDate),
  };
  const effect = await capacityEffect(deps, department.id, window, {
    shifts: shiftsAfter,
    windows: await windowsOf(deps.db, rows),
  });
  rows[0]!.capacity_effect = JSON.stringify(effect);
  return ok({ department, today, at, rows, swaps, shiftWrites, effect });
}

/** What marking this quarantine would do (swaps, uncovered days, capacity effect), computed without writing. */
export async function previewQuarantine(deps: Deps, actor: Actor, req: QuarantineRequest) {
  const decided = await decideQuarantine(deps, actor, req);
  if (!decided.ok) return decided;
  const { rows, swaps, today, effect } = decided.value;
  const swapView = swaps.map((s) => ({
    date: s.date,
    slot: s.slot,
    fromTeamId: s.from_team_id,
    toTeamId: s.to_team_id,
    quarantineId: s.quarantine_id,
  }));
  return ok({
    quarantines: rows.map((r) => quarantineView(r, today)),
    swaps: swapView,
    uncovered: [...new Set(swapView.filter((s) => s.toTeamId === null).map((s) => s.date))].sort(),
    capacityEffect: effect,
  });
}

/**
 * Marks a team, a member, or a positive case (and everyone exposed) quarantined: the quarantine rows,
 * the cancelled and covering shifts and the swaps are written in one atomic batch with the audit
 * entry. The same Idempotency-Key answers with the same quarantine; with another body it is refused.
 */
export async function markQuarantine(
  deps: Deps,
  actor: Actor,
  req: QuarantineRequest,
  idempotencyKey?: string,
): Promise<Result<Awaited<ReturnType<typeof requestResponse>>, Failure>> {
  if (!isHrOrAdmin(actor)) return err(hrOnly());
  const requestHash = await hashSecret(stable(req));
  const replay = async (): Promise<Result<
    Awaited<ReturnType<typeof requestResponse>>,
    Failure
  > | null> => {
    if (!idempotencyKey) return null;
    const seen = await findIdempotencyKey(deps.db, idempotencyKey);
    if (!seen) return null;
    if (seen.request_hash !== requestHash) {
      return err(
        invalid('This Idempotency-Key was used with another request body.', [
          { path: 'Idempotency-Key', message: 'already used for a different quarantine request' },
        ]),
      );
    }
    const primary = (await findQuarantine(deps.db, seen.request_id))!;
    const dept = (await findDepartment(deps.db, primary.department_id))!;
    return ok(await requestResponse(deps, seen.request_id, dateInZone(deps.now(), dept.timezone)));
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const decided = await decideQuarantine(deps, actor, req);
  if (!decided.ok) return decided;
  const { department, today, at, rows, swaps, shiftWrites, effect } = decided.value;
  const requestId = rows[0]!.id;

  const writes: CompiledQuery[] = [];
  if (idempotencyKey)
    writes.push(insertIdempotencyKeyQuery(deps.db, idempotencyKey, requestHash, requestId, at));
  writes.push(...rows.map((r) => insertQuarantineQuery(deps.db, r)), ...shiftWrites);
  // Everyone affected is told, through the outbox, in the same atomic write; the chief hears of the capacity effect once, with the first.
  const directories = noticeDirectories(deps, department);
  for (const r of rows) {
    const moved = swaps
      .filter((s) => s.quarantine_id === r.id)
      .map((s) => ({ date: s.date, fromTeamId: s.from_team_id, toTeamId: s.to_team_id }));
    const capacity =
      r === rows[0] && effect.capacitySet
        ? { newShortageDates: effect.newShortageDates }
        : undefined;
    writes.push(
      ...(await quarantineNotices(deps, department, r, 'marked', moved, at, capacity, directories)),
    );
  }
  writes.push(
    // Decided on this version of the plan: if another change came first, nothing is written.
    bumpDataVersionQuery(deps.db, department.id, department.data_version),
    auditEntry(
      deps,
      actor,
      at,
      'quarantine.mark',
      { type: 'quarantine', id: requestId },
      {
        quarantines: rows.map((r) => ({
          id: r.id,
          subject: r.subject,
          teamId: r.team_id,
          memberId: r.member_id,
          startDate: r.start_date,
          endDate: r.end_date,
        })),
        reason: rows[0]!.reason,
        idempotencyKey: idempotencyKey ?? null,
        newShortageDates: effect.newShortageDates,
      },
    ),
  );
  try {
    await deps.atomic(writes);
  } catch (e) {
    // Another request with the same key won the race: answer as it did.
    if (isIdempotencyClash(e)) return (await replay())!;
    if (isDataVersionConflict(e)) return err(planChanged());
    throw e;
  }
  return ok(await requestResponse(deps, requestId, today));
}
