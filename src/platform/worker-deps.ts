import { uuidv7 } from './ids.ts';
import type { D1Database } from '@cloudflare/workers-types';
import {
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  Kysely,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type TableMetadata,
} from 'kysely';
import { D1Dialect } from 'kysely-d1';
import { publicBaseUrl, type Deps } from '../app/deps.ts';
import type { Atomic } from '../db/atomic.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { slackPoster } from '../notify/slack.ts';
import { teamsPoster } from '../notify/teams.ts';
import { hostList, oidcEnv } from './config.ts';

/** The Worker's bindings (wrangler.toml, secrets and vars); the strings mean what the Node env vars do. */
export interface WorkerEnv {
  DB: D1Database;
  /** Hosts a webhook may point at although not public https (comma-separated). */
  WEBHOOK_ALLOW_HOSTS?: string;
  /** When set (`wrangler secret put BUNSAN_ADMIN_TOKEN`), accepted as an admin token. */
  BUNSAN_ADMIN_TOKEN?: string;
  /** The public base URL for links in feeds and messages. */
  PUBLIC_URL?: string;
  /** The organisation's Slack incoming webhook (a secret). */
  SLACK_WEBHOOK_URL?: string;
  /** The organisation's Teams Workflows webhook (a secret). */
  TEAMS_WEBHOOK_URL?: string;
  /** Slack's signing secret for the slash command (a secret). */
  SLACK_SIGNING_SECRET?: string;
  /** The organisation's OpenID Connect provider (the secret: `wrangler secret put OIDC_CLIENT_SECRET`). */
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
}

/**
 * The Atomic port on D1, which has no interactive transactions: one batch(), which D1 runs as a
 * single transaction — every statement takes effect or, when one fails, none does.
 */
export function d1Atomic(d1: D1Database): Atomic {
  return async (queries) => {
    if (queries.length === 0) return;
    await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))));
  };
}

/**
 * Kysely's SQLite introspector reads pragma_table_info of every table in sqlite_master, and D1
 * refuses that for its own `_cf_…` tables (SQLITE_AUTH), so the Migrator could not even ask
 * whether its table exists. This one leaves D1's tables out.
 */
class D1Introspector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas() {
    return [];
  }

  async getTables(options: { withInternalKyselyTables?: boolean } = {}): Promise<TableMetadata[]> {
    const internal = [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];
    const tables = await sql<{ name: string; type: string }>`select name, type from sqlite_master
      where type in ('table', 'view') and substr(name, 1, 7) != 'sqlite_' and substr(name, 1, 4) != '_cf_'
      order by name`.execute(this.db);
    const out: TableMetadata[] = [];
    for (const t of tables.rows) {
      if (!options.withInternalKyselyTables && internal.includes(t.name)) continue;
      const cols = await sql<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: unknown;
        pk: number;
      }>`select name, type, "notnull", dflt_value, pk from pragma_table_info(${t.name}) order by cid`.execute(
        this.db,
      );
      const pk = cols.rows.filter((c) => c.pk > 0);
      const autoIncrementing =
        pk.length === 1 && pk[0]!.type.toLowerCase() === 'integer' ? pk[0]!.name : undefined;
      out.push({
        name: t.name,
        isView: t.type === 'view',
        columns: cols.rows.map((c) => ({
          name: c.name,
          dataType: c.type,
          isNullable: !c.notnull,
          isAutoIncrementing: c.name === autoIncrementing,
          hasDefaultValue: c.dflt_value != null,
        })),
      });
    }
    return out;
  }

  async getMetadata(options?: { withInternalKyselyTables?: boolean }): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

class BunsanD1Dialect extends D1Dialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new D1Introspector(db);
  }
}

/** A Kysely over a D1 binding. */
export function d1Kysely(d1: D1Database): Kysely<DB> {
  return new Kysely<DB>({ dialect: new BunsanD1Dialect({ database: d1 }) });
}

// Migrations run once per isolate and binding: the first request starts them, the others wait
// for the same promise; a failure is forgotten so that the next request tries again.
const migrated = new WeakMap<D1Database, Promise<unknown>>();

/** Applies the static migration set to the D1 database (once per isolate). */
export function ensureMigrated(d1: D1Database, db: Kysely<DB> = d1Kysely(d1)): Promise<unknown> {
  let p = migrated.get(d1);
  if (!p) {
    p = migrateToLatest(db).catch((e: unknown) => {
      migrated.delete(d1);
      throw e;
    });
    migrated.set(d1, p);
  }
  return p;
}

/**
 * The Workers runtime's deps over a D1 binding. No change stamp: other isolates write to the same
 * database, so caches ask it. No SMTP: messages to people are written to the log (as on Node
 * without SMTP_URL); Slack and Teams are posted with fetch.
 */
export function workerDeps(
  env: WorkerEnv,
  opts: { db?: Kysely<DB>; now?: () => Date; log?: (l: string) => void } = {},
): Deps {
  const slackWebhookUrl = env.SLACK_WEBHOOK_URL || undefined;
  const teamsWebhookUrl = env.TEAMS_WEBHOOK_URL || undefined;
  const slackSigningSecret = env.SLACK_SIGNING_SECRET || undefined;
  return {
    db: opts.db ?? d1Kysely(env.DB),
    atomic: d1Atomic(env.DB),
    now: opts.now ?? (() => new Date()),
    newId: () => uuidv7(),
    publicUrl: publicBaseUrl(env.PUBLIC_URL),
    adminToken: env.BUNSAN_ADMIN_TOKEN || undefined,
    log: opts.log ?? ((l) => console.error(l)),
    channels: { postSlack: slackPoster(), postTeams: teamsPoster() },
    ...(slackWebhookUrl ? { slackWebhookUrl } : {}),
    ...(teamsWebhookUrl ? { teamsWebhookUrl } : {}),
    ...(slackSigningSecret ? { slackSigningSecret } : {}),
    webhookAllowHosts: hostList(env.WEBHOOK_ALLOW_HOSTS),
    oidc: oidcEnv(env),
  };
}
