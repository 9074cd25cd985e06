import type { FieldError } from '../app/failure.ts';
import { decodeRoster, type MemberInput, parseRosterCsv } from '../app/members/index.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { validate } from './schemas.ts';

/**
 * A CSV roster as members-create input, with each member's line in the file; or what is wrong,
 * each error naming its line as well as its field (the API answers it as a 422, the pages list it).
 */
export function membersFromCsv(
  bytes: Uint8Array,
): Result<{ members: MemberInput[]; lines: number[] }, { detail: string; errors: FieldError[] }> {
  const text = decodeRoster(bytes);
  if (!text.ok) return err({ detail: 'The CSV roster cannot be read.', errors: text.error });
  const rows = parseRosterCsv(text.value);
  if (!rows.ok) return err({ detail: 'The CSV roster cannot be read.', errors: rows.error });
  const lines = rows.value.map((r) => r.line);
  const members = rows.value.map((r) => r.member);
  const invalid = validate('members-create', { members });
  // Valid against the schema: the rows are members-create input.
  if (!invalid.length) return ok({ members: members as unknown as MemberInput[], lines });
  const withLines = invalid.map((fe) => {
    const i = /^\/members\/(\d+)/.exec(fe.path)?.[1];
    const line = i === undefined ? undefined : lines[Number(i)];
    return line ? { ...fe, line } : fe;
  });
  return err({
    detail: 'Some rows of the CSV roster are not valid; nothing was added.',
    errors: withLines,
  });
}
