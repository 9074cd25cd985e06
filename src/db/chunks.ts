import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { engineOf } from './engine.ts';

/** D1 binds at most 100 parameters per statement; multi-row INSERTs are cut to fit. */
const MAX_PARAMS = 100;

/**
 * The parameters one statement of `db` may bind, where its opener said more than D1's 100:
 * better-sqlite3's SQLite takes 32,766 and PostgreSQL 65,535. A rotation's thousand memberships
 * are then one INSERT rather than ninety, each prepared (and on PostgreSQL, a round trip) apart.
 */
const parameterLimits = new WeakMap<Kysely<DB>, number>();

/** Lets multi-row INSERTs on `db` bind up to `limit` parameters a statement (D1's 100 otherwise). */
export function allowParameters(db: Kysely<DB>, limit: number): void {
  parameterLimits.set(db, limit);
}

/** The parameters one statement of `db` may bind (D1's 100 unless its opener allowed more). */
export const parameterLimit = (db: Kysely<DB>): number => parameterLimits.get(db) ?? MAX_PARAMS;

/** Splits rows into groups small enough for one multi-row INSERT each (`limit` parameters). */
export function insertChunks<T extends object>(rows: readonly T[], limit = MAX_PARAMS): T[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(limit / Object.keys(rows[0]!).length));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Splits the values of an `in (…)` list into groups that fit one statement beside `others` other parameters. */
export function parameterGroups<T>(values: readonly T[], others = 0): T[][] {
  const size = Math.max(1, MAX_PARAMS - others);
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/**
 * The multi-row INSERTs of `rows` into `table`, in chunks that fit D1, as Kysely compiles
 * `insertInto(table).values(chunk)` for rows that all have the same columns — written directly:
 * Kysely's builder parses and visits every value, which took longer than SQLite took to insert
 * them (a rotation's shifts and memberships, a quarantine's outbox).
 */
export function insertRowsQueries<Tb extends keyof DB & string>(
  db: Kysely<DB>,
  table: Tb,
  inserts: readonly Insertable<DB[Tb]>[],
): CompiledQuery[] {
  const rows = inserts as readonly Record<string, unknown>[];
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
  // Placeholders as the engine numbers them: `?` (SQLite, D1) or `$1, $2, …` (PostgreSQL).
  const numbered = engineOf(db) === 'postgres';
  return insertChunks(rows, parameterLimit(db)).map((chunk) => {
    let n = 0;
    const tuple = () => `(${columns.map(() => (numbered ? `$${++n}` : '?')).join(', ')})`;
    const parameters: unknown[] = [];
    for (const row of chunk) {
      let n = 0;
      for (const _ in row) n++; // the row's own columns, counted without a list of them
      if (n !== columns.length)
        throw new Error(`insertRowsQueries: every row of ${table} needs the same columns`);
      for (const c of columns) {
        if (!(c in row)) throw new Error(`insertRowsQueries: a row of ${table} has no ${c}`);
        parameters.push(row[c]);
      }
    }
    return CompiledQuery.raw(head + chunk.map(tuple).join(', '), parameters);
  });
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
