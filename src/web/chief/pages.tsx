import { word } from '../../domain/glossary.ts';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import type { FieldError } from '../../app/failure.ts';
import type { MemberView } from '../../app/members/index.ts';
import {
  ColumnHeads,
  Csrf,
  ErrorSummary,
  type FormErrors,
  Input,
  type Option,
  Select,
} from '../shared/form.tsx';
import { countAside, countText, listSpanText } from '../shared/dates.tsx';
import { fieldMessage, t, tOf } from '../shared/i18n.ts';
import { PAIR_ROWS, type RotationFormValues } from './rotation-form.ts';
import { RosterSyncForm } from './roster.tsx';
import { InviteAllForm } from './invite-all.tsx';

export interface RotationSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  teamCount: number;
  status: string;
}

/**
 * The column a roster pointer names, as the file's header says it in the page's language
 * (`/members/3/email` → メールアドレス; the glossary's word), the header row, or a dash for the file.
 */
function fieldOfPath(lang: Language, path: string): string {
  if (/^\/header(\/|$)/.test(path)) return t(lang, 'csvHeaderRow');
  const field = /^\/members\/\d+\/(\w+)/.exec(path)?.[1] ?? '—';
  return word('columns', field, lang) ?? field;
}

/** Each wrong row of a roster file: its line, field and what is wrong. */
export function RowErrors({ lang, rows }: { lang: Language; rows: FieldError[] }) {
  return (
    <Table id="csv-errors">
      <caption>{t(lang, 'csvErrors')}</caption>
      <ColumnHeads lang={lang} keys={['line', 'field', 'message']} />
      <tbody>
        {rows.map((e) => (
          <tr>
            <th scope="row">{e.line ?? '—'}</th>
            <td>{fieldOfPath(lang, e.path)}</td>
            <td>{fieldMessage(lang, e)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A department for its chief: members, the roster CSV import (each wrong row named), and its rotations. */
export function DepartmentPage(p: {
  lang: Language;
  csrf: string;
  departmentId: string;
  /** The chief (or admin) changes members and rotations; HR reads, without a form. */
  editable: boolean;
  members: MemberView[];
  rotations: RotationSummary[];
  /** Today in the department's zone: the dates in its lists are read against it. */
  today: string;
  csvErrors?: FieldError[];
  formErrors?: FormErrors;
  added?: number;
  notice?: string | undefined;
}) {
  const { lang } = p;
  return (
    <>
      {p.added || p.notice ? (
        <p class="notice" role="status">
          {p.notice ?? t(lang, 'membersAdded', { count: countText(lang, 'people', p.added ?? 0) })}
        </p>
      ) : null}
      {p.editable ? (
        <p>
          <a href={`/departments/${p.departmentId}/settings`}>{t(lang, 'departmentSettings')}</a>
        </p>
      ) : (
        <p class="notice">{t(lang, 'readOnly')}</p>
      )}
      <h2>{t(lang, 'rotations')}</h2>
      {p.rotations.length ? (
        <Table>
          <ColumnHeads lang={lang} keys={['rotationColumn', 'period', 'teams', 'status']} />
          <tbody>
            {p.rotations.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/rotations/${r.id}`}>{r.name}</a>
                </th>
                <td>{listSpanText(lang, r.startDate, r.endDate, p.today)}</td>
                <td>{countText(lang, 'teams', r.teamCount)}</td>
                <td>{tOf(lang, 'status', r.status)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t(lang, 'noRotations')}</p>
      )}
      {p.editable ? (
        <DepartmentForms {...p} />
      ) : (
        <p>
          <a href={`/departments/${p.departmentId}/members.csv`} download>
            {t(lang, 'downloadCsv')}
          </a>
        </p>
      )}

      <h2>
        {t(lang, 'members')}
        {countAside(lang, 'people', p.members.length)}
      </h2>
      {p.members.length ? (
        <Table id="members">
          <ColumnHeads
            lang={lang}
            keys={['name', 'email', 'skills', 'position', 'remoteAccess', 'active']}
          />
          <tbody>
            {p.members.map((m) => (
              <tr>
                <th scope="row">
                  {p.editable ? <a href={`/members/${m.id}`}>{m.name}</a> : m.name}
                </th>
                <td>{m.email}</td>
                <td>{m.skills.join(', ')}</td>
                <td>{tOf(lang, 'position', m.position)}</td>
                <td>{tOf(lang, 'remote', m.remoteAccess)}</td>
                <td>{t(lang, m.active ? 'yes' : 'no')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t(lang, 'noMembers')}</p>
      )}
    </>
  );
}

/** The chief's forms of the department page: a new rotation, the roster CSV, invitations. */
function DepartmentForms(p: Parameters<typeof DepartmentPage>[0]) {
  const { lang } = p;
  const rowErrors = p.csvErrors ?? [];
  return (
    <>
      <p>
        <a class="button" href={`/departments/${p.departmentId}/rotations/new`}>
          {t(lang, 'newRotation')}
        </a>
      </p>

      <h2 id="csv-upload">{t(lang, 'csvUpload')}</h2>
      <ErrorSummary
        lang={lang}
        errors={p.formErrors ?? {}}
        detail={rowErrors.length ? t(lang, 'csvErrors') : undefined}
      />
      {rowErrors.length ? <RowErrors lang={lang} rows={rowErrors} /> : null}
      <form
        method="post"
        action={`/departments/${p.departmentId}/members`}
        enctype="multipart/form-data"
      >
        <Csrf token={p.csrf} />
        <Input
          name="csv"
          type="file"
          accept=".csv,text/csv"
          label={t(lang, 'csvFile')}
          hint={t(lang, 'csvHint')}
          errors={p.formErrors}
          required
        />
        <button type="submit">{t(lang, 'upload')}</button>
      </form>

      <RosterSyncForm lang={lang} csrf={p.csrf} departmentId={p.departmentId} />
      <InviteAllForm lang={lang} csrf={p.csrf} departmentId={p.departmentId} />
    </>
  );
}

/** Options for choosing a member: name and e-mail (names can repeat). */
export const memberOptions = (members: MemberView[]): Option[] =>
  members.filter((m) => m.active).map((m) => ({ value: m.id, label: `${m.name} <${m.email}>` }));

/** The rotation form: team count, pattern, required skills per team, keep-apart pairs. */
export function RotationForm(p: {
  lang: Language;
  csrf: string;
  action: string;
  values: RotationFormValues;
  members: MemberView[];
  errors: FormErrors;
  detail?: string | undefined;
}) {
  const { lang, values: v, errors } = p;
  const patterns: Option[] = (['daily', 'weekly', 'cycle'] as const).map((k) => ({
    value: k,
    label: t(lang, `pattern.${k}`),
  }));
  const people = memberOptions(p.members);
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} detail={p.detail} />
      <form method="post" action={p.action} novalidate>
        <Csrf token={p.csrf} />
        <Input name="name" label={t(lang, 'rotationName')} value={v.name} errors={errors} />
        <Input
          name="startDate"
          type="date"
          label={t(lang, 'startDate')}
          value={v.startDate}
          errors={errors}
          required
        />
        <Input
          name="endDate"
          type="date"
          label={t(lang, 'endDate')}
          value={v.endDate}
          errors={errors}
          required
        />
        <Input
          name="teamCount"
          type="number"
          min={2}
          max={26}
          label={t(lang, 'teamCount')}
          value={v.teamCount}
          errors={errors}
          required
        />
        <Select
          name="pattern"
          label={t(lang, 'pattern')}
          value={v.pattern}
          options={patterns}
          errors={errors}
        />
        <Input name="cycle" label={t(lang, 'cycle')} value={v.cycle} errors={errors} />
        <Input
          name="bufferDays"
          type="number"
          min={0}
          label={t(lang, 'bufferDays')}
          value={v.bufferDays}
          errors={errors}
        />
        <fieldset>
          <legend>{t(lang, 'requiredSkills')}</legend>
          <p class="hint">{t(lang, 'requiredSkillsHint')}</p>
          {v.skills.length ? null : <p>{t(lang, 'noSkills')}</p>}
          {v.skills.map((s, i) => (
            <>
              <input type="hidden" name={`skillName${i}`} value={s.skill} />
              <Input
                name={`skillMin${i}`}
                type="number"
                min={0}
                label={t(lang, 'minPerTeam', { skill: s.skill })}
                value={s.min}
                errors={errors}
              />
            </>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'keepApart')}</legend>
          <p class="hint">{t(lang, 'keepApartHint')}</p>
          {Array.from({ length: PAIR_ROWS }, (_, i) => (
            <div class="pair">
              <Select
                name={`sepA${i}`}
                label={t(lang, 'pairFirst', { n: i + 1 })}
                value={v.pairs[i]?.[0]}
                options={people}
                placeholder={t(lang, 'none')}
                errors={errors}
              />
              <Select
                name={`sepB${i}`}
                label={t(lang, 'pairSecond', { n: i + 1 })}
                value={v.pairs[i]?.[1]}
                options={people}
                placeholder={t(lang, 'none')}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit">{t(lang, 'create')}</button>
      </form>
    </>
  );
}
