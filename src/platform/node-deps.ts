import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { uuidv7 } from './ids.ts';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { publicBaseUrl, type Channels, type Deps } from '../app/deps.ts';
import { StoreBusy, transactionalAtomic } from '../db/atomic.ts';
import { allowParameters } from '../db/chunks.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { isPostgresRetryable, isPostgresUrl, openPostgres } from './node-postgres.ts';
import { databaseProblem } from './startup.ts';

const RAW = Symbol('better-sqlite3 handle');
type WithRaw = Kysely<DB> & { [RAW]?: Database.Database };

/**
 * Opens (creating file and folder) an SQLite database: WAL, foreign keys on, migrated, and proven
 * writable (a read-only file would otherwise start fine and then fail every write).
 */
export async function openSqlite(path: string): Promise<Kysely<DB>> {
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    sqlite = new Database(path);
    if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // better-sqlite3 waits for a lock synchronously, stopping the whole server meanwhile: wait
    // briefly, then answer 503 (StoreBusy) rather than freeze reads and /healthz.
    sqlite.pragma('busy_timeout = 100');
    sqlite.pragma('synchronous = NORMAL');
    // A write that is rolled back: a read-only file opens, and even takes the lock, without a word.
    sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE bunsan_write_probe (x); ROLLBACK');
  } catch (e) {
    sqlite?.close();
    throw databaseProblem(e, path);
  }
  const db: WithRaw = new Kysely<DB>({
    dialect: new SqliteDialect({ database: preparedOnce(sqlite) }),
  });
  db[RAW] = sqlite;
  // Well under SQLite's 32,766 (SQLITE_MAX_VARIABLE_NUMBER).
  allowParameters(db, 10_000);
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw databaseProblem(e, path);
  }
  return db;
}

/**
 * The database as Kysely's SQLite driver uses it, with each statement prepared once: the driver
 * prepares every query anew, and SQLite compiling the same SQL again took more than running it
 * (a rotation's create, a quarantine's mark: forty statements each). Kept by their text, the last
 * 200 used; the driver runs a statement to its end before the next (`all` or `run`), so one
 * prepared statement serves every call. Long statements (multi-row INSERTs) are prepared each time.
 */
function preparedOnce(sqlite: Database.Database): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      if (sql.length > 2_000) return sqlite.prepare(sql);
      let stmt = kept.get(sql);
      if (stmt) kept.delete(sql);
      else {
        stmt = sqlite.prepare(sql);
        if (kept.size >= 200) kept.delete(kept.keys().next().value!);
      }
      kept.set(sql, stmt);
      return stmt;
    },
  };
}

/** Opens BUNSAN_DB: a PostgreSQL URL (postgres://…) or else an SQLite file path. */
export const openDatabase = (target: string): Promise<Kysely<DB>> =>
  isPostgresUrl(target) ? openPostgres(target) : openSqlite(target);

/**
 * The Node runtime's deps over an open database. On PostgreSQL other instances write too, so
 * there is no change stamp: caches ask the database for its versions, as on Workers.
 */
export function nodeDeps(
  db: Kysely<DB>,
  opts: {
    adminToken?: string | undefined;
    publicUrl?: string | undefined;
    now?: () => Date;
    log?: (l: string) => void;
    /** The organisation's Slack incoming webhook (SLACK_WEBHOOK_URL). */
    slackWebhookUrl?: string | undefined;
    /** The organisation's Teams Workflows webhook (TEAMS_WEBHOOK_URL). */
    teamsWebhookUrl?: string | undefined;
    /** Slack's signing secret for the slash command (SLACK_SIGNING_SECRET). */
    slackSigningSecret?: string | undefined;
    /** Notification channels (Slack posting, SMTP e-mail). */
    channels?: Channels | undefined;
    webhookAllowHosts?: readonly string[];
    /** This instance's name, holding outbox leases. */
    instance?: string;
    /** Reverse proxies whose X-Real-IP names the client (TRUSTED_PROXIES). */
    trustedProxies?: readonly string[];
    /** The OpenID Connect provider from the environment (OIDC_*). */
    oidc?: Deps['oidc'];
  } = {},
): Deps {
  const tx = transactionalAtomic(db);
  const raw = (db as WithRaw)[RAW];
  const dataVersion = raw?.prepare('PRAGMA data_version').pluck();
  let ownWrites = 0;
  return {
    db,
    atomic: async (queries) => {
      try {
        await tx(queries);
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        throw /^SQLITE_BUSY/.test(code) || isPostgresRetryable(e) ? new StoreBusy() : e;
      } finally {
        ownWrites++;
      }
    },
    // SQLite's data_version moves when another connection commits; our own commits we count.
    ...(dataVersion ? { changeStamp: () => `${ownWrites}:${dataVersion.get() as number}` } : {}),
    now: opts.now ?? (() => new Date()),
    newId: () => uuidv7(),
    publicUrl: publicBaseUrl(opts.publicUrl),
    adminToken: opts.adminToken || undefined,
    log: opts.log ?? ((l) => console.error(l)),
    ...(opts.channels ? { channels: opts.channels } : {}),
    ...(opts.slackWebhookUrl ? { slackWebhookUrl: opts.slackWebhookUrl } : {}),
    ...(opts.teamsWebhookUrl ? { teamsWebhookUrl: opts.teamsWebhookUrl } : {}),
    ...(opts.slackSigningSecret ? { slackSigningSecret: opts.slackSigningSecret } : {}),
    ...(opts.webhookAllowHosts ? { webhookAllowHosts: opts.webhookAllowHosts } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.trustedProxies?.length ? { trustedProxies: opts.trustedProxies } : {}),
    ...(opts.oidc ? { oidc: opts.oidc } : {}),
  };
}
