import { word } from '../../domain/glossary.ts';
import { departmentMembers } from '../../db/repos/members.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { Language, Member } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { ROSTER_COLUMNS, scopedDepartment, type RosterColumn } from '../members/index.ts';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; a cell a
 * spreadsheet would run as a formula (=, +, -, @) is guarded by a leading apostrophe, which the
 * roster import takes off again.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cellOf(m: Member, column: RosterColumn, lang: Language): string {
  switch (column) {
    case 'skills':
      return m.skills.join(lang === 'ja' ? '、' : ';');
    case 'kana':
      return m.kana ?? '';
    case 'slackUserId':
      return m.slackUserId ?? '';
    case 'position':
      return word('position', m.position, lang) ?? m.position;
    case 'remoteAccess':
      return word('remote', m.remoteAccess, lang) ?? m.remoteAccess;
    default:
      return m[column];
  }
}

/**
 * The department's active members as the CSV a chief keeps in Excel: UTF-8 with a BOM (so Excel
 * reads it as UTF-8), CRLF, headers and values in the department's language from the glossary, in
 * reading order. Syncing it back changes nothing.
 */
export async function rosterCsv(
  deps: Deps,
  actor: Actor,
  departmentId: string,
): Promise<Result<{ csv: string; filename: string; version: number }, Failure>> {
  // The department and its active members only: an export needs no rotations.
  const scoped = await scopedDepartment(deps, actor, departmentId);
  if (!scoped.ok) return scoped;
  const department = scoped.value;
  const members = await departmentMembers(deps.db, departmentId, true);
  const lang = department.language;
  const today = dateInZone(deps.now(), department.timezone);
  const lines = [
    ROSTER_COLUMNS.map((c) => csvCell(word('columns', c, lang) ?? c)).join(','),
    ...members.map((m) => ROSTER_COLUMNS.map((c) => csvCell(cellOf(m, c, lang))).join(',')),
  ];
  return ok({
    csv: `\uFEFF${lines.join('\r\n')}\r\n`,
    filename: `members-${today}.csv`,
    version: department.rosterVersion,
  });
}
