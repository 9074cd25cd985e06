import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { DB, DepartmentReservationRow, OrgSettingsRow } from '../schema.ts';
import type { CapacitySettings } from '../../domain/capacity/index.ts';
import type { Policy } from '../../domain/policy.ts';

/** The organisation's settings row, or undefined while no admin has set anything. */
export function findOrgSettings(db: Kysely<DB>): Promise<OrgSettingsRow | undefined> {
  return db.selectFrom('org_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Every department's reservation, by department id. */
export function listReservations(db: Kysely<DB>): Promise<DepartmentReservationRow[]> {
  return db.selectFrom('department_reservations').selectAll().orderBy('department_id').execute();
}

/**
 * Changes the organisation's settings row (created on first write): only the columns given, and
 * the policy by a JSON merge patch (a field set to null is removed), so that two admins changing
 * different settings at once both keep their change.
 */
export function upsertOrgSettingsQuery(
  db: Kysely<DB>,
  change: {
    thin_client_seats?: number | null;
    loan_pcs?: number | null;
    policyPatch?: Record<string, unknown>;
    updated_at: string;
    updated_by: string;
  },
): CompiledQuery {
  const { policyPatch, ...columns } = change;
  const patch = policyPatch ? JSON.stringify(policyPatch) : null;
  const merged = (current: RawBuilder<string | null> | null) =>
    sql<string | null>`nullif(json_patch(coalesce(${current ?? sql`null`}, '{}'), ${patch}), '{}')`;
  return db
    .insertInto('org_settings')
    .values({
      id: 1,
      thin_client_seats: null,
      loan_pcs: null,
      ...columns,
      policy: patch ? merged(null) : null,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        ...columns,
        ...(patch ? { policy: merged(sql`org_settings.policy`) } : {}),
      }),
    )
    .compile();
}

/** Sets (replaces) one department's reservation. */
export function upsertReservationQuery(
  db: Kysely<DB>,
  row: DepartmentReservationRow,
): CompiledQuery {
  const { department_id: _id, ...set } = row;
  return db
    .insertInto('department_reservations')
    .values(row)
    .onConflict((oc) => oc.column('department_id').doUpdateSet(set))
    .compile();
}

export function deleteReservationQuery(db: Kysely<DB>, departmentId: string): CompiledQuery {
  return db
    .deleteFrom('department_reservations')
    .where('department_id', '=', departmentId)
    .compile();
}

/** Capacity settings from the settings row and the reservations as read. */
export function capacitySettingsOf(
  row: OrgSettingsRow | undefined,
  reservations: DepartmentReservationRow[],
): CapacitySettings & { updatedAt: string | null } {
  return {
    thinClientSeats: row?.thin_client_seats ?? null,
    loanPcs: row?.loan_pcs ?? null,
    reservations: reservations.map((r) => ({
      departmentId: r.department_id,
      thinClientSeats: r.thin_client_seats,
      loanPcs: r.loan_pcs,
    })),
    updatedAt: row?.updated_at ?? null,
  };
}

/** The stored overrides (none while no admin has set any). */
export function policyOverrides(json: string | null | undefined): PolicyOverrides {
  return json ? (JSON.parse(json) as PolicyOverrides) : {};
}

/** The policy fields an admin has set; the rest are the design's defaults. */
export type PolicyOverrides = Partial<Policy>;
