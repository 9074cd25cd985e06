import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { IsoDate } from '../../domain/types.ts';

/** Has the reminder of a department's office day been written (by this instance or another)? */
export async function reminderRunExists(
  db: Kysely<DB>,
  departmentId: string,
  date: IsoDate,
): Promise<boolean> {
  const row = await db
    .selectFrom('reminder_runs')
    .select('date')
    .where('department_id', '=', departmentId)
    .where('date', '=', date)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records the reminder of a department's office day; written in the same batch as its messages, so
 * that a second writer's batch fails on the primary key and writes no message either.
 */
export function insertReminderRunQuery(
  db: Kysely<DB>,
  run: { departmentId: string; date: IsoDate; createdAt: string; recipients: number },
): CompiledQuery {
  return db
    .insertInto('reminder_runs')
    .values({
      department_id: run.departmentId,
      date: run.date,
      created_at: run.createdAt,
      recipients: run.recipients,
    })
    .compile();
}
