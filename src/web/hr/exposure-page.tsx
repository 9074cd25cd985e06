import type { ExposureAnswer } from '../../app/quarantines/index.ts';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import { ColumnHeads, ErrorSummary, Input, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { Day, listText } from '../shared/dates.tsx';
import type { Directory } from './directory.ts';
import { KeepPicker, MemberSelect, PickerStep, type PickerState } from './picker.tsx';

export interface ExposureValues {
  memberId: string;
  from: string;
  to: string;
}

/** Who shared office days with a member: the department and search first, then the lookup, its answer and the health-centre list. */
export function ExposurePage(p: {
  lang: Language;
  dir: Directory;
  picker: PickerState;
  values: ExposureValues;
  errors: FormErrors;
  detail?: string | undefined;
  answer: ExposureAnswer | null;
}) {
  const { lang, dir } = p;
  const today = dir.departmentOf.get(p.picker.dept)?.today ?? p.answer?.to ?? '';
  const list = p.answer
    ? new URLSearchParams({ memberId: p.answer.memberId, from: p.answer.from, to: p.answer.to })
    : null;
  return (
    <>
      <p>{t(lang, 'exposureHint')}</p>
      <ErrorSummary lang={lang} errors={p.errors} detail={p.detail} />
      <PickerStep lang={lang} dir={dir} action="/exposures" state={p.picker} />
      <form method="get" action="/exposures" novalidate id="exposure-lookup">
        <KeepPicker state={p.picker} />
        <MemberSelect
          lang={lang}
          dir={dir}
          state={p.picker}
          value={p.values.memberId}
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
          <Table id="exposure-days">
            <ColumnHeads lang={lang} keys={['date', 'teamsSideBySide', 'coPresent']} />
            <tbody>
              {p.answer.days.map((d) => (
                <tr>
                  <th scope="row">
                    <Day lang={lang} iso={d.date} asOf={today} />
                  </th>
                  <td>{d.teamId ? (dir.teamOf.get(d.teamId)?.label ?? '') : ''}</td>
                  <td>
                    {listText(
                      lang,
                      d.coPresentMemberIds.map((id) => dir.memberOf.get(id)?.name ?? id),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p>{t(lang, 'noExposure')}</p>
        )
      ) : null}
      {list ? (
        <section id="health-centre-links">
          <h2>{t(lang, 'healthCentreList')}</h2>
          <p>{t(lang, 'healthCentreHint')}</p>
          <p>
            <a class="button" href={`/exposures/list?${list}`}>
              {t(lang, 'healthCentreMake')}
            </a>{' '}
            <a class="button secondary" href={`/exposures/list.csv?${list}`}>
              {t(lang, 'healthCentreCsv')}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
