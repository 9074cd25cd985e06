import type { Kysely } from 'kysely';

/**
 * Quarantines (a team or a member out of the office for a window, entered by HR), the swaps they
 * caused (which office slot moved from which team to which), and idempotency keys of requests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quarantines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('rotation_id', 'text', (c) => c.references('rotations.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    // The first day it could change: a quarantine entered late never rewrites the days before.
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('positive_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('onset_date', 'text')
    .addColumn('request_id', 'text')
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_from', 'text')
    .addColumn('lifted_by', 'text')
    .execute();
  await db.schema
    .createIndex('quarantines_department')
    .on('quarantines')
    .columns(['department_id', 'end_date'])
    .execute();

  await db.schema
    .createTable('swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('quarantine_id', 'text', (c) => c.notNull().references('quarantines.id'))
    .addColumn('rotation_id', 'text', (c) => c.notNull().references('rotations.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('from_team_id', 'text', (c) => c.notNull())
    .addColumn('to_team_id', 'text')
    .addColumn('cancelled_shift_id', 'text', (c) => c.notNull())
    .addColumn('covering_shift_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handed_back_at', 'text')
    .execute();
  await db.schema.createIndex('swaps_quarantine').on('swaps').column('quarantine_id').execute();

  // One row per Idempotency-Key: the same key answers with the same quarantine(s), however often it arrives.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['idempotency_keys', 'swaps', 'quarantines'])
    await db.schema.dropTable(t).execute();
}
