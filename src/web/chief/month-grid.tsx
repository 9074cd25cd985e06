import type { Language } from '../../domain/types.ts';
import { DateTime } from 'luxon';
import type { DayView } from '../../domain/rotation/index.ts';
import { t } from '../shared/i18n.ts';
import { teamClass } from './report.tsx';

export interface MonthData {
  month: string;
  teams: { id: string; label: string }[];
  days: DayView[];
  swaps: { date: string; fromTeamId: string; toTeamId: string | null }[];
}

const shiftMonth = (month: string, n: number): string =>
  DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).plus({ months: n }).toFormat('yyyy-MM');

function Cell({ lang, day, data }: { lang: Language; day: DayView; data: MonthData }) {
  const index = new Map(data.teams.map((tm, i) => [tm.id, i]));
  const label = (id: string | null) =>
    id === null ? '—' : (data.teams[index.get(id) ?? -1]?.label ?? '?');
  const office = day.slots?.length
    ? [...new Set(day.slots.map((s) => s.teamId))]
    : day.officeTeamId
      ? [day.officeTeamId]
      : [];
  const swaps = data.swaps.filter((s) => s.date === day.date);
  const kindClass =
    day.kind === 'office'
      ? teamClass(index.get(office[0]!) ?? 0)
      : day.kind === 'weekend' || day.kind === 'holiday' || day.kind === 'closed'
        ? 'off'
        : day.kind;
  return (
    <td class={kindClass} data-date={day.date} data-kind={day.kind}>
      <div class="day">
        <time datetime={day.date}>{Number(day.date.slice(8))}</time>
      </div>
      {office.map((id) => (
        <div class="team">{t(lang, 'teamLabel', { label: label(id) })}</div>
      ))}
      {day.kind === 'holiday' ? <div>{day.holiday || t(lang, 'kind.holiday')}</div> : null}
      {day.kind === 'buffer' || day.kind === 'uncovered' || day.kind === 'closed' ? (
        <div>{t(lang, `kind.${day.kind}`)}</div>
      ) : null}
      {day.standbyTeamIds.length ? (
        <div class="mark standby">{`${t(lang, 'standbyMark')}: ${day.standbyTeamIds.map(label).join(', ')}`}</div>
      ) : null}
      {swaps.map((s) => (
        <div class="mark swap">{`${t(lang, 'swapMark')} ${t(lang, 'swapFromTo', { from: label(s.fromTeamId), to: label(s.toTeamId) })}`}</div>
      ))}
    </td>
  );
}

/** A printable month of a rotation: one cell a day, coloured by the office team, with holidays, buffer days, standby and swaps marked. */
export function MonthGrid({
  lang,
  rotationId,
  rotationName,
  data,
}: {
  lang: Language;
  rotationId: string;
  rotationName: string;
  data: MonthData;
}) {
  const first = DateTime.fromISO(data.days[0]?.date ?? `${data.month}-01`, { zone: 'UTC' });
  const cells: (DayView | null)[] = [
    ...Array.from({ length: first.weekday - 1 }, () => null),
    ...data.days,
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <>
      <nav class="no-print" aria-label={t(lang, 'month')}>
        <a href={`/rotations/${rotationId}/month?month=${shiftMonth(data.month, -1)}`}>
          ← {t(lang, 'prevMonth')}
        </a>{' '}
        |{' '}
        <a href={`/rotations/${rotationId}/month?month=${shiftMonth(data.month, 1)}`}>
          {t(lang, 'nextMonth')} →
        </a>{' '}
        | <a href={`/rotations/${rotationId}`}>{t(lang, 'report')}</a>{' '}
        <button type="button" class="secondary" data-print>
          {t(lang, 'print')}
        </button>
      </nav>
      <table class="month" id="month-grid">
        <caption>{t(lang, 'gridCaption', { name: rotationName, month: data.month })}</caption>
        <thead>
          <tr>
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <th scope="col">{t(lang, `weekday.${d}` as 'weekday.1')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((day) =>
                day ? <Cell lang={lang} day={day} data={data} /> : <td class="off"></td>,
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(lang, 'legend')}</h2>
      <ul class="legend">
        {data.teams.map((tm, i) => (
          <li>
            <span class={`sw ${teamClass(i)}`}></span>
            {t(lang, 'teamLabel', { label: tm.label })}
          </li>
        ))}
        <li>
          <span class="sw buffer"></span>
          {t(lang, 'kind.buffer')}
        </li>
        <li>
          <span class="mark standby">{t(lang, 'standbyMark')}</span>
        </li>
        <li>
          <span class="mark swap">{t(lang, 'swapMark')}</span>
        </li>
      </ul>
    </>
  );
}
