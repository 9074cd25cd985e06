import type { BoardCapacity } from '../../app/board/index.ts';
import { ColumnHeads } from '../shared/form.tsx';
import { Table } from '../shared/table.tsx';
import { addDays } from '../../domain/calendar/index.ts';
import type { Language } from '../../domain/types.ts';
import { Day, countText, type Counted } from '../shared/dates.tsx';
import { t, tOf } from '../shared/i18n.ts';

/** The day a board shows, the days before and after it, and a field to pick another. */
export function DatePicker({ lang, path, date }: { lang: Language; path: string; date: string }) {
  return (
    <form method="get" action={path} class="board-date">
      <div class="field">
        <label for="board-date">{t(lang, 'board.dateField')}</label>
        <input id="board-date" name="date" type="date" value={date} required />{' '}
        <button type="submit">{t(lang, 'board.showDate')}</button>
      </div>
      <p>
        <a href={`${path}?date=${addDays(date, -1)}`} rel="prev">
          {t(lang, 'board.prevDay')}
        </a>{' '}
        <a href={path}>{t(lang, 'board.today')}</a>{' '}
        <a href={`${path}?date=${addDays(date, 1)}`} rel="next">
          {t(lang, 'board.nextDay')}
        </a>
      </p>
    </form>
  );
}

/** A day's kind in words: the schedule's (出勤, 休日, 祝日, 閉庁日 …) or outside every rotation. */
export const kindText = (lang: Language, kind: string): string =>
  kind === 'none'
    ? t(lang, 'board.kind.none')
    : kind === 'office'
      ? t(lang, 'kindOffice')
      : tOf(lang, 'kind', kind);

/** Remote demand on the day against what is available, per resource. */
export function CapacityTable({ lang, capacity }: { lang: Language; capacity: BoardCapacity }) {
  const rows: [string, Counted, number, number | null, number][] = [
    [
      t(lang, 'board.thinClient'),
      'seats',
      capacity.demand.thinClient,
      capacity.capacity.thinClient,
      capacity.shortage.thinClient,
    ],
    [
      t(lang, 'board.loanPc'),
      'devices',
      capacity.demand.loanPc,
      capacity.capacity.loanPc,
      capacity.shortage.loanPc,
    ],
  ];
  return (
    <Table>
      <ColumnHeads lang={lang} keys={['board.resource', 'board.demand', 'board.limit', 'status']} />
      <tbody>
        {rows.map(([name, unit, demand, limit, shortage]) => (
          <tr>
            <th scope="row">{name}</th>
            <td>{countText(lang, unit, demand)}</td>
            <td>{limit === null ? t(lang, 'board.notSet') : countText(lang, unit, limit)}</td>
            <td class={shortage > 0 ? 'ng' : 'ok'}>
              {shortage > 0 ? t(lang, 'board.short') : t(lang, 'board.enough')}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Dates as a list of days, each with its year only when it is not `asOf`'s. */
export function DayList(p: { lang: Language; dates: string[]; id: string; asOf: string }) {
  return (
    <ul id={p.id} class="days">
      {p.dates.map((d) => (
        <li>
          <Day lang={p.lang} iso={d} asOf={p.asOf} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Who is in standby on the board's date, until when (never why): a department's, or the
 * organisation's with each person's department.
 */
export function StandbyTable(p: {
  lang: Language;
  date: string;
  standby: readonly { name: string; until: string; departmentName?: string }[];
}) {
  const withDepartment = p.standby.some((s) => s.departmentName !== undefined);
  if (!p.standby.length) return <p>{t(p.lang, 'board.noStandby')}</p>;
  return (
    <Table id="standby">
      <ColumnHeads
        lang={p.lang}
        keys={withDepartment ? ['name', 'department', 'board.until'] : ['name', 'board.until']}
      />
      <tbody>
        {p.standby.map((s) => (
          <tr>
            <th scope="row">{s.name}</th>
            {withDepartment ? <td>{s.departmentName}</td> : null}
            <td>
              <Day lang={p.lang} iso={s.until} asOf={p.date} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
