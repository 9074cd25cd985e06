import { DateTime } from 'luxon';
import type { MonthSheet, SheetMember } from '../../app/rotations/index.ts';
import type { DayView } from '../../domain/rotation/index.ts';
import type { Language } from '../../domain/types.ts';
import { Day, monthText, spanText } from '../shared/dates.tsx';
import { t } from '../shared/i18n.ts';
import { teamClass } from './report.tsx';
import { DayMarks, dayClass, isWorkingDay, sheetDay, type SheetContext } from './sheet-day.tsx';

const shiftMonth = (month: string, n: number): string =>
  DateTime.fromISO(`${month}-01`, { zone: 'UTC' }).plus({ months: n }).toFormat('yyyy-MM');

function MemberLine({ lang, sheet, m }: { lang: Language; sheet: MonthSheet; m: SheetMember }) {
  const day = (iso: string) => sheetDay(sheet, lang, iso);
  const notes = [
    m.joins ? t(lang, 'sheetJoins', { date: day(m.joins) }) : null,
    m.leaves ? t(lang, 'sheetLeaves', { date: day(m.leaves) }) : null,
    m.officeFrom ? t(lang, 'sheetOfficeFrom', { date: day(m.officeFrom) }) : null,
  ].filter((n): n is string => n !== null);
  return (
    <li data-member={m.id}>
      {m.name}
      {notes.length ? (
        <span class="change">
          {lang === 'ja' ? ` （${notes.join('・')}）` : ` (${notes.join('; ')})`}
        </span>
      ) : null}
    </li>
  );
}

/** Each team and its members in force during the month, in reading order. */
function Roster({ lang, sheet }: { lang: Language; sheet: MonthSheet }) {
  return (
    <section class="sheet-roster" id="sheet-roster" aria-label={t(lang, 'sheetRoster')}>
      {sheet.teams.map((team, i) => (
        <div class={`team-card ${teamClass(i)}`} data-team={team.label}>
          <h3>{t(lang, 'teamLabel', { label: team.label })}</h3>
          {team.members.length ? (
            <ol>
              {team.members.map((m) => (
                <MemberLine lang={lang} sheet={sheet} m={m} />
              ))}
            </ol>
          ) : (
            <p>{t(lang, 'sheetNoMembers')}</p>
          )}
        </div>
      ))}
    </section>
  );
}

function Grid({ ctx }: { ctx: SheetContext }) {
  const { lang, sheet } = ctx;
  const first = DateTime.fromISO(sheet.days[0]?.date ?? `${sheet.month}-01`, { zone: 'UTC' });
  const cells: (DayView | null)[] = [
    ...Array.from({ length: first.weekday - 1 }, () => null),
    ...sheet.days,
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <table class="month" id="month-grid">
      <caption>
        {t(lang, 'gridCaption', { name: sheet.rotation.name, month: monthText(lang, sheet.month) })}
      </caption>
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
              day ? (
                <td class={dayClass(sheet, day)} data-date={day.date} data-kind={day.kind}>
                  <div class="day">
                    <time datetime={day.date}>{Number(day.date.slice(8))}</time>
                  </div>
                  <DayMarks ctx={ctx} day={day} />
                </td>
              ) : (
                <td class="off"></td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** On a phone: one row per working day, nothing sideways. */
function Agenda({ ctx }: { ctx: SheetContext }) {
  const { lang, sheet } = ctx;
  return (
    <ol class="agenda" id="month-agenda" aria-label={t(lang, 'sheetAgenda')}>
      {sheet.days
        .filter((day) => isWorkingDay(sheet, day))
        .map((day) => (
          <li class={dayClass(sheet, day)} data-date={day.date} data-kind={day.kind}>
            <strong>
              <Day lang={lang} iso={day.date} asOf={`${sheet.month}-01`} />
            </strong>
            <DayMarks ctx={ctx} day={day} />
          </li>
        ))}
    </ol>
  );
}

function Legend({ lang, sheet }: { lang: Language; sheet: MonthSheet }) {
  return (
    <section class="legend-box" id="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t(lang, 'legend')}</h2>
      <ul class="legend">
        {sheet.teams.map((tm, i) => (
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
          <span class="sw uncovered"></span>
          {t(lang, 'kind.uncovered')}
        </li>
        <li>
          <span class="mark standby">{t(lang, 'standbyMark')}</span> {t(lang, 'legendStandby')}
        </li>
        <li>
          <span class="mark swap">{t(lang, 'legendSwap')}</span>
        </li>
        <li>
          <span class="mark ov ov-swap">{t(lang, 'legendOvSwap')}</span>
        </li>
        <li>
          <span class="mark ov ov-assign">{t(lang, 'legendOvAssign')}</span>
        </li>
        <li>
          <span class="mark ov ov-close">{t(lang, 'legendOvClose')}</span>
        </li>
        <li>{t(lang, 'legendMoves')}</li>
      </ul>
    </section>
  );
}

/**
 * The month sheet people print and pin up: the department, rotation and period, each team with its
 * members, every day (a grid on screens and paper, an agenda on a phone) with holidays, buffer
 * days, standby, swaps and the chief's overrides marked and explained in a legend.
 */
export function MonthSheetView(p: {
  ctx: SheetContext;
  /** The same days as CSV for Excel. */
  csvHref: string;
}) {
  const { lang, sheet } = p.ctx;
  const base = `/rotations/${sheet.rotation.id}`;
  const [prev, next] = [shiftMonth(sheet.month, -1), shiftMonth(sheet.month, 1)];
  return (
    <>
      <nav class="no-print sheet-nav" aria-label={t(lang, 'month')}>
        <a
          href={`${base}/month?month=${prev}`}
          aria-label={`${t(lang, 'prevMonth')} ${monthText(lang, prev)}`}
        >
          ← {monthText(lang, prev)}
        </a>
        <a
          href={`${base}/month?month=${next}`}
          aria-label={`${t(lang, 'nextMonth')} ${monthText(lang, next)}`}
        >
          {monthText(lang, next)} →
        </a>
        <a href={base}>{t(lang, 'report')}</a>
        <a href={p.csvHref} download>
          {t(lang, 'sheetCsv')}
        </a>
        <button type="button" class="secondary" data-print>
          {t(lang, 'print')}
        </button>
      </nav>
      <p class="sheet-head">
        <span>{sheet.department.name}</span>
        <span>
          {sheet.rotation.name}
          {sheet.rotation.status === 'draft' ? ` ${t(lang, 'sheetDraft')}` : ''}
        </span>
        <span>
          {t(lang, 'sheetPeriod', {
            period: spanText(lang, sheet.rotation.startDate, sheet.rotation.endDate),
          })}
        </span>
      </p>
      <Roster lang={lang} sheet={sheet} />
      {sheet.days.length ? (
        <>
          <Grid ctx={p.ctx} />
          <Agenda ctx={p.ctx} />
        </>
      ) : (
        <p>{t(lang, 'sheetOutside')}</p>
      )}
      <Legend lang={lang} sheet={sheet} />
    </>
  );
}
