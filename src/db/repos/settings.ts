import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { engineOf } from '../engine.ts';
import { fromJson, type Json } from '../json.ts';
import type { DB, DepartmentReservationRow, OrgSettingsRow } from '../schema.ts';
import type { CapacitySettings } from '../../domain/capacity/index.ts';
import type { PolicyOverrides } from '../../domain/quarantine/index.ts';

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
    thinClientSeats?: number | null;
    loanPcs?: number | null;
    slackWebhookUrl?: string | null;
    teamsWebhookUrl?: string | null;
    policyPatch?: Record<string, unknown>;
    updatedAt: string;
    updatedBy: string;
  },
): CompiledQuery {
  const { policyPatch } = change;
  const columns = {
    ...(change.thinClientSeats !== undefined ? { thin_client_seats: change.thinClientSeats } : {}),
    ...(change.loanPcs !== undefined ? { loan_pcs: change.loanPcs } : {}),
    ...(change.slackWebhookUrl !== undefined ? { slack_webhook_url: change.slackWebhookUrl } : {}),
    ...(change.teamsWebhookUrl !== undefined ? { teams_webhook_url: change.teamsWebhookUrl } : {}),
    updated_at: change.updatedAt,
    updated_by: change.updatedBy,
  };
  const patch = policyPatch ? JSON.stringify(policyPatch) : null;
  // A JSON merge patch of a flat object: SQLite's json_patch; on PostgreSQL jsonb's || then the
  // nulls stripped, which is the same for an object of plain values.
  const merged = (current: RawBuilder<Json<PolicyOverrides> | null> | null) =>
    engineOf(db) === 'postgres'
      ? sql<Json<PolicyOverrides> | null>`nullif(jsonb_strip_nulls(coalesce(${current ?? sql`null`}::jsonb, '{}'::jsonb) || ${patch}::jsonb)::text, '{}')`
      : sql<Json<PolicyOverrides> | null>`nullif(json_patch(coalesce(${current ?? sql`null`}, '{}'), ${patch}), '{}')`;
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
  r: CapacitySettings['reservations'][number],
  at: string,
): CompiledQuery {
  const set = { thin_client_seats: r.thinClientSeats, loan_pcs: r.loanPcs, updated_at: at };
  const row = { department_id: r.departmentId, ...set };
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

/** The organisation's capacity settings and the policy fields an admin has set, in one read. */
export async function orgSettings(db: Kysely<DB>): Promise<{
  capacity: CapacitySettings & { updatedAt: string | null };
  overrides: PolicyOverrides;
  webhooks: { slack: string | null; teams: string | null };
}> {
  const [row, reservations] = await Promise.all([findOrgSettings(db), listReservations(db)]);
  return {
    capacity: capacitySettingsOf(row, reservations),
    overrides: policyOverrides(row?.policy),
    webhooks: { slack: row?.slack_webhook_url ?? null, teams: row?.teams_webhook_url ?? null },
  };
}

/** The policy fields an admin has set (none while no admin has set any). */
export async function policyOverridesSet(db: Kysely<DB>): Promise<PolicyOverrides> {
  return policyOverrides((await findOrgSettings(db))?.policy);
}

/** Capacity settings from the settings row and the reservations as read. */
function capacitySettingsOf(
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

const policyOverrides = (json: Json<PolicyOverrides> | null | undefined): PolicyOverrides =>
  json ? fromJson(json) : {};

export type { PolicyOverrides };
