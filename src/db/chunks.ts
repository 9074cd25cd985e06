/** D1 binds at most 100 parameters per statement; multi-row INSERTs are cut to fit. */
const MAX_PARAMS = 100;

/** Splits rows into groups small enough for one multi-row INSERT each. */
export function insertChunks<T extends object>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
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
