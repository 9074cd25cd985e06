import type { CompiledQuery, Kysely } from 'kysely';
import { insertRowsQueries } from '../chunks.ts';
import type { DB, ShiftRow } from '../schema.ts';
import type { ShiftRecord } from '../../domain/rotation/index.ts';

/** A shift row as stored, read. */
export const shiftFromRow = (s: ShiftRow): ShiftRecord => ({
  id: s.id,
  teamId: s.team_id,
  date: s.date,
  slot: s.slot,
  start: s.start_time,
  end: s.end_time,
  status: s.status,
  sequence: s.sequence,
});

/** Stores new shifts of a rotation, made at `at` (a cover says so in its reason). */
export function insertShiftRecordsQueries(
  db: Kysely<DB>,
  rotationId: string,
  shifts: readonly ShiftRecord[],
  at: string,
  reason: string | null = null,
): CompiledQuery[] {
  const rows = shifts.map((s) => ({
    id: s.id,
    rotation_id: rotationId,
    team_id: s.teamId,
    date: s.date,
    slot: s.slot,
    start_time: s.start,
    end_time: s.end,
    status: s.status,
    sequence: s.sequence,
    reason,
    created_at: at,
    updated_at: at,
  }));
  return insertRowsQueries(db, 'shifts', rows);
}

/** Drops a draft's shifts before `date` (days that passed while it was a draft were never worked). */
export function deleteShiftsBeforeQuery(
  db: Kysely<DB>,
  rotationId: string,
  date: string,
): CompiledQuery {
  return db
    .deleteFrom('shifts')
    .where('rotation_id', '=', rotationId)
    .where('date', '<', date)
    .compile();
}
