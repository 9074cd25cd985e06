import type { Kysely } from 'kysely';

/**
 * The organisation's policy (quarantine length, exposure window, return separation, exposure
 * look-back and scope) as a JSON object on the settings row: only the fields an admin has set;
 * the design's defaults fill in the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_settings').addColumn('policy', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_settings').dropColumn('policy').execute();
}
