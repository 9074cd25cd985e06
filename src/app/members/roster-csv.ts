// The browser build: pure JS with its own Buffer, so the same parser runs on Node and on workerd.
import { parse } from 'csv-parse/browser/esm/sync';
import { err, ok, type Result } from '../../domain/result.ts';
import type { FieldError } from '../failure.ts';

export const ROSTER_COLUMNS = ['name', 'email', 'skills', 'position', 'remoteAccess'] as const;
type Column = (typeof ROSTER_COLUMNS)[number];

/** A roster row as the JSON API would take it, and the CSV line it came from. */
export interface RosterRow {
  member: Record<string, unknown>;
  line: number;
}

/**
 * Reads a roster exported from a spreadsheet: header `name,email,skills,position,remoteAccess`
 * (any order; only name and email required), skills separated by `;`, UTF-8 with or without BOM.
 * Empty cells mean "not given", so the API's defaults apply.
 */
export function parseRosterCsv(text: string): Result<RosterRow[], FieldError[]> {
  // Bytes that are not UTF-8 were decoded as U+FFFD: most likely Excel's Shift_JIS "CSV". Refuse them
  // rather than store garbled names.
  const garbled = text.indexOf('\uFFFD');
  if (garbled >= 0) {
    const line = text.slice(0, garbled).split('\n').length;
    return err([
      {
        path: '',
        line,
        message: 'the file is not UTF-8 (Excel: save as "CSV UTF-8 (comma delimited)")',
      },
    ]);
  }
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
    return err([{ path: '', message: `not valid CSV: ${message}`, ...(line ? { line } : {}) }]);
  }
  const [head, ...rows] = records;
  if (!head)
    return err([{ path: '', message: 'the file is empty: expected a header line name,email,…' }]);

  const header = head.record.map((h) => h.trim());
  const problems: FieldError[] = [];
  header.forEach((h, i) => {
    if (!(ROSTER_COLUMNS as readonly string[]).includes(h)) {
      problems.push({
        path: `/header/${i}`,
        line: 1,
        message: `unknown column "${h}"; expected ${ROSTER_COLUMNS.join(',')}`,
      });
    } else if (header.indexOf(h) !== i) {
      problems.push({ path: `/header/${i}`, line: 1, message: `column "${h}" appears twice` });
    }
  });
  for (const need of ['name', 'email'] as const) {
    if (!header.includes(need))
      problems.push({ path: '/header', line: 1, message: `missing column "${need}"` });
  }
  if (problems.length) return err(problems);
  if (rows.length === 0)
    return err([{ path: '/members', message: 'the file has a header but no members' }]);

  return ok(
    rows.map(({ record, info }) => {
      const member: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const cell = (record[i] ?? '').trim();
        if (cell === '') return;
        member[h as Column] = h === 'skills' ? splitSkills(cell) : cell;
      });
      return { member, line: info.lines };
    }),
  );
}

function splitSkills(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
