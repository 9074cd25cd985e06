import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { allowParameters } from '../db/chunks.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { StartupError } from './config.ts';

/** Is BUNSAN_DB a PostgreSQL connection URL (anything else is an SQLite file path)? */
export const isPostgresUrl = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

/** BUNSAN_DB as a log line may show it: a PostgreSQL URL without its password, a path as it is. */
export const databaseName = (target: string): string =>
  isPostgresUrl(target) ? redactUrl(target) : target;

/** A connection URL fit for a log line: the password left out. */
export function redactUrl(value: string): string {
  try {
    const u = new URL(value);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

// Counts (bigint) and numerics come back as strings from pg; our columns are small integers, and
// SQLite gives numbers: the same records from both engines.
const NUMBER_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_TYPES.has(oid) && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens a PostgreSQL database through a pool and migrates it. Kysely's Migrator holds an advisory
 * lock while it migrates, so instances starting together migrate once; the others wait and find
 * nothing left to do.
 */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Kysely<DB>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types,
    application_name: 'bunsan',
  });
  // An idle client losing its server (a restart) must not take the process down with it.
  pool.on('error', (e) => console.error(`bunsan: PostgreSQL connection lost: ${e.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // Well under PostgreSQL's 65,535 parameters a statement.
  allowParameters(db, 30_000);
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    const why = e instanceof Error ? e.message : String(e);
    throw new StartupError(
      `the database ${redactUrl(url)} cannot be used (${why}): check the server, the user's rights and BUNSAN_DB`,
    );
  }
  return db;
}

/** PostgreSQL's "try again" outcomes (serialization failure, deadlock, lock not available). */
export const isPostgresRetryable = (e: unknown): boolean =>
  ['40001', '40P01', '55P03'].includes((e as { code?: string }).code ?? '');
