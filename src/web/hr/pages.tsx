import type { Language } from '../../domain/types.ts';
import {
  ColumnHeads,
  Csrf,
  ErrorSummary,
  type FormErrors,
  Input,
  type Option,
  Select,
} from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import type { ExposureAnswer } from '../../app/quarantines/index.ts';

/** Names for the ids HR works with, across the departments HR sees. */
export interface Directory {
  /** Teams of the published rotations not yet over (value: team id). */
  teams: Option[];
  /** Active members (value: member id). */
  members: Option[];
  /** Full names (department, rotation, team) and short labels ("Team B") of teams. */
  teamName: Map<string, string>;
  teamLabel: Map<string, string>;
  memberName: Map<string, string>;
  departmentName: Map<string, string>;
}

export interface QuarantineRowView {
  id: string;
  departmentId: string;
  subject: 'team' | 'member';
  teamId: string | null;
  memberId: string | null;
  rotationId: string | null;
  startDate: string;
  endDate: string;
  effectiveFrom: string;
  reason: string | null;
  /** The lift form's date: today in the department's zone, or the first day in force when later. */
  liftDefault: string;
}

export interface MarkValues {
  subject: string;
  startDate: string;
  endDate: string;
  reason: string;
}

/** The subject select's value: `team:<id>`, `member:<id>`, or `positive:<member id>` (a positive case: every team exposed). */
export function parseSubject(value: string): {
  teamId?: string;
  memberId?: string;
  positiveMemberId?: string;
} {
  const m = /^(team|member|positive):(.+)$/.exec(value);
  if (!m) return {};
  return m[1] === 'team'
    ? { teamId: m[2]! }
    : m[1] === 'member'
      ? { memberId: m[2]! }
      : { positiveMemberId: m[2]! };
}

const prefixed = (prefix: string, options: Option[]): Option[] =>
  options.map((o) => ({ ...o, value: `${prefix}:${o.value}` }));

export const subjectName = (
  dir: Directory,
  q: { teamId: string | null; memberId: string | null },
) =>
  q.teamId
    ? (dir.teamName.get(q.teamId) ?? q.teamId)
    : (dir.memberName.get(q.memberId ?? '') ?? q.memberId ?? '');

function MarkFields({
  lang,
  dir,
  values,
  errors,
}: {
  lang: Language;
  dir: Directory;
  values: MarkValues;
  errors: FormErrors;
}) {
  return (
    <>
      <Select
        name="subject"
        label={t(lang, 'subject')}
        value={values.subject}
        placeholder={t(lang, 'subjectChoose')}
        groups={[
          { label: t(lang, 'teamsGroup'), options: prefixed('team', dir.teams) },
          { label: t(lang, 'membersGroup'), options: prefixed('member', dir.members) },
          { label: t(lang, 'positiveGroup'), options: prefixed('positive', dir.members) },
        ]}
        errors={errors}
      />
      <Input
        name="startDate"
        type="date"
        label={t(lang, 'startOrOnsetDate')}
        value={values.startDate}
        errors={errors}
      />
      <Input
        name="endDate"
        type="date"
        label={t(lang, 'endDate')}
        value={values.endDate}
        errors={errors}
      />
      <Input name="reason" label={t(lang, 'reason')} value={values.reason} errors={errors} />
    </>
  );
}

/** HR's page: the active quarantines (each with a lift form) and the form to mark one (previewed first). */
export function QuarantinesPage(p: {
  lang: Language;
  csrf: string;
  dir: Directory;
  active: QuarantineRowView[];
  values: MarkValues;
  errors: FormErrors;
  detail?: string | undefined;
  notice?: string | undefined;
}) {
  const { lang, dir, errors } = p;
  return (
    <>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary lang={lang} errors={errors} detail={p.detail} />
      <h2>{t(lang, 'activeQuarantines')}</h2>
      {p.active.length ? (
        <table id="active-quarantines">
          <ColumnHeads lang={lang} keys={['subject', 'department', 'period', 'reason', 'lift']} />
          <tbody>
            {p.active.map((q) => (
              <tr>
                <th scope="row">
                  {subjectName(dir, q)}
                  {q.rotationId ? (
                    <>
                      {' '}
                      (
                      <a
                        href={`/rotations/${q.rotationId}/month?month=${q.liftDefault.slice(0, 7)}`}
                      >
                        {t(lang, 'monthGrid')}
                      </a>
                      )
                    </>
                  ) : null}
                </th>
                <td>{dir.departmentName.get(q.departmentId) ?? ''}</td>
                <td>
                  {q.startDate} – {q.endDate}
                </td>
                <td>{q.reason ?? ''}</td>
                <td>
                  <form method="post" action={`/quarantines/${q.id}/lift`}>
                    <Csrf token={p.csrf} />
                    <Input
                      name="date"
                      id={`lift-${q.id}`}
                      type="date"
                      label={t(lang, 'liftFrom')}
                      value={q.liftDefault}
                      errors={errors}
                    />
                    <button type="submit" class="secondary">
                      {t(lang, 'lift')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t(lang, 'noQuarantines')}</p>
      )}
      <h2>{t(lang, 'markQuarantine')}</h2>
      <form method="post" action="/quarantines/preview" novalidate>
        <Csrf token={p.csrf} />
        <MarkFields lang={lang} dir={dir} values={p.values} errors={errors} />
        <button type="submit">{t(lang, 'preview')}</button>
      </form>
    </>
  );
}

export interface Preview {
  /** The window as it would be stored (the end from policy when none was given). */
  startDate: string;
  endDate: string;
  /** Who would be quarantined (a positive case: the person and every team exposed). */
  subjects: string[];
  swaps: { date: string; fromTeamId: string; toTeamId: string | null }[];
  uncovered: string[];
  newShortageDates: string[];
}

/** What marking would do, before anything is written; confirming posts the same values with one idempotency key. */
export function PreviewPage(p: {
  lang: Language;
  csrf: string;
  dir: Directory;
  values: MarkValues;
  preview: Preview;
  idempotencyKey: string;
}) {
  const { lang, dir, preview } = p;
  const team = (id: string | null) => (id ? (dir.teamLabel.get(id) ?? id) : '—');
  return (
    <>
      <p>
        <strong>{preview.subjects.join('、')}</strong> {preview.startDate} – {preview.endDate}
      </p>
      <p>{t(lang, 'previewIntro')}</p>
      <h2>{t(lang, 'swaps')}</h2>
      {preview.swaps.length ? (
        <table id="preview-swaps">
          <ColumnHeads lang={lang} keys={['date', 'from', 'to']} />
          <tbody>
            {preview.swaps.map((s) => (
              <tr>
                <th scope="row">
                  <time datetime={s.date}>{s.date}</time>
                </th>
                <td>{team(s.fromTeamId)}</td>
                <td>
                  {s.toTeamId ? (
                    team(s.toTeamId)
                  ) : (
                    <strong class="ng">{t(lang, 'kind.uncovered')}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t(lang, 'noSwaps')}</p>
      )}
      <h2>{t(lang, 'uncoveredDays')}</h2>
      <p id="preview-uncovered">{preview.uncovered.length ? preview.uncovered.join(', ') : '0'}</p>
      {preview.newShortageDates.length ? (
        <p class="ng">{t(lang, 'newShortage', { dates: preview.newShortageDates.join(', ') })}</p>
      ) : null}
      <form method="post" action="/quarantines">
        <Csrf token={p.csrf} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        {(['subject', 'startDate', 'endDate', 'reason'] as const).map((k) => (
          <input type="hidden" name={k} value={p.values[k]} />
        ))}
        <button type="submit">{t(lang, 'confirm')}</button>{' '}
        <a href="/quarantines">{t(lang, 'cancel')}</a>
      </form>
    </>
  );
}

/** Who shared office days with a member: the lookup form and its answer. */
export function ExposurePage(p: {
  lang: Language;
  dir: Directory;
  values: { memberId: string; from: string; to: string };
  errors: FormErrors;
  detail?: string | undefined;
  answer: ExposureAnswer | null;
}) {
  const { lang, dir } = p;
  return (
    <>
      <p>{t(lang, 'exposureHint')}</p>
      <ErrorSummary lang={lang} errors={p.errors} detail={p.detail} />
      <form method="get" action="/exposures" novalidate>
        <Select
          name="memberId"
          label={t(lang, 'member')}
          value={p.values.memberId}
          options={dir.members}
          placeholder={t(lang, 'chooseMember')}
          errors={p.errors}
        />
        <Input
          name="from"
          type="date"
          label={t(lang, 'startDate')}
          value={p.values.from}
          errors={p.errors}
        />
        <Input
          name="to"
          type="date"
          label={t(lang, 'endDate')}
          value={p.values.to}
          errors={p.errors}
        />
        <button type="submit">{t(lang, 'lookup')}</button>
      </form>
      {p.answer ? (
        p.answer.days.length ? (
          <table id="exposure-days">
            <ColumnHeads lang={lang} keys={['date', 'teamsSideBySide', 'coPresent']} />
            <tbody>
              {p.answer.days.map((d) => (
                <tr>
                  <th scope="row">{d.date}</th>
                  <td>{d.teamId ? (dir.teamLabel.get(d.teamId) ?? '') : ''}</td>
                  <td>
                    {d.coPresentMemberIds.map((id) => dir.memberName.get(id) ?? id).join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t(lang, 'noExposure')}</p>
        )
      ) : null}
    </>
  );
}
