import type { Kysely } from 'kysely';

/**
 * Who holds a claimed outbox row (an instance name) until its lease ends: a process that restarts
 * gives back the rows it held instead of leaving them waiting out the lease.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('lease_owner', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('lease_owner').execute();
}
