import type { MonthSheet } from '../../app/rotations/index.ts';
import type { DayView } from '../../domain/rotation/index.ts';
import type { Language } from '../../domain/types.ts';
import { clockText } from '../../domain/calendar/index.ts';
import { dayText, listDayText, listText } from '../shared/dates.tsx';
import { t } from '../shared/i18n.ts';
import { teamClass } from './report.tsx';

/** A date in the month's sheet, a list of its own: 1月12日(火), with the year only in another year. */
export const sheetDay = (sheet: MonthSheet, lang: Language, iso: string): string =>
  listDayText(lang, iso, `${sheet.month}-01`);

/** What the sheet knows of each day beyond the schedule: labels, swaps, overrides, links. */
export interface SheetContext {
  lang: Language;
  sheet: MonthSheet;
  /** The chief's override form for a day (today or later, a working day); null: read-only. */
  changeHref: (day: DayView) => string | null;
}

const labelOf = (sheet: MonthSheet, id: string | null): string =>
  id === null ? '—' : (sheet.teams.find((tm) => tm.id === id)?.label ?? '?');

/** The day's office teams, each once, in slot order. */
export const officeTeams = (day: DayView): string[] =>
  day.slots?.length
    ? [...new Set(day.slots.map((s) => s.teamId))]
    : day.officeTeamId
      ? [day.officeTeamId]
      : [];

/** The colour class of a day: its (first) office team's, or what kind of day it is. */
export function dayClass(sheet: MonthSheet, day: DayView): string {
  const first = officeTeams(day)[0];
  if (day.kind === 'office' && first)
    return teamClass(
      Math.max(
        0,
        sheet.teams.findIndex((tm) => tm.id === first),
      ),
    );
  return day.kind === 'weekend' || day.kind === 'holiday' || day.kind === 'closed'
    ? day.kind === 'closed' && closedByOverride(sheet, day.date)
      ? 'closed-ov'
      : 'off'
    : day.kind;
}

const closedByOverride = (sheet: MonthSheet, date: string): boolean =>
  sheet.overrides.some((o) => o.kind === 'close' && o.dates.includes(date));

/** A working day of the department: the office could be in (a day an override closed is one). */
export const isWorkingDay = (sheet: MonthSheet, day: DayView): boolean =>
  day.kind === 'office' ||
  day.kind === 'buffer' ||
  day.kind === 'uncovered' ||
  (day.kind === 'closed' && closedByOverride(sheet, day.date));

/** The override marks of a day: text and symbol, never colour alone. */
function overrideMarks(ctx: SheetContext, date: string): { cls: string; text: string }[] {
  const { lang, sheet } = ctx;
  return sheet.overrides
    .filter((o) => o.dates.includes(date))
    .map((o) => {
      if (o.kind === 'swap') {
        const other = o.dates.find((d) => d !== date) ?? date;
        return { cls: 'ov-swap', text: t(lang, 'ovSwap', { date: sheetDay(sheet, lang, other) }) };
      }
      if (o.kind === 'assign')
        return { cls: 'ov-assign', text: t(lang, 'ovAssign', { label: labelOf(sheet, o.teamId) }) };
      return o.reason
        ? { cls: 'ov-close', text: t(lang, 'ovCloseReason', { reason: o.reason }) }
        : { cls: 'ov-close', text: t(lang, 'ovClose') };
    });
}

/** Everything a day shows, in a grid cell or an agenda row: teams (per slot), kind, marks, the link. */
export function DayMarks({ ctx, day }: { ctx: SheetContext; day: DayView }) {
  const { lang, sheet } = ctx;
  const label = (id: string | null) => labelOf(sheet, id);
  const teamName = (id: string | null) => t(lang, 'teamLabel', { label: label(id) });
  const href = ctx.changeHref(day);
  const slots = day.slots ?? [];
  return (
    <>
      {slots.length > 1
        ? slots.map((s) => (
            <div class="team slot">
              {t(lang, 'sheetSlot', {
                start: clockText(s.start),
                end: clockText(s.end),
                label: label(s.teamId),
              })}
            </div>
          ))
        : officeTeams(day).map((id) => (
            <div class="team">{t(lang, 'teamLabel', { label: label(id) })}</div>
          ))}
      {day.kind === 'holiday' ? <div>{day.holiday || t(lang, 'kind.holiday')}</div> : null}
      {day.kind === 'buffer' || day.kind === 'uncovered' || day.kind === 'closed' ? (
        <div>{t(lang, `kind.${day.kind}`)}</div>
      ) : null}
      {day.standbyTeamIds.length ? (
        <div class="mark standby">{`${t(lang, 'standbyMark')}: ${listText(lang, day.standbyTeamIds.map(teamName))}`}</div>
      ) : null}
      {sheet.swaps
        .filter((s) => s.date === day.date)
        .map((s) => (
          <div class="mark swap">{`※ ${t(lang, 'swapMark')} ${t(lang, 'swapFromTo', { from: teamName(s.fromTeamId), to: teamName(s.toTeamId) })}`}</div>
        ))}
      {overrideMarks(ctx, day.date).map((m) => (
        <div class={`mark ov ${m.cls}`}>{m.text}</div>
      ))}
      {href ? (
        <a
          class="no-print change"
          href={href}
          aria-label={t(lang, 'sheetChangeLabel', { date: dayText(lang, day.date) })}
        >
          {t(lang, 'sheetChange')}
        </a>
      ) : null}
    </>
  );
}
