import type { Kysely } from 'kysely';

/**
 * The organisation's own Slack and Teams webhooks, set by an admin on the page or the API (a
 * department without its own posts there; the environment's SLACK_WEBHOOK_URL / TEAMS_WEBHOOK_URL
 * are the fallback when none is stored).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_settings').addColumn('slack_webhook_url', 'text').execute();
  await db.schema.alterTable('org_settings').addColumn('teams_webhook_url', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_settings').dropColumn('teams_webhook_url').execute();
  await db.schema.alterTable('org_settings').dropColumn('slack_webhook_url').execute();
}
