import type { QuarantineState } from '../../app/quarantines/index.ts';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import { ColumnHeads, Csrf, Input, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { Day, listSpanText } from '../shared/dates.tsx';
import { subjectName, type Directory } from './directory.ts';

/** A quarantine as HR's lists show it. */
export interface QuarantineRowView {
  id: string;
  departmentId: string;
  teamId: string | null;
  memberId: string | null;
  rotationId: string | null;
  startDate: string;
  endDate: string;
  reason: string | null;
  liftedFrom: string | null;
  state: QuarantineState;
  /** In force today or later (a lift from a later date leaves it so until then). */
  active: boolean;
  /** For a person's quarantine: the exposure lookup of who shared the office with them. */
  exposureHref: string | null;
  /** Today in its department's zone: the row's dates are read against it. */
  today: string;
  /** The lift form's date: today in the department's zone, or the first day in force when later. */
  liftDefault: string;
}

/** What a quarantine is, in words: in force, not yet begun, lifted from a date, or over. */
export function StateText({ lang, q }: { lang: Language; q: QuarantineRowView }) {
  return q.state === 'lifted' && q.liftedFrom ? (
    <span class="state lifted">
      {t(lang, 'liftedBefore')}
      <Day lang={lang} iso={q.liftedFrom} asOf={q.today} />
      {t(lang, 'liftedAfter')}
    </span>
  ) : (
    <span class={`state ${q.state}`}>{t(lang, `state.${q.state}`)}</span>
  );
}

function Subject({ lang, dir, q }: { lang: Language; dir: Directory; q: QuarantineRowView }) {
  return (
    <th scope="row">
      {subjectName(dir, q)}
      {q.rotationId ? (
        <>
          {' '}
          (
          <a href={`/rotations/${q.rotationId}/month?month=${q.liftDefault.slice(0, 7)}`}>
            {t(lang, 'monthGrid')}
          </a>
          )
        </>
      ) : null}
      {q.exposureHref ? (
        <>
          {' '}
          (<a href={q.exposureHref}>{t(lang, 'exposureOfCase')}</a>)
        </>
      ) : null}
    </th>
  );
}

/** The quarantines in force or still to come, each with a lift form (previewed first) unless already lifted. */
export function CurrentTable(p: {
  lang: Language;
  csrf: string;
  dir: Directory;
  rows: QuarantineRowView[];
  errors: FormErrors;
}) {
  const { lang, dir, errors } = p;
  if (!p.rows.length) return <p>{t(lang, 'noQuarantines')}</p>;
  return (
    <Table id="active-quarantines">
      <ColumnHeads
        lang={lang}
        keys={['subject', 'department', 'period', 'state', 'reason', 'lift']}
      />
      <tbody>
        {p.rows.map((q) => (
          <tr data-state={q.state}>
            <Subject lang={lang} dir={dir} q={q} />
            <td>{dir.departmentOf.get(q.departmentId)?.name ?? ''}</td>
            <td>{listSpanText(lang, q.startDate, q.endDate, q.today)}</td>
            <td>
              <StateText lang={lang} q={q} />
            </td>
            <td>{q.reason ?? ''}</td>
            <td>
              {q.state === 'lifted' ? null : (
                <form method="post" action={`/quarantines/${q.id}/lift/preview`}>
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
                    {t(lang, 'liftPreview')}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Quarantines that are over: lifted (from which date) or ended. */
export function HistoryTable(p: { lang: Language; dir: Directory; rows: QuarantineRowView[] }) {
  const { lang, dir } = p;
  if (!p.rows.length) return <p>{t(lang, 'noHistory')}</p>;
  return (
    <Table id="quarantine-history">
      <ColumnHeads lang={lang} keys={['subject', 'department', 'period', 'state', 'reason']} />
      <tbody>
        {p.rows.map((q) => (
          <tr data-state={q.state}>
            <Subject lang={lang} dir={dir} q={q} />
            <td>{dir.departmentOf.get(q.departmentId)?.name ?? ''}</td>
            <td>{listSpanText(lang, q.startDate, q.endDate, q.today)}</td>
            <td>
              <StateText lang={lang} q={q} />
            </td>
            <td>{q.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
