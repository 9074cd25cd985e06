import type { CompiledQuery, Kysely } from 'kysely';

/**
 * The one port for multi-row writes: all the given queries take effect, or none does.
 * Node runs them in a transaction; D1 (no interactive transactions) runs them as one batch().
 * Queries are built before the call, so no write may depend on another's result.
 */
export type Atomic = (queries: readonly CompiledQuery[]) => Promise<void>;

/**
 * Another writer holds the database (e.g. a backup or a tool on the SQLite file): the write did
 * not happen and may be tried again in a moment. Runtimes throw it from their Atomic.
 */
export class StoreBusy extends Error {
  constructor() {
    super('The database is busy with another writer.');
  }
}

/** The transaction-backed Atomic for drivers with interactive transactions (better-sqlite3). */
export function transactionalAtomic(db: Kysely<any>): Atomic {
  return async (queries) => {
    if (queries.length === 0) return;
    await db.transaction().execute(async (trx) => {
      for (const q of queries) await trx.executeQuery(q);
    });
  };
}
