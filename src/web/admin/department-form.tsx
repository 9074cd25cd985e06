import { problem } from '../../domain/problems/index.ts';
import type { DepartmentInput, DepartmentView } from '../../app/departments/index.ts';
import type { FieldError } from '../../app/failure.ts';
import { validate } from '../../contract/schemas.ts';
import { checkDepartmentSettings } from '../../domain/calendar/index.ts';
import type { Language } from '../../domain/types.ts';
import {
  Csrf,
  ErrorSummary,
  errorsOnFields,
  Input,
  Select,
  text,
  type FormErrors,
} from '../shared/form.tsx';
import { t, type TextKey } from '../shared/i18n.ts';
import { CheckGroup, TextArea } from './fields.tsx';

/** What the department form holds, as typed (so a refused form comes back as it was sent). */
export interface DepartmentValues {
  name: string;
  timezone: string;
  officeStart: string;
  officeEnd: string;
  /** ISO weekdays ticked, '1' (Monday) … '7' (Sunday). */
  workdays: string[];
  holidays: string;
  /** One date a line. */
  closedDates: string;
  language: string;
  /** Evening reminders before office days, and from which hour (as typed). */
  reminders: boolean;
  reminderHour: string;
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** A new department's form: the defaults createDepartment would apply. */
export const NEW_DEPARTMENT: DepartmentValues = {
  name: '',
  timezone: 'Asia/Tokyo',
  officeStart: '08:30',
  officeEnd: '17:15',
  workdays: ['1', '2', '3', '4', '5'],
  holidays: 'jp',
  closedDates: '',
  language: 'ja',
  reminders: false,
  reminderHour: '17',
};

export const valuesOfDepartment = (d: DepartmentView): DepartmentValues => ({
  name: d.name,
  timezone: d.timezone,
  officeStart: d.officeHours.start,
  officeEnd: d.officeHours.end,
  workdays: d.workdays.map(String),
  holidays: d.holidays,
  closedDates: d.closedDates.join('\n'),
  language: d.language,
  reminders: d.reminders,
  reminderHour: String(d.reminderHour),
});

export function departmentValues(body: Record<string, unknown>): DepartmentValues {
  return {
    name: text(body, 'name'),
    timezone: text(body, 'timezone'),
    officeStart: text(body, 'officeStart'),
    officeEnd: text(body, 'officeEnd'),
    workdays: WEEKDAYS.filter((d) => text(body, `workday-${d}`) !== ''),
    holidays: text(body, 'holidays'),
    closedDates: typeof body.closedDates === 'string' ? body.closedDates : '',
    language: text(body, 'language'),
    reminders: text(body, 'reminders') !== '',
    reminderHour: text(body, 'reminderHour'),
  };
}

/** The closed dates given, each with its line in the textarea (blank lines skipped). */
function closedLines(v: DepartmentValues): { date: string; line: number }[] {
  return v.closedDates
    .split(/\r?\n/)
    .map((s, i) => ({ date: s.trim(), line: i + 1 }))
    .filter((x) => x.date !== '');
}

const fieldOf = (path: string): string | null =>
  path === '/officeHours/start'
    ? 'officeStart'
    : path === '/officeHours/end' || path === '/officeHours'
      ? 'officeEnd'
      : path.startsWith('/workdays')
        ? 'workdays'
        : path.startsWith('/closedDates')
          ? 'closedDates'
          : (/^\/(name|timezone|holidays|language|reminders|reminderHour)$/.exec(path)?.[1] ??
            null);

/** The use case's (or the schema's) errors next to the form's fields; a closed date names its line. */
export function departmentErrors(
  v: DepartmentValues,
  errors: FieldError[],
  lang: Language,
): FormErrors {
  const lines = closedLines(v);
  return errorsOnFields(errors, fieldOf, lang, (path) => {
    const i = /^\/closedDates\/(\d+)$/.exec(path)?.[1];
    const at = i === undefined ? undefined : lines[Number(i)];
    return at ? `${t(lang, 'admin.lineOf', { line: at.line, value: at.date })}: ` : '';
  });
}

/**
 * The request the form stands for, checked by the API's own schema (so the page and the API
 * refuse alike), or the errors by field.
 */
export function departmentRequest(
  v: DepartmentValues,
  schema: 'department-create' | 'department-update',
  lang: Language,
): { input: DepartmentInput | null; errors: FormErrors } {
  const input: Record<string, unknown> = {
    ...(v.name ? { name: v.name } : {}),
    timezone: v.timezone,
    officeHours: { start: v.officeStart, end: v.officeEnd },
    workdays: v.workdays.map(Number),
    holidays: v.holidays,
    closedDates: closedLines(v).map((x) => x.date),
    language: v.language,
    reminders: v.reminders,
    // Left empty: the default (a new department) or the hour it has (an edit).
    ...(v.reminderHour.trim() === ''
      ? {}
      : {
          reminderHour: /^\d{1,2}$/.test(v.reminderHour.trim())
            ? Number(v.reminderHour)
            : v.reminderHour,
        }),
  };
  const problems: FieldError[] = validate(schema, input);
  // The schema stops at types and formats; the use case's own checks (end after start, a real
  // zone, a real date) are named in the same answer, not one refusal later.
  if (problems.length) {
    const named = new Set(problems.map((e) => e.path));
    const hours = /^\d\d:\d\d$/.test(v.officeStart) && /^\d\d:\d\d$/.test(v.officeEnd);
    for (const e of checkDepartmentSettings({
      timezone: v.timezone,
      ...(hours ? { officeHours: { start: v.officeStart, end: v.officeEnd } } : {}),
      closedDates: closedLines(v).map((x) => x.date),
    }))
      if (!named.has(e.path)) problems.push(e);
  }
  // An update may leave the name out; this form always has one.
  if (!v.name && schema === 'department-update')
    problems.push({ path: '/name', message: 'is required', ...problem('required') });
  return problems.length
    ? { input: null, errors: departmentErrors(v, problems, lang) }
    : { input: input as unknown as DepartmentInput, errors: {} };
}

const DAY_KEYS: TextKey[] = [
  'admin.day1',
  'admin.day2',
  'admin.day3',
  'admin.day4',
  'admin.day5',
  'admin.day6',
  'admin.day7',
];

/** IANA zones grouped by region (the runtime's list), Asia/Tokyo first, the current one kept. */
function zoneChoices(current: string) {
  const zones = new Set<string>(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  zones.delete('Asia/Tokyo');
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const z of [...zones].sort()) {
    const region = z.includes('/') ? z.slice(0, z.indexOf('/')) : 'Etc';
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region)!.push({ value: z, label: z });
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** The department form: name, time zone, office hours, workdays, holiday calendar, closed dates, language, reminders. */
export function DepartmentForm(p: {
  lang: Language;
  csrf: string;
  action: string;
  submit: string;
  values: DepartmentValues;
  errors: FormErrors;
  detail?: string | undefined;
}) {
  const { lang, values: v, errors } = p;
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} detail={p.detail} />
      <form method="post" action={p.action} id="department-form">
        <Csrf token={p.csrf} />
        <Input name="name" label={t(lang, 'admin.deptName')} value={v.name} errors={errors} />
        <Select
          name="timezone"
          label={t(lang, 'admin.timezone')}
          value={v.timezone}
          options={[{ value: 'Asia/Tokyo', label: t(lang, 'admin.tzJapan') }]}
          groups={zoneChoices(v.timezone)}
          errors={errors}
        />
        <Input
          name="officeStart"
          type="time"
          label={t(lang, 'admin.officeStart')}
          value={v.officeStart}
          errors={errors}
        />
        <Input
          name="officeEnd"
          type="time"
          label={t(lang, 'admin.officeEnd')}
          value={v.officeEnd}
          errors={errors}
        />
        <CheckGroup
          id="workdays"
          legend={t(lang, 'admin.workdays')}
          errors={errors}
          boxes={WEEKDAYS.map((d, i) => ({
            name: `workday-${d}`,
            label: t(lang, DAY_KEYS[i]!),
            checked: v.workdays.includes(d),
          }))}
        />
        <Select
          name="holidays"
          label={t(lang, 'admin.holidays')}
          value={v.holidays}
          options={[
            { value: 'jp', label: t(lang, 'admin.holidays.jp') },
            { value: 'jp-gov', label: t(lang, 'admin.holidays.jp-gov') },
            { value: 'none', label: t(lang, 'admin.holidays.none') },
          ]}
          errors={errors}
        />
        <TextArea
          name="closedDates"
          label={t(lang, 'admin.closedDates')}
          hint={t(lang, 'admin.closedDatesHint')}
          value={v.closedDates}
          errors={errors}
        />
        <Select
          name="language"
          label={t(lang, 'admin.language')}
          value={v.language}
          options={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
          errors={errors}
        />
        <CheckGroup
          id="reminders"
          legend={t(lang, 'admin.reminders')}
          errors={errors}
          boxes={[{ name: 'reminders', label: t(lang, 'admin.remindersOn'), checked: v.reminders }]}
        />
        <Input
          name="reminderHour"
          type="number"
          min={12}
          max={23}
          label={t(lang, 'admin.reminderHour')}
          hint={t(lang, 'admin.reminderHourHint')}
          value={v.reminderHour}
          errors={errors}
        />
        <button type="submit">{p.submit}</button>
      </form>
    </>
  );
}
