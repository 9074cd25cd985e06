import { problem, type ProblemParams } from '../../domain/problems/index.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { memberById } from '../../db/repos/members.ts';
import { quarantinesIn, windowsOf } from '../../db/repos/quarantines.ts';
import {
  publishedRotations,
  rotationById,
  rotationMemberships,
  rotationShifts,
  teamById,
} from '../../db/repos/rotations.ts';
import { addDays, dateInZone, maxDate } from '../../domain/calendar/index.ts';
import {
  type Policy,
  type QuarantineRecord,
  coveringQuarantine,
  exposures,
  newDays,
  standbyLookup,
} from '../../domain/quarantine/index.ts';
import type { MembershipRecord } from '../../domain/rotation/index.ts';
import type { Department } from '../../domain/types.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Deps } from '../deps.ts';
import { invalid, type Failure } from '../failure.ts';
import { loadPolicy } from '../settings/index.ts';
import { followingTeams } from './follow.ts';

/** What a quarantine request names: a team, a member, or a positive case and its onset. */
export interface QuarantineRequest {
  teamId?: string;
  memberId?: string;
  positiveMemberId?: string;
  onsetDate?: string;
  startDate?: string;
  endDate?: string;
  reason?: string;
}

/** Someone to keep home over [start, end]. */
export interface Target {
  subject: 'team' | 'member';
  teamId: string | null;
  memberId: string | null;
  rotationId: string | null;
  start: string;
  end: string;
}

/** Who a request keeps home, in its department as read now. */
export interface Targets {
  department: Department;
  today: string;
  /** The department's quarantines before this request. */
  existing: QuarantineRecord[];
  /** As named, then the teams of other rotations that follow from a team quarantine: the days not yet marked. */
  targets: Target[];
  /** When the request adds no day: the quarantine that already keeps its subject home. */
  unchanged: QuarantineRecord | null;
  /** The memberships of the rotations read to find the following teams, by rotation. */
  memberships: ReadonlyMap<string, MembershipRecord[]>;
}

/** A refused quarantine request, naming the field. */
export const badRequest = (
  path: string,
  message: string,
  about: { code: string; params: ProblemParams },
): Failure => invalid('The quarantine request is not valid.', [{ path, message, ...about }]);

const team = (teamId: string, rotationId: string, start: string, end: string): Target => ({
  subject: 'team',
  teamId,
  memberId: null,
  rotationId,
  start,
  end,
});
const member = (memberId: string, start: string, end: string): Target => ({
  subject: 'member',
  teamId: null,
  memberId,
  rotationId: null,
  start,
  end,
});

/** Reads who is to stay home, from what the request names, and everyone that follows from it. */
export async function loadTargets(
  deps: Deps,
  req: QuarantineRequest,
  policy: Policy,
): Promise<Result<Targets, Failure>> {
  const endOf = (start: string) => addDays(start, policy.quarantineDays - 1);
  const named = await namedSubject(deps, req);
  if (!named.ok) return named;
  const { department } = named.value;
  const today = dateInZone(deps.now(), department.timezone);
  const existing = await quarantinesIn(deps.db, department.id);
  let targets: Target[];
  if (named.value.teamId) {
    const start = req.startDate!;
    targets = [
      team(named.value.teamId, named.value.rotationId!, start, req.endDate ?? endOf(start)),
    ];
  } else if (req.memberId) {
    targets = [member(req.memberId, req.startDate!, req.endDate ?? endOf(req.startDate!))];
  } else {
    // A positive case: the person stays home from onset; every team they shared the office with
    // since the lookback before onset stays home from today until the window after the last shared day.
    const onset = req.onsetDate!;
    if (onset > today)
      return err(
        badRequest('/onsetDate', `is after today (${today})`, problem('after-today', { today })),
      );
    const memberId = req.positiveMemberId!;
    const from = addDays(onset, -policy.exposureLookbackDays);
    const found = await exposureOf(deps, department, memberId, from, today, {
      scope: policy.exposureScope,
      quarantines: existing,
    });
    const last = new Map<string, string>();
    for (const d of found.days)
      for (const t of d.teamIds) last.set(t, maxDate(last.get(t) ?? d.date, d.date));
    targets = [
      member(memberId, onset, endOf(onset)),
      ...[...last]
        .sort()
        .map(([teamId, lastDay]) =>
          team(teamId, found.rotationOf.get(teamId)!, today, maxDate(today, endOf(lastDay))),
        ),
    ];
  }
  const teams = targets.flatMap((t) =>
    t.subject === 'team'
      ? [{ teamId: t.teamId!, rotationId: t.rotationId!, start: t.start, end: t.end }]
      : [],
  );
  const following = await followingTeams(deps, department.id, teams);
  const all = [
    ...targets,
    ...following.teams.map((f) => team(f.teamId, f.rotationId, f.start, f.end)),
  ];
  // Marked again (another key, a resent form, a second HR desk): only days not yet marked count.
  const fresh = all.flatMap((t) => newDays(t, existing).map((d) => ({ ...t, ...d })));
  return ok({
    department,
    today,
    existing,
    targets: fresh,
    unchanged: fresh.length ? null : (coveringQuarantine(targets[0]!, existing) ?? null),
    memberships: following.memberships,
  });
}

/** The team (published) or member the request names, and its department. */
async function namedSubject(
  deps: Deps,
  req: QuarantineRequest,
): Promise<Result<{ department: Department; teamId?: string; rotationId?: string }, Failure>> {
  if (req.teamId) {
    const found = await teamById(deps.db, req.teamId);
    if (!found) return err(badRequest('/teamId', 'no team with this id', problem('no-such-id')));
    const rotation = (await rotationById(deps.db, found.rotationId))!;
    if (rotation.status !== 'published')
      return err(
        badRequest(
          '/teamId',
          'is a team of a draft rotation; only a published rotation is worked to',
          problem('draft-team'),
        ),
      );
    const department = (await departmentById(deps.db, rotation.departmentId))!;
    return ok({ department, teamId: found.id, rotationId: rotation.id });
  }
  const memberId = req.memberId ?? req.positiveMemberId!;
  const found = await memberById(deps.db, memberId);
  if (!found)
    return err(
      badRequest(
        req.memberId ? '/memberId' : '/positiveMemberId',
        'no member with this id',
        problem('no-such-id'),
      ),
    );
  return ok({ department: (await departmentById(deps.db, found.departmentId))! });
}

/**
 * Office days of a member in [from, to] with who was there, across the department's published
 * rotations (a draft is a plan nobody works to, so nobody met anybody in it), and each team's
 * rotation. The exposure scope and the quarantines are read here unless the caller has them.
 */
export async function exposureOf(
  deps: Deps,
  department: Department,
  memberId: string,
  from: string,
  to: string,
  known?: { scope: Policy['exposureScope']; quarantines: QuarantineRecord[] },
) {
  const [scope, quarantines, published] = await Promise.all([
    known?.scope ?? loadPolicy(deps).then((p) => p.exposureScope),
    known?.quarantines ?? quarantinesIn(deps.db, department.id),
    publishedRotations(deps.db, department.id, from, to),
  ]);
  const [rotations, windows] = await Promise.all([
    Promise.all(
      published.map(async (r) => {
        const [memberships, shifts] = await Promise.all([
          rotationMemberships(deps.db, r.id),
          rotationShifts(deps.db, r.id, { from, to }),
        ]);
        return { id: r.id, memberships, shifts };
      }),
    ),
    windowsOf(deps.db, quarantines),
  ]);
  const rotationOf = new Map(
    rotations.flatMap((r) => r.memberships.map((m) => [m.teamId, r.id] as const)),
  );
  const standby = standbyLookup(windows);
  const found = exposures(
    {
      rotations: rotations.map((r) => ({ memberships: r.memberships, shifts: r.shifts })),
      memberOnStandby: standby.member,
      scope,
    },
    memberId,
    from,
    to,
  );
  return { ...found, rotationOf };
}
