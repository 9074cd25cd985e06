// The browser build: pure JS with its own Buffer, so the same parser runs on Node and on workerd.
import { problem } from '../../domain/problems/index.ts';
import { parse } from 'csv-parse/browser/esm/sync';
import { err, ok, type Result } from '../../domain/result.ts';
import type { FieldError } from '../failure.ts';
import { columnOf, positionOf, remoteAccessOf } from '../../domain/glossary.ts';

export const ROSTER_COLUMNS = [
  'name',
  'kana',
  'email',
  'skills',
  'position',
  'remoteAccess',
  'slackUserId',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/**
 * A roster file's text, as Excel saves it: UTF-8 (with or without BOM) or, Japanese Excel's
 * default "CSV", Shift_JIS as Windows writes it (CP932, with the NEC and IBM extensions such as ①
 * and ⅰ). Strict UTF-8 is tried first, since CP932 bytes are rarely valid UTF-8; the whole body is
 * decoded at once (a character may span any chunk boundary).
 */
export function decodeRoster(bytes: Uint8Array): Result<string, FieldError[]> {
  for (const encoding of ['utf-8', 'shift_jis']) {
    try {
      return ok(new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes));
    } catch {
      // not this encoding: try the next
    }
  }
  return err([
    {
      path: '',
      message:
        'the file is neither UTF-8 nor Shift_JIS (CP932); save it from Excel as "CSV (comma delimited)" or "CSV UTF-8"',
      ...problem('csv-encoding'),
    },
  ]);
}

/** A roster row as the JSON API would take it, and the CSV line it came from. */
export interface RosterRow {
  member: Record<string, unknown>;
  line: number;
}

/**
 * Reads a roster exported from a spreadsheet: header `name,email,skills,position,remoteAccess` or
 * its Japanese (氏名,メールアドレス,スキル,役職,在宅勤務環境; any order; only name and e-mail
 * required), values in English or Japanese. Empty cells mean "not given": the API's defaults apply.
 */
export function parseRosterCsv(
  text: string,
): Result<{ columns: RosterColumn[]; rows: RosterRow[] }, FieldError[]> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as never;
  } catch (e) {
    const line =
      typeof (e as { lines?: unknown }).lines === 'number'
        ? (e as { lines: number }).lines
        : undefined;
    const message = e instanceof Error ? e.message : 'unreadable CSV';
    return err([
      {
        path: '',
        message: `not valid CSV: ${message}`,
        ...problem('csv-unreadable'),
        ...(line ? { line } : {}),
      },
    ]);
  }
  const [head, ...rows] = records;
  if (!head)
    return err([
      {
        path: '',
        message: 'the file is empty: expected a header line name,email,…',
        ...problem('csv-empty'),
      },
    ]);

  const header = head.record.map((h) => columnOf(h) ?? h.normalize('NFKC').trim());
  const problems: FieldError[] = [];
  header.forEach((h, i) => {
    if (!(ROSTER_COLUMNS as readonly string[]).includes(h)) {
      problems.push({
        path: `/header/${i}`,
        line: 1,
        message: `unknown column "${h}"; expected ${ROSTER_COLUMNS.join(',')} (or 氏名,フリガナ,メールアドレス,スキル,役職,在宅勤務環境,SlackユーザーID)`,
        ...problem('unknown-column', { column: h }),
      });
    } else if (header.indexOf(h) !== i) {
      problems.push({
        path: `/header/${i}`,
        line: 1,
        message: `column "${h}" appears twice`,
        ...problem('duplicate-column', { column: h }),
      });
    }
  });
  for (const need of ['name', 'email'] as const) {
    if (!header.includes(need))
      problems.push({
        path: '/header',
        line: 1,
        message: `missing column "${need}"`,
        ...problem('missing-column', { column: need }),
      });
  }
  if (problems.length) return err(problems);
  if (rows.length === 0)
    return err([
      {
        path: '/members',
        message: 'the file has a header but no members',
        ...problem('csv-no-rows'),
      },
    ]);

  return ok({
    columns: header as RosterColumn[],
    rows: rows.map(({ record, info }) => {
      const member: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const cell = cellValue(h as RosterColumn, record[i] ?? '');
        if (cell !== '') member[h as RosterColumn] = cell;
      });
      return { member, line: info.lines };
    }),
  });
}

/**
 * A cell as the JSON API takes it: spaces (full-width too) trimmed; skills split at `;` or `、`;
 * an e-mail in NFKC (full-width letters folded); a position or remote access in English or in
 * the glossary's Japanese (課長, 貸出PC, …) as its code. A word the glossary does not know is
 * passed on as written, for the schema to name.
 */
function cellValue(column: RosterColumn, raw: string): string | string[] {
  // An export guards a cell that spreadsheets would run as a formula (=, +, -, @) with a leading
  // apostrophe, as spreadsheets themselves do; reading it back takes the guard off.
  const cell = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/^'(?=[=+\-@])/, '');
  if (cell === '') return '';
  switch (column) {
    case 'skills':
      return [
        ...new Set(
          cell
            .split(/[;；、]/)
            .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
            .filter(Boolean),
        ),
      ];
    case 'email':
      return cell.normalize('NFKC');
    case 'position':
      return positionOf(cell) ?? cell;
    case 'remoteAccess':
      return remoteAccessOf(cell) ?? cell;
    case 'slackUserId':
      return cell.normalize('NFKC').toUpperCase();
    default:
      return cell;
  }
}
