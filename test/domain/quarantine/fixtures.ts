import type { Quarantine, SwapContext, SwapRecord } from '../../../src/domain/quarantine/index.ts';
import type { ShiftRecord, TeamRef } from '../../../src/domain/rotation/index.ts';

/** Teams whose ids are their labels, so that a table reads as the rule. */
export const teams = (...labels: string[]): TeamRef[] => labels.map((l) => ({ id: l, label: l }));

const SLOTS = [
  { start: '08:30', end: '17:15' },
  { start: '08:00', end: '12:00' },
  { start: '12:15', end: '17:00' },
];

/**
 * A shift written as `team date`, e.g. shift('a1', 'A', '2027-03-01'); `morning` and `afternoon`
 * are two slots of one day 15 minutes apart, `day` the default single slot.
 */
export function shift(
  id: string,
  teamId: string,
  date: string,
  opts: { slot?: 'day' | 'morning' | 'afternoon'; cancelled?: boolean } = {},
): ShiftRecord {
  const slot = opts.slot === 'afternoon' ? 1 : 0;
  const times = SLOTS[opts.slot === 'morning' ? 1 : opts.slot === 'afternoon' ? 2 : 0]!;
  return {
    id,
    teamId,
    date,
    slot,
    ...times,
    status: opts.cancelled ? 'cancelled' : 'scheduled',
    sequence: 0,
  };
}

/** A swap of `cancelledShiftId` to `coveringShiftId` (null: nobody could take it). */
export function swap(
  id: string,
  quarantineId: string,
  date: string,
  cancelledShiftId: string,
  coveringShiftId: string | null,
  more: Partial<SwapRecord> = {},
): SwapRecord {
  return {
    id,
    quarantineId,
    date,
    slot: 0,
    fromTeamId: '?',
    toTeamId: coveringShiftId ? '?' : null,
    cancelledShiftId,
    coveringShiftId,
    handedBackAt: null,
    ...more,
  };
}

/** A team quarantine of rotation R, in force from its start. */
export function quarantine(
  id: string,
  teamId: string,
  startDate: string,
  endDate: string,
  more: Partial<Quarantine> = {},
): Quarantine {
  return {
    id,
    departmentId: 'D',
    subject: 'team',
    teamId,
    memberId: null,
    rotationId: 'R',
    startDate,
    endDate,
    effectiveFrom: startDate,
    liftedAt: null,
    liftedFrom: null,
    ...more,
  };
}

/** A swap context over teams A, B and C, no separation, no handover gap, today 1 March 2027. */
export function context(more: Partial<SwapContext> = {}): SwapContext {
  return {
    teams: teams('A', 'B', 'C'),
    shifts: [],
    outages: [],
    returnSeparationDays: 0,
    handoverMinutes: 0,
    today: '2027-03-01',
    ...more,
  };
}

/** An outage of `teamId` from..to, from quarantine `q<teamId>` unless named. */
export const out = (teamId: string, from: string, to: string, quarantineId = `q${teamId}`) => ({
  quarantineId,
  teamId,
  from,
  to,
});
