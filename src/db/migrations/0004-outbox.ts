import type { Kysely } from 'kysely';

/**
 * The notification outbox: every message to send (Slack, e-mail, or the log when neither is
 * configured) is a row written in the same transaction as the change it tells about, and the
 * delivery worker moves it to sent / logged — or, after its last attempt, failed, where it stays
 * with its error. Departments gain their own Slack incoming webhook (overriding SLACK_WEBHOOK_URL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').addColumn('slack_webhook_url', 'text').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    // What the message is about (e.g. quarantine.marked) and the row it is about: for admins' eyes.
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  // The worker claims "pending and due" rows, oldest first: exactly this index's order.
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_created')
    .on('outbox')
    .columns(['created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.alterTable('departments').dropColumn('slack_webhook_url').execute();
}
