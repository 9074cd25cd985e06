import { sql, type Kysely } from 'kysely';

/**
 * Remote capacity: the organisation's thin-client seats and loan PCs (one settings row; null = not
 * set, so nothing is reported short against it), optional per-department reservations out of
 * them, and the capacity effect a quarantine had when it was marked (kept, so that a replay of the
 * same Idempotency-Key answers with the same figures).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_settings')
    // A singleton: the check keeps it to the one row with id 1.
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('thin_client_seats', 'integer')
    .addColumn('loan_pcs', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('department_reservations')
    .addColumn('department_id', 'text', (c) => c.primaryKey().references('departments.id'))
    .addColumn('thin_client_seats', 'integer')
    .addColumn('loan_pcs', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('quarantines').addColumn('capacity_effect', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('quarantines').dropColumn('capacity_effect').execute();
  for (const t of ['department_reservations', 'org_settings'])
    await db.schema.dropTable(t).execute();
}
