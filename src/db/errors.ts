// Which constraint a failed write broke, told the same on every engine: SQLite and D1 say it in
// the message ("NOT NULL constraint failed: rotations.version"), PostgreSQL by SQLSTATE and fields
// (23502 with table and column, 23505 with table and the key's columns in its detail).

interface PgError {
  code?: unknown;
  table?: unknown;
  column?: unknown;
  detail?: unknown;
}

const pgError = (e: unknown): PgError | null =>
  e instanceof Error && typeof (e as PgError).code === 'string' ? (e as PgError) : null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Did a write fail because it set `table.column` to null (how version guards refuse a stale write)? */
export function isNotNullViolation(e: unknown, table: string, column: string): boolean {
  const pg = pgError(e);
  if (pg?.code === '23502') return pg.table === table && pg.column === column;
  return (
    e instanceof Error &&
    new RegExp(`NOT NULL constraint failed: ${escape(table)}\\.${escape(column)}\\b`, 'i').test(
      e.message,
    )
  );
}

/**
 * Did a write fail on a unique key of `table` — of exactly `columns` when given (in the key's
 * order), of any unique key of the table otherwise?
 */
export function isUniqueViolation(
  e: unknown,
  table?: string,
  columns?: readonly string[],
): boolean {
  const pg = pgError(e);
  if (pg?.code === '23505') {
    if (table !== undefined && pg.table !== table) return false;
    if (!columns) return true;
    return typeof pg.detail === 'string' && pg.detail.startsWith(`Key (${columns.join(', ')})=`);
  }
  if (!(e instanceof Error)) return false;
  const m = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/i.exec(e.message);
  if (!m) return false;
  const failed = m[1]!.split(', ');
  if (table !== undefined && !failed.every((c) => c.split('.')[0] === table)) return false;
  return !columns || failed.map((c) => c.split('.')[1]).join(',') === columns.join(',');
}
