import {
  capacityDays,
  type Capacity,
  demandGrid,
  demandRange,
  scheduledDemand,
  type DemandGrid,
  checkSurvivability,
} from '../../domain/capacity/index.ts';
import { maxDate, minDate } from '../../domain/calendar/index.ts';
import { spread } from '../../domain/collections.ts';
import type { Policy, StandbyLookup } from '../../domain/quarantine/index.ts';
import { coversDate, toMembership, toTeamRef } from '../../domain/rotation/index.ts';
import { explainInWords, explainTeams } from '../../domain/split/index.ts';
import type { RosterMember } from '../../db/repos/members.ts';
import { asSplitMember } from './plan.ts';
import { etagOf, type RotationSnapshot } from './snapshot.ts';
import { needsOf } from '../capacity/index.ts';

/** What remote demand needs besides the rotation: who is in standby, and the department's capacity. */
export interface RemoteContext {
  standby: StandbyLookup;
  capacity: Capacity;
  /** The organisation's policy, read with the capacity. */
  policy: Policy;
}

/** The rotation's remote demand grid over its whole span: its active members who need a thin-client seat or a loan PC. */
export function rotationDemandGrid(
  snap: RotationSnapshot,
  members: readonly RosterMember[],
  standby: StandbyLookup,
): DemandGrid {
  const needs = needsOf(members);
  const r = snap.rotation;
  return demandGrid(
    {
      calendar: snap.calendar,
      startDate: r.startDate,
      endDate: r.endDate,
      teamIds: snap.teams.map((t) => t.id),
      memberships: snap.memberships.map(toMembership),
      office: snap.shifts
        .filter((s) => s.status === 'scheduled')
        .map((s) => ({ teamId: s.teamId, date: s.date })),
    },
    { from: r.startDate, to: r.endDate },
    (id) => needs.get(id) ?? null,
    standby,
  );
}

/** The survivability answer for a rotation as it stands (with remote capacity when a demand grid is given). */
export function survivabilityOf(
  snap: RotationSnapshot,
  policy: Policy,
  remote?: { grid: DemandGrid; capacity: Capacity },
) {
  return checkSurvivability({
    teams: snap.teams.map(toTeamRef),
    shifts: snap.shifts,
    startDate: snap.rotation.startDate,
    endDate: snap.rotation.endDate,
    outageDays: policy.quarantineDays,
    returnSeparationDays: policy.returnSeparationDays,
    handoverMinutes: snap.pattern.handoverMinutes ?? 0,
    ...(remote ? { remote } : {}),
  });
}

/** Remote demand of the plan as scheduled: its range over the working days, the days short, and the peak with each team in the office. */
function remoteDemandReport(snap: RotationSnapshot, grid: DemandGrid, capacity: Capacity) {
  const daily = scheduledDemand(grid);
  const { summary } = capacityDays(grid.dates, (i) => daily[i]!, capacity);
  const range = demandRange(daily);
  return {
    capacity,
    peak: range.peak,
    least: range.least,
    spread: range.spread,
    daysShort: summary.daysShort,
    firstShortageDate: summary.firstShortageDate,
    // With this team in the office, everyone else (and whoever the bridging rule keeps out) works remotely.
    byOfficeTeam: snap.teams.map((t, ti) => {
      const days = daily.filter((_, i) => grid.officeTeams[i]!.includes(ti));
      return {
        teamId: t.id,
        label: t.label,
        officeDays: days.length,
        peak: demandRange(days).peak,
      };
    }),
  };
}

/** A rotation as the API shows it: teams as of today (or its start), every membership, and the report. */
export function rotationView(
  snap: RotationSnapshot,
  members: readonly RosterMember[],
  remote: RemoteContext,
) {
  const r = snap.rotation;
  const asOf = minDate(maxDate(snap.today, r.startDate), r.endDate);
  const memberships = snap.memberships.map(toMembership);
  const teams = snap.teams.map((t) => ({
    id: t.id,
    label: t.label,
    memberIds: memberships
      .filter((m) => m.teamId === t.id && coversDate(m, asOf))
      .map((m) => m.memberId),
  }));
  const byId = new Map(members.map((m) => [m.id, m]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const explanations = explainTeams(
    members.map(asSplitMember),
    teams.map((t) => ({ label: t.label, memberIds: t.memberIds })),
    snap.constraints,
  );
  const scheduled = snap.shifts.filter((s) => s.status === 'scheduled');
  const officeDays = (teamId: string) =>
    new Set(scheduled.filter((s) => s.teamId === teamId).map((s) => s.date)).size;
  const grid = rotationDemandGrid(snap, members, remote.standby);
  const survivability = survivabilityOf(snap, remote.policy, { grid, capacity: remote.capacity });
  const remoteDemand = remoteDemandReport(snap, grid, remote.capacity);
  const bufferDates = r.bufferDates;

  return {
    id: r.id,
    departmentId: r.departmentId,
    name: r.name,
    startDate: r.startDate,
    endDate: r.endDate,
    teamCount: r.teamCount,
    seed: r.seed,
    pattern: snap.pattern,
    constraints: snap.constraints,
    status: r.status,
    version: r.version,
    etag: etagOf(r.version),
    publishedAt: r.publishedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    teams,
    memberships: memberships.map((m) => ({ ...m })),
    report: {
      asOf,
      teams: teams.map((t, i) => {
        const e = explanations[i]!;
        return {
          teamId: t.id,
          label: t.label,
          size: e.size,
          officeDays: officeDays(t.id),
          explanation: e,
          why: explainInWords(e, nameOf),
        };
      }),
      balance: {
        sizeSpread: spread(explanations.map((e) => e.size)),
        thinClientSpread: spread(explanations.map((e) => e.remote.thinClient)),
        loanPcSpread: spread(explanations.map((e) => e.remote.loanPc)),
        officeDaysSpread: spread(teams.map((t) => officeDays(t.id))),
        // The split's soft goal, measured: how much the daily remote demand varies over the working days.
        thinClientDemandSpread: remoteDemand.spread.thinClient,
        loanPcDemandSpread: remoteDemand.spread.loanPc,
      },
      remoteDemand,
      days: { office: new Set(scheduled.map((s) => s.date)).size, buffer: bufferDates.length },
      bufferDates: [...bufferDates].sort(),
      survivability: {
        survives: survivability.survives,
        worst: survivability.worst,
        remote: survivability.remote!,
      },
    },
  };
}
export type RotationView = ReturnType<typeof rotationView>;
