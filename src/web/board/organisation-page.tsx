import type { readOrganisationBoard } from '../../app/board/index.ts';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import { Day, countText, listDayText, spanText } from '../shared/dates.tsx';
import { t } from '../shared/i18n.ts';
import { CapacityTable, DatePicker, kindText, StandbyTable } from './parts.tsx';

type Board = Extract<Awaited<ReturnType<typeof readOrganisationBoard>>, { ok: true }>['value'];

/** The organisation's day: a line per department, everyone in standby (never why), remote demand. */
export function OrganisationBoardPage({ lang, board: b }: { lang: Language; board: Board }) {
  const heads = [
    'department',
    'board.dayCol',
    'board.membersCol',
    'board.officeCol',
    'board.remoteCol',
    'board.standbyCol',
    'board.uncoveredCol',
  ] as const;
  const people = (n: number) => countText(lang, 'people', n);
  return (
    <>
      <DatePicker lang={lang} path="/board" date={b.date} />
      <h2 id="org-day">
        <Day lang={lang} iso={b.date} />
      </h2>
      <section aria-labelledby="org-departments">
        <h2 id="org-departments">{t(lang, 'board.departments')}</h2>
        <p class="hint">
          {t(lang, 'board.uncovered', { through: spanText(lang, b.date, b.uncoveredThrough) })}
        </p>
        <Table id="departments">
          <thead>
            <tr>
              {heads.map((k) => (
                <th scope="col">{t(lang, k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.departments.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/departments/${d.departmentId}/board?date=${b.date}`}>{d.name}</a>
                </th>
                <td>{kindText(lang, d.kind)}</td>
                <td>{people(d.members)}</td>
                <td>{people(d.office)}</td>
                <td>{people(d.remote)}</td>
                <td class={d.standby ? 'ng' : ''}>{people(d.standby)}</td>
                <td class={d.uncovered.length ? 'ng' : ''}>
                  {d.uncovered.length
                    ? t(lang, 'board.firstDates', {
                        count: countText(lang, 'days', d.uncovered.length),
                        date: listDayText(lang, d.uncovered[0]!, b.date),
                      })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <section aria-labelledby="org-standby">
        <h2 id="org-standby">{t(lang, 'board.standbyAll', { count: people(b.standby.length) })}</h2>
        <StandbyTable lang={lang} date={b.date} standby={b.standby} />
      </section>
      <section aria-labelledby="org-capacity">
        <h2 id="org-capacity">{t(lang, 'board.capacity')}</h2>
        <CapacityTable lang={lang} capacity={b.capacity} />
      </section>
    </>
  );
}
