import { PostgresAdapter, type Kysely } from 'kysely';

/** The database engine behind a Kysely instance: SQLite (better-sqlite3 and D1) or PostgreSQL. */
export type Engine = 'sqlite' | 'postgres';

/** Which engine runs `db`'s queries, told by its dialect's adapter (no driver imported here). */
export const engineOf = (db: Kysely<any>): Engine =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
