import type { Kysely } from 'kysely';

/**
 * The day a membership was closed by a move (in the department's zone). A move that takes effect
 * the day it is made leaves that day's office presence with the old team: exposure must see it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('memberships').addColumn('closed_on', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('closed_on').execute();
}
