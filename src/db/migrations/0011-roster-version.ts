import { sql, type Kysely } from 'kysely';

/**
 * The roster's version: it moves with every change of a department's members, and a roster sync
 * names the version it was decided on (If-Match), so two chiefs never overwrite each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('departments')
    .addColumn('roster_version', 'integer', (c) => c.notNull().defaultTo(sql`0`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').dropColumn('roster_version').execute();
}
