import type { Kysely } from 'kysely';

/**
 * Chat both ways: a department's own Microsoft Teams Workflows webhook (else the organisation's,
 * TEAMS_WEBHOOK_URL), its evening reminders (off by default) and their hour, a member's Slack
 * user id (the caller of the slash command, unique when set), and the reminder runs: one row per
 * (department, office day reminded of), so that a reminder is written once across restarts and
 * instances — a second instance's insert fails on the primary key together with its messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('departments').addColumn('teams_webhook_url', 'text').execute();
  await db.schema
    .alterTable('departments')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('departments')
    .addColumn('reminder_hour', 'integer', (c) => c.notNull().defaultTo(17))
    .execute();
  await db.schema.alterTable('members').addColumn('slack_user_id', 'text').execute();
  await db.schema
    .createIndex('members_slack_user_id')
    .unique()
    .on('members')
    .column('slack_user_id')
    .execute();
  await db.schema
    .createTable('reminder_runs')
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_runs_pk', ['department_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder_runs').execute();
  await db.schema.dropIndex('members_slack_user_id').execute();
  await db.schema.alterTable('members').dropColumn('slack_user_id').execute();
  await db.schema.alterTable('departments').dropColumn('reminder_hour').execute();
  await db.schema.alterTable('departments').dropColumn('reminders').execute();
  await db.schema.alterTable('departments').dropColumn('teams_webhook_url').execute();
}
