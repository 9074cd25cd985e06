import type { FieldError } from '../app/failure.ts';
import {
  decodeRoster,
  parseRosterCsv,
  type MemberInput,
  type RosterColumn,
} from '../app/members/index.ts';
import type { RosterEntry } from '../domain/roster/index.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { validate, type SchemaName } from './schemas.ts';

type CsvFailure = { detail: string; errors: FieldError[] };

/**
 * A CSV roster's rows as the body `schema` takes them, with each row's line in the file; or what
 * is wrong, each error naming its line as well as its field. `blank` gives the value of an empty
 * cell of a column the file has (left out when it gives none).
 */
function rowsFromCsv(
  bytes: Uint8Array,
  schema: SchemaName,
  invalidDetail: string,
  blank: Partial<Record<RosterColumn, unknown>> = {},
): Result<{ members: unknown[]; lines: number[] }, CsvFailure> {
  const text = decodeRoster(bytes);
  if (!text.ok) return err({ detail: 'The CSV roster cannot be read.', errors: text.error });
  const parsed = parseRosterCsv(text.value);
  if (!parsed.ok) return err({ detail: 'The CSV roster cannot be read.', errors: parsed.error });
  const { columns, rows } = parsed.value;
  const lines = rows.map((r) => r.line);
  const members = rows.map((r) => {
    const m = { ...r.member };
    for (const c of columns) if (!(c in m) && c in blank) m[c] = blank[c];
    return m;
  });
  const invalid = validate(schema, { members });
  if (!invalid.length) return ok({ members, lines });
  const withLines = invalid.map((fe) => {
    const i = /^\/members\/(\d+)/.exec(fe.path)?.[1];
    const line = i === undefined ? undefined : lines[Number(i)];
    return line ? { ...fe, line } : fe;
  });
  return err({ detail: invalidDetail, errors: withLines });
}

/** A CSV roster as members-create input (empty cells take the API's defaults). */
export function membersFromCsv(
  bytes: Uint8Array,
): Result<{ members: MemberInput[]; lines: number[] }, CsvFailure> {
  // Valid against the schema: the rows are members-create input.
  return rowsFromCsv(
    bytes,
    'members-create',
    'Some rows of the CSV roster are not valid; nothing was added.',
  ) as Result<{ members: MemberInput[]; lines: number[] }, CsvFailure>;
}

/**
 * A CSV roster as a whole-roster sync: a column the file has states its field for every row (an
 * empty cell clears it: no kana, no skills, the default position and remote access); a column it
 * lacks leaves that field as it is.
 */
export function rosterFromCsv(
  bytes: Uint8Array,
): Result<{ members: RosterEntry[]; lines: number[] }, CsvFailure> {
  return rowsFromCsv(
    bytes,
    'roster-sync',
    'Some rows of the CSV roster are not valid; nothing was changed.',
    { kana: null, skills: [], position: 'staff', remoteAccess: 'company-pc' },
  ) as Result<{ members: RosterEntry[]; lines: number[] }, CsvFailure>;
}
