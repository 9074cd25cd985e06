import type { HealthCentreList } from '../../app/quarantines/index.ts';
import { ColumnHeads } from '../shared/form.tsx';
import { Table } from '../shared/table.tsx';
import { dateInZone } from '../../domain/calendar/index.ts';
import { t } from '../shared/i18n.ts';
import { Day, countText, instantText, spanText } from '../shared/dates.tsx';

/**
 * The list for the public health centre, printable on A4: the department, the period, the case,
 * who made it and when, then each office day of the case with the people in the office (name,
 * department, e-mail; nobody's health information). In the department's language.
 */
export function HealthCentrePage({ list, csv }: { list: HealthCentreList; csv: string }) {
  const lang = list.department.language;
  const madeOn = dateInZone(new Date(list.madeAt), list.department.timezone);
  return (
    <>
      <p class="no-print">
        <button type="button" data-print="">
          {t(lang, 'print')}
        </button>{' '}
        <a class="button secondary" href={csv}>
          {t(lang, 'healthCentreCsv')}
        </a>{' '}
        <a href="/exposures">{t(lang, 'back')}</a>
      </p>
      <Table id="health-centre-meta">
        <tbody>
          <tr>
            <th scope="row">{t(lang, 'department')}</th>
            <td>{list.department.name}</td>
          </tr>
          <tr>
            <th scope="row">{t(lang, 'healthCentreCase')}</th>
            <td>
              {list.case.name} &lt;{list.case.email}&gt;
            </td>
          </tr>
          <tr>
            <th scope="row">{t(lang, 'period')}</th>
            <td>{spanText(lang, list.from, list.to)}</td>
          </tr>
          <tr>
            <th scope="row">{t(lang, 'madeBy')}</th>
            <td>
              {t(lang, 'madeByWithRole', {
                label: list.madeBy.label,
                role: t(lang, `role.${list.madeBy.role}`),
              })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t(lang, 'madeAt')}</th>
            <td>
              <time datetime={list.madeAt}>
                {instantText(lang, list.madeAt, list.department.timezone)}
              </time>
            </td>
          </tr>
        </tbody>
      </Table>
      <p>{t(lang, 'healthCentreNote', { days: countText(lang, 'days', list.days.length) })}</p>
      {list.days.length ? (
        <Table id="health-centre-list">
          <ColumnHeads lang={lang} keys={['date', 'name', 'department', 'email']} />
          {list.days.map((d) => (
            <tbody>
              {(d.people.length ? d.people : [null]).map((person, i) => (
                <tr>
                  {i === 0 ? (
                    <th scope="rowgroup" rowspan={Math.max(1, d.people.length)}>
                      <Day lang={lang} iso={d.date} asOf={madeOn} />
                    </th>
                  ) : null}
                  {person ? (
                    <>
                      <td>{person.name}</td>
                      <td>{person.department}</td>
                      <td>{person.email}</td>
                    </>
                  ) : (
                    <td colspan={3}>{t(lang, 'healthCentreNobody')}</td>
                  )}
                </tr>
              ))}
            </tbody>
          ))}
        </Table>
      ) : (
        <p>{t(lang, 'noExposure')}</p>
      )}
    </>
  );
}
