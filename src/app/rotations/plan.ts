import { dateRangeIssue } from '../../domain/calendar/index.ts';
import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import {
  planShifts,
  type MembershipRecord,
  type Pattern,
  type ShiftPlan,
  type ShiftRecord,
  type Team,
} from '../../domain/rotation/index.ts';
import { splitTeams, teamLabels, type Split, type SplitIssue } from '../../domain/split/index.ts';
import type { CompiledQuery } from 'kysely';
import type { DepartmentCalendar, IsoDate, Member, SplitMember } from '../../domain/types.ts';
import { departmentRoster } from '../../db/repos/members.ts';
import { insertMembershipsQueries } from '../../db/repos/memberships.ts';
import { insertShiftRecordsQueries } from '../../db/repos/shifts.ts';
import { insertTeamsQueries } from '../../db/repos/rotations.ts';
import type { Deps } from '../deps.ts';
import { invalid, type Failure, type FieldError } from '../failure.ts';
import type { RotationConstraints } from './snapshot.ts';

/** What a chief asks for when creating (or regenerating) a rotation. */
export interface RotationRequest {
  name?: string;
  startDate: IsoDate;
  endDate: IsoDate;
  teamCount: number;
  seed?: number;
  pattern: Pattern;
  constraints?: RotationConstraints;
}

/** A rotation may plan at most this many days ahead in one go. */
export const MAX_ROTATION_DAYS = 731;

/** A member as the split sees it. */
export const asSplitMember = (
  m: Pick<Member, 'id' | 'name' | 'skills' | 'position' | 'remoteAccess'>,
): SplitMember => ({
  id: m.id,
  name: m.name,
  skills: m.skills,
  position: m.position,
  remoteAccess: m.remoteAccess,
});

/** The department's active members as the split sees them. */
export async function splitMembers(deps: Deps, departmentId: string): Promise<SplitMember[]> {
  // In no order and by their split columns: the split sorts them by id.
  return (await departmentRoster(deps.db, departmentId)).filter((m) => m.active).map(asSplitMember);
}

// Split issues point into the split options; in the API they live under /constraints.
const splitPath = (p: string): string =>
  p === '' || p.startsWith('/teamCount') || p.startsWith('/seed') ? p : `/constraints${p}`;
// Pattern issues point into the plan input; teamLabels come from teamCount.
const planPath = (p: string): string =>
  p.startsWith('/teamLabels')
    ? '/teamCount'
    : p.startsWith('/calendar')
      ? `/department${p.slice('/calendar'.length)}`
      : p;

/** A reason's values with the members it names given by name (several joined by a comma). */
const named = (
  params: Record<string, string | number>,
  members: Record<string, string[]>,
  nameOf: (id: string) => string,
): Record<string, string | number> => ({
  ...params,
  ...Object.fromEntries(Object.entries(members).map(([k, ids]) => [k, ids.map(nameOf).join(', ')])),
});

const splitErrors = (issues: SplitIssue[], nameOf: (id: string) => string): FieldError[] =>
  issues.flatMap((i) =>
    (i.paths.length ? i.paths : ['']).map((p) => ({
      path: splitPath(p),
      message: i.reason,
      code: i.code,
      params: named(i.params, i.members, nameOf),
    })),
  );

/** Decides teams and office days for a request: the split and the plan, or every reason it fails. */
export function decideRotation(
  req: RotationRequest,
  members: SplitMember[],
  calendar: DepartmentCalendar,
  today: IsoDate,
): Result<{ split: Split; plan: ShiftPlan }, Failure> {
  const dateErrors: FieldError[] = [];
  if (req.startDate < today)
    dateErrors.push({
      path: '/startDate',
      message: `is before today (${today}); past days are history`,
      ...problem('past-date', { today }),
    });
  const span = dateRangeIssue(req.startDate, req.endDate, MAX_ROTATION_DAYS - 1);
  if (span === 'empty')
    dateErrors.push({
      path: '/endDate',
      message: 'is before startDate',
      ...problem('end-before-start', { start: req.startDate }),
    });
  else if (span === 'too-long')
    dateErrors.push({
      path: '/endDate',
      message: `a rotation spans at most ${MAX_ROTATION_DAYS} days`,
      ...problem('rotation-too-long', { days: MAX_ROTATION_DAYS }),
    });
  if (dateErrors.length) return err(invalid('The rotation dates are not valid.', dateErrors));

  const names = new Map(members.map((m) => [m.id, m.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const split = splitTeams(members, {
    teamCount: req.teamCount,
    seed: req.seed ?? 0,
    ...req.constraints,
  });
  const labels = split.ok ? split.value.teams.map((t) => t.label) : teamLabels(req.teamCount);
  const plan = planShifts({
    calendar,
    startDate: req.startDate,
    endDate: req.endDate,
    teamLabels: labels,
    pattern: req.pattern,
  });
  const errors = [
    ...(split.ok ? [] : splitErrors(split.error.issues, nameOf)),
    ...(plan.ok
      ? []
      : plan.error.issues.map((i) => ({
          path: planPath(i.path),
          message: i.reason,
          code: i.code,
          ...(i.params ? { params: i.params } : {}),
        }))),
  ];
  if (!split.ok || !plan.ok)
    return err(
      invalid(
        'No rotation meets these constraints; each unmet one is listed.',
        errors,
        problem('rotation-unsatisfiable'),
      ),
    );
  return ok({ split: split.value, plan: plan.value });
}

/** The teams, first memberships and scheduled shifts of a decided rotation. */
export interface PlannedRotation {
  teams: Team[];
  memberships: MembershipRecord[];
  shifts: ShiftRecord[];
}

/** Gives a decided rotation's teams, memberships and shifts their ids. */
export function plannedRotation(
  deps: Deps,
  rotation: { id: string; startDate: IsoDate },
  decided: { split: Split; plan: ShiftPlan },
): PlannedRotation {
  const teams = decided.split.teams.map((t, i): Team => ({
    id: deps.newId(),
    rotationId: rotation.id,
    label: t.label,
    ordinal: i,
  }));
  const teamId = new Map(teams.map((t) => [t.label, t.id]));
  const memberships = decided.split.teams.flatMap((t) =>
    t.memberIds.map((memberId): MembershipRecord => ({
      id: deps.newId(),
      rotationId: rotation.id,
      teamId: teamId.get(t.label)!,
      memberId,
      fromDate: rotation.startDate,
      toDate: null,
      officeFrom: rotation.startDate,
    })),
  );
  const shifts = decided.plan.shifts.map((s): ShiftRecord => ({
    id: deps.newId(),
    teamId: teamId.get(s.teamLabel)!,
    date: s.date,
    slot: s.slot,
    start: s.start,
    end: s.end,
    status: 'scheduled',
    sequence: 0,
  }));
  return { teams, memberships, shifts };
}

/** The inserts of a planned rotation's teams, memberships and shifts, made at `at`. */
export function plannedWrites(
  deps: Deps,
  rotationId: string,
  planned: PlannedRotation,
  at: string,
): CompiledQuery[] {
  return [
    ...insertTeamsQueries(deps.db, planned.teams),
    ...insertMembershipsQueries(deps.db, planned.memberships, at),
    ...insertShiftRecordsQueries(deps.db, rotationId, planned.shifts, at),
  ];
}
