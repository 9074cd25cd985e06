import type { CompiledQuery, Kysely } from 'kysely';
import type { DB, DepartmentReservationRow, OrgSettingsRow } from '../schema.ts';

/** The organisation's settings row, or undefined while no admin has set anything. */
export function findOrgSettings(db: Kysely<DB>): Promise<OrgSettingsRow | undefined> {
  return db.selectFrom('org_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Every department's reservation, by department id. */
export function listReservations(db: Kysely<DB>): Promise<DepartmentReservationRow[]> {
  return db.selectFrom('department_reservations').selectAll().orderBy('department_id').execute();
}

/** Writes the organisation's capacity (the one row, created on first write). */
export function upsertOrgSettingsQuery(db: Kysely<DB>, row: Omit<OrgSettingsRow, 'id'>): CompiledQuery {
  return db
    .insertInto('org_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .compile();
}

/** Sets (replaces) one department's reservation. */
export function upsertReservationQuery(db: Kysely<DB>, row: DepartmentReservationRow): CompiledQuery {
  const { department_id: _id, ...set } = row;
  return db
    .insertInto('department_reservations')
    .values(row)
    .onConflict((oc) => oc.column('department_id').doUpdateSet(set))
    .compile();
}

export function deleteReservationQuery(db: Kysely<DB>, departmentId: string): CompiledQuery {
  return db.deleteFrom('department_reservations').where('department_id', '=', departmentId).compile();
}
