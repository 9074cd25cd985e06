import type { Kysely } from 'kysely';

/**
 * Feeds: subscriptions (a secret token per member, team or department), the stored identity of
 * each (subject, day) event — its SEQUENCE and change time — and each subject's last change.
 * Departments gain a data version (bumped by every write that can change a schedule, the key of
 * the rendered-feed cache) and the all-day choice for feeds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('departments')
    .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('departments')
    .addColumn('feed_all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('feed_days')
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_days_pk', ['subject_key', 'date'])
    .execute();

  await db.schema
    .createTable('feed_state')
    .addColumn('subject_key', 'text', (c) => c.primaryKey())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['feed_state', 'feed_days', 'feeds']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('departments').dropColumn('feed_all_day').execute();
  await db.schema.alterTable('departments').dropColumn('data_version').execute();
}
