import { quarantineOf } from '../../db/repos/quarantines.ts';
import type { QuarantineRow } from '../../db/schema.ts';
import { maxDate } from '../../domain/calendar/index.ts';
import { teamOutages as outagesIn, type TeamOutage } from '../../domain/quarantine/index.ts';

/** The team outages in force in a rotation, for the swap rule, from stored quarantines. */
export function teamOutages(rows: readonly QuarantineRow[], rotationId: string): TeamOutage[] {
  return outagesIn(rows.map(quarantineOf), rotationId);
}

/** A new quarantine row as marked by `markedBy` at `at`: in force from its start, or from today when entered late. */
export function newQuarantineRow(
  fields: Pick<
    QuarantineRow,
    | 'id'
    | 'department_id'
    | 'subject'
    | 'team_id'
    | 'member_id'
    | 'rotation_id'
    | 'start_date'
    | 'end_date'
    | 'reason'
    | 'positive_member_id'
    | 'onset_date'
    | 'request_id'
  >,
  today: string,
  markedBy: string,
  at: string,
): QuarantineRow {
  return {
    ...fields,
    effective_from: maxDate(fields.start_date, today),
    marked_by: markedBy,
    marked_at: at,
    lifted_at: null,
    lifted_from: null,
    lifted_by: null,
    capacity_effect: null,
  };
}
