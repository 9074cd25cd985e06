import type { readDepartmentBoard } from '../../app/board/index.ts';
import { ColumnHeads } from '../shared/form.tsx';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import { Day, countText, hoursText, spanText } from '../shared/dates.tsx';
import { t, tOf } from '../shared/i18n.ts';
import { CapacityTable, DatePicker, DayList, kindText, StandbyTable } from './parts.tsx';

type Board = Extract<Awaited<ReturnType<typeof readDepartmentBoard>>, { ok: true }>['value'];

const teamName = (lang: Language, label: string) => t(lang, 'teamLabel', { label });

/** A department's day: office teams per slot, remote, standby until when (never why), days ahead. */
export function DepartmentBoardPage(p: { lang: Language; board: Board; canEdit: boolean }) {
  const { lang, board: b } = p;
  const path = `/departments/${b.departmentId}/board`;
  const people = (n: number) => countText(lang, 'people', n);
  return (
    <>
      {p.canEdit ? (
        <p>
          <a href={`/departments/${b.departmentId}`}>{t(lang, 'board.departmentPage')}</a>
        </p>
      ) : (
        <p class="hint">{t(lang, 'board.readOnly')}</p>
      )}
      <DatePicker lang={lang} path={path} date={b.date} />
      <section aria-labelledby="board-day">
        <h2 id="board-day">
          <Day lang={lang} iso={b.date} /> {kindText(lang, b.kind)}
          {b.holiday ? `（${b.holiday}）` : ''}
        </h2>
        <p>
          {b.rotation ? (
            <a href={`/rotations/${b.rotation.id}/month?month=${b.date.slice(0, 7)}`}>
              {t(lang, 'board.rotation', {
                // A rotation made without a name is named by its dates: the span says it already.
                name: /^\d{4}-\d{2}-\d{2}/.test(b.rotation.name)
                  ? t(lang, 'monthGrid')
                  : b.rotation.name,
                span: spanText(lang, b.rotation.startDate, b.rotation.endDate),
              })}
            </a>
          ) : (
            t(lang, 'board.noRotation')
          )}
        </p>
        {b.office.length ? (
          b.office.map((s) => (
            <section aria-labelledby={`slot-${s.slot}`} class="slot">
              <h3 id={`slot-${s.slot}`}>
                {t(lang, 'board.slot', {
                  team: teamName(lang, s.teamLabel),
                  hours: hoursText(lang, s.start, s.end),
                  count: people(s.members.length),
                })}
              </h3>
              <ul class="office-members">
                {s.members.map((m) => (
                  <li>
                    {m.name}
                    {m.position !== 'staff' ? `（${tOf(lang, 'position', m.position)}）` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ))
        ) : (
          <p>{t(lang, 'board.noOffice')}</p>
        )}
      </section>
      <section aria-labelledby="board-standby">
        <h2 id="board-standby">{t(lang, 'board.standby', { count: people(b.standby.length) })}</h2>
        <StandbyTable lang={lang} date={b.date} standby={b.standby} />
      </section>
      <section aria-labelledby="board-remote">
        <h2 id="board-remote">{t(lang, 'board.remote', { count: people(b.remote.length) })}</h2>
        {b.remote.length ? (
          <Table id="remote">
            <ColumnHeads lang={lang} keys={['name', 'team']} />
            <tbody>
              {b.remote.map((m) => (
                <tr>
                  <th scope="row">{m.name}</th>
                  <td>{teamName(lang, m.teamLabel)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p>{t(lang, 'board.noRemote')}</p>
        )}
      </section>
      <section aria-labelledby="board-next">
        <h2 id="board-next">
          {t(lang, 'board.next', { count: countText(lang, 'days', b.next.length) })}
        </h2>
        {b.next.length ? (
          <Table id="next-days">
            <ColumnHeads lang={lang} keys={['date', 'status', 'team']} />
            <tbody>
              {b.next.map((d) => (
                <tr class={d.kind}>
                  <th scope="row">
                    <Day lang={lang} iso={d.date} asOf={b.date} />
                  </th>
                  <td>{kindText(lang, d.kind)}</td>
                  <td>{d.teams.map((tm) => teamName(lang, tm.label)).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p>{t(lang, 'board.noNext')}</p>
        )}
      </section>
      <section aria-labelledby="board-uncovered">
        <h2 id="board-uncovered">
          {t(lang, 'board.uncovered', { through: spanText(lang, b.date, b.uncoveredThrough) })}
        </h2>
        {b.uncovered.length ? (
          <DayList lang={lang} dates={b.uncovered} id="uncovered" asOf={b.date} />
        ) : (
          <p>{t(lang, 'board.noUncovered')}</p>
        )}
      </section>
      <section aria-labelledby="board-capacity">
        <h2 id="board-capacity">{t(lang, 'board.capacity')}</h2>
        <CapacityTable lang={lang} capacity={b.capacity} />
      </section>
    </>
  );
}
