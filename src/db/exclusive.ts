import { sql, type Kysely } from 'kysely';
import { hashString } from '../domain/prng.ts';
import { engineOf } from './engine.ts';

/** The first key of bunsan's advisory locks ("bsn" in ASCII), beside other applications' locks. */
const NAMESPACE = 0x62736e;

/** What an exclusive run came to: the job's value, or that another instance held the job. */
export type Exclusive<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `job` while no other instance on the same database runs the job of the same name: on
 * PostgreSQL under a session advisory lock held by one pooled connection for the run (`wait`:
 * queue behind the holder; else give up at once — a periodic job that another instance is doing
 * now); on SQLite, one process owns the file, so the job just runs.
 */
export async function exclusively<T>(
  db: Kysely<any>,
  name: string,
  job: () => Promise<T>,
  opts: { wait: boolean },
): Promise<Exclusive<T>> {
  if (engineOf(db) !== 'postgres') return { ran: true, value: await job() };
  const key = hashString(name) | 0;
  return db.connection().execute(async (conn) => {
    if (opts.wait) await sql`select pg_advisory_lock(${NAMESPACE}::int, ${key}::int)`.execute(conn);
    else {
      const got = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_lock(${NAMESPACE}::int, ${key}::int) as locked`.execute(conn);
      if (!got.rows[0]?.locked) return { ran: false };
    }
    try {
      return { ran: true, value: await job() };
    } finally {
      await sql`select pg_advisory_unlock(${NAMESPACE}::int, ${key}::int)`.execute(conn);
    }
  });
}
