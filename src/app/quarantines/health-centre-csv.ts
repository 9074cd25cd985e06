import type { Language } from '../../domain/types.ts';
import type { HealthCentreList } from './health-centre.ts';

const HEADERS: Record<Language, string[]> = {
  ja: ['日付', '氏名', '部署', 'メールアドレス'],
  en: ['Date', 'Name', 'Department', 'E-mail'],
};

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ (or tab)
 * gets a ' so a spreadsheet shows the text instead of running it as a formula.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The health-centre list as CSV for Excel: UTF-8 with a BOM, CRLF, headers in the department's
 * language; one row per office day and person in the office, and a day the case was there with
 * no one else as a row of its own (every office day of the case is on the list).
 */
export function healthCentreCsv(list: HealthCentreList): string {
  const rows = [HEADERS[list.department.language]];
  for (const d of list.days) {
    if (!d.people.length) rows.push([d.date, '', '', '']);
    for (const p of d.people) rows.push([d.date, p.name, p.department, p.email]);
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** The download's file name: the case's department and the period (ASCII fallback and UTF-8). */
export function healthCentreFileName(list: HealthCentreList): { ascii: string; utf8: string } {
  const period = `${list.from}_${list.to}`;
  return {
    ascii: `exposures_${period}.csv`,
    utf8: `${list.department.language === 'ja' ? '接触者一覧' : 'exposures'}_${list.department.name}_${period}.csv`,
  };
}
