import type { Language } from '../../domain/types.ts';
import type { RotationRequest } from '../../app/rotations/index.ts';
import { validate } from '../../contract/schemas.ts';
import { addError, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';

export const PAIR_ROWS = 3;

/** What the chief typed, as typed (to show the form again). */
export interface RotationFormValues {
  name: string;
  startDate: string;
  endDate: string;
  teamCount: string;
  pattern: string;
  cycle: string;
  bufferDays: string;
  /** Per skill of the department: the minimum per team as typed. */
  skills: { skill: string; min: string }[];
  pairs: [string, string][];
}

const WHOLE = /^\d{1,4}$/;

/** The form's values; the skill rows come back with the names the page sent (hidden fields). */
export function rotationFormValues(body: Record<string, unknown>): RotationFormValues {
  const skills: RotationFormValues['skills'] = [];
  for (let i = 0; typeof body[`skillName${i}`] === 'string'; i++)
    skills.push({ skill: text(body, `skillName${i}`), min: text(body, `skillMin${i}`) });
  return {
    name: text(body, 'name'),
    startDate: text(body, 'startDate'),
    endDate: text(body, 'endDate'),
    teamCount: text(body, 'teamCount'),
    pattern: text(body, 'pattern'),
    cycle: text(body, 'cycle'),
    bufferDays: text(body, 'bufferDays'),
    skills,
    pairs: Array.from(
      { length: PAIR_ROWS },
      (_, i) => [text(body, `sepA${i}`), text(body, `sepB${i}`)] as [string, string],
    ),
  };
}

/**
 * The rotation request a filled form stands for, or the problems next to each field: first what the
 * form itself can tell (a number, a date, a complete pair), then the API's JSON Schema.
 */
export function rotationRequestOf(
  v: RotationFormValues,
  lang: Language,
): { request: RotationRequest | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const whole = (field: 'teamCount' | 'bufferDays', optional: boolean): number | undefined => {
    if (optional && v[field] === '') return undefined;
    if (!WHOLE.test(v[field])) addError(errors, field, t(lang, 'mustBeWhole'));
    return Number(v[field]);
  };
  const teamCount = whole('teamCount', false);
  const bufferDays = whole('bufferDays', true);
  for (const f of ['startDate', 'endDate'] as const)
    if (!isIsoDate(v[f])) addError(errors, f, t(lang, 'mustBeDate'));
  const requiredSkills: { skill: string; min: number }[] = [];
  v.skills.forEach((s, i) => {
    if (s.min === '' || s.min === '0') return;
    if (!WHOLE.test(s.min)) return addError(errors, `skillMin${i}`, t(lang, 'mustBeWhole'));
    requiredSkills.push({ skill: s.skill, min: Number(s.min) });
  });
  const separate: [string, string][] = [];
  v.pairs.forEach(([a, b], i) => {
    if (!a && !b) return;
    if (!a || !b) return addError(errors, `sep${a ? 'B' : 'A'}${i}`, t(lang, 'pairIncomplete'));
    if (a === b) return addError(errors, `sepB${i}`, t(lang, 'pairSame'));
    separate.push([a, b]);
  });
  if (Object.keys(errors).length) return { request: null, errors };

  const cycle = v.cycle
    .split(/[\s,、]+/)
    .filter(Boolean)
    .map((l) => l.toUpperCase());
  const request: RotationRequest = {
    ...(v.name ? { name: v.name } : {}),
    startDate: v.startDate,
    endDate: v.endDate,
    teamCount: teamCount!,
    pattern: {
      kind: v.pattern as 'daily',
      ...(v.pattern === 'cycle' ? { cycle } : {}),
      ...(bufferDays ? { bufferDays } : {}),
    },
    constraints: {
      ...(requiredSkills.length ? { requiredSkills } : {}),
      ...(separate.length ? { separate } : {}),
    },
  };
  const invalid = validate('rotation-create', request);
  if (invalid.length)
    return { request: null, errors: errorsOnFields(invalid, rotationFieldOf(usedRows(v)), lang) };
  return { request, errors: {} };
}

/** The form field a JSON Pointer into the rotation request points at (the rows map list indexes back to form rows). */
export function rotationFieldOf({ skillRow, pairRow }: { skillRow: number[]; pairRow: number[] }) {
  return (path: string): string | null => {
    const skill = /^\/constraints\/requiredSkills\/(\d+)/.exec(path);
    if (skill) return `skillMin${skillRow[Number(skill[1])] ?? 0}`;
    const pair = /^\/constraints\/separate\/(\d+)/.exec(path);
    if (pair) return `sepA${pairRow[Number(pair[1])] ?? 0}`;
    if (path.startsWith('/pattern/cycle')) return 'cycle';
    if (path.startsWith('/pattern/bufferDays')) return 'bufferDays';
    if (path.startsWith('/pattern')) return 'pattern';
    const top = /^\/(name|startDate|endDate|teamCount)$/.exec(path);
    return top ? top[1]! : null;
  };
}

/** The rows of the form's lists that made it into the request (to place the use case's errors). */
export function usedRows(v: RotationFormValues): { skillRow: number[]; pairRow: number[] } {
  return {
    skillRow: v.skills.flatMap((s, i) => (s.min !== '' && s.min !== '0' ? [i] : [])),
    pairRow: v.pairs.flatMap(([a, b], i) => (a && b ? [i] : [])),
  };
}
