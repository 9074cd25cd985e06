import type { CompiledQuery, Kysely } from 'kysely';
import { fromJson, toJson } from '../json.ts';
import type { DB, OverrideRow } from '../schema.ts';
import type { OverrideRecord } from '../../domain/override/index.ts';
import type { IsoDate } from '../../domain/types.ts';

const overrideFromRow = (r: OverrideRow): OverrideRecord => ({
  id: r.id,
  rotationId: r.rotation_id,
  departmentId: r.department_id,
  kind: r.kind,
  dates: fromJson(r.dates),
  teamId: r.team_id,
  slot: r.slot,
  reason: r.reason,
  cancelledShiftIds: fromJson(r.cancelled_shift_ids),
  addedShiftIds: fromJson(r.added_shift_ids),
  version: r.rotation_version,
  createdBy: r.created_by,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
  undoneBy: r.undone_by,
});

/**
 * A rotation's overrides, oldest first; with a range, those touching a day in [from, to]
 * (a swap touches two days); `inForce` leaves out the undone ones.
 */
export async function rotationOverrides(
  db: Kysely<DB>,
  rotationId: string,
  opts: { from?: IsoDate; to?: IsoDate; inForce?: boolean } = {},
): Promise<OverrideRecord[]> {
  let q = db.selectFrom('overrides').selectAll().where('rotation_id', '=', rotationId);
  if (opts.inForce) q = q.where('undone_at', 'is', null);
  const rows = await q.orderBy('rotation_version').execute();
  const all = rows.map(overrideFromRow);
  const { from, to } = opts;
  if (!from && !to) return all;
  return all.filter((o) => o.dates.some((d) => (!from || d >= from) && (!to || d <= to)));
}

/** One override by id, or undefined. */
export async function overrideById(
  db: Kysely<DB>,
  id: string,
): Promise<OverrideRecord | undefined> {
  const row = await db.selectFrom('overrides').selectAll().where('id', '=', id).executeTakeFirst();
  return row && overrideFromRow(row);
}

/** Stores a new override. */
export function insertOverrideQuery(db: Kysely<DB>, o: OverrideRecord): CompiledQuery {
  return db
    .insertInto('overrides')
    .values({
      id: o.id,
      rotation_id: o.rotationId,
      department_id: o.departmentId,
      kind: o.kind,
      dates: toJson(o.dates),
      team_id: o.teamId,
      slot: o.slot,
      reason: o.reason,
      cancelled_shift_ids: toJson(o.cancelledShiftIds),
      added_shift_ids: toJson(o.addedShiftIds),
      first_date: [...o.dates].sort()[0]!,
      rotation_version: o.version,
      created_by: o.createdBy,
      created_at: o.createdAt,
      undone_at: o.undoneAt,
      undone_by: o.undoneBy,
    })
    .compile();
}

/** Marks an override undone, by whom and when. */
export function undoOverrideQuery(
  db: Kysely<DB>,
  id: string,
  by: string,
  at: string,
): CompiledQuery {
  return db
    .updateTable('overrides')
    .set({ undone_at: at, undone_by: by })
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .compile();
}
