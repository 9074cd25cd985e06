import { DateTime } from 'luxon';
import { departmentMembers } from '../../db/repos/members.ts';
import { nonWorkingReason } from '../../domain/calendar/index.ts';
import { word } from '../../domain/glossary.ts';
import { dayPeople } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { DayView } from '../../domain/rotation/index.ts';
import type { Language } from '../../domain/types.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, notDates, type Failure } from '../failure.ts';
import { csvCell } from '../roster/index.ts';
import { plannedDays } from './schedule.ts';
import { loadRotation } from './snapshot.ts';

const COLUMNS = ['date', 'weekday', 'slot', 'officeTeam', 'inOffice', 'standby', 'dayKind'];

/** The words of a day's kind: a holiday with its name, a day a chief's override closed apart. */
function kindWords(day: DayView, overrideClosed: boolean, lang: Language): string {
  const key = day.kind === 'closed' && overrideClosed ? 'officeClosed' : day.kind;
  const words = word('dayKind', key, lang) ?? key;
  if (day.kind !== 'holiday' || !day.holiday) return words;
  return lang === 'ja' ? `${words}（${day.holiday}）` : `${words} (${day.holiday})`;
}

/** The schedule export: the file's text and its name. */
export interface ScheduleCsv {
  csv: string;
  /** The download's name: ASCII, and in the department's language (UTF-8). */
  filename: { ascii: string; utf8: string };
}

/**
 * A rotation's schedule as CSV for Excel: UTF-8 with a BOM, CRLF, headers and words in the
 * department's language from the glossary; one row per day and office slot (a day without one is a
 * row with its kind in words). Who is in follows bridging and standby; who is on standby is named,
 * never why. For the department's chief, HR and admin; staff read their own days instead.
 */
export async function rotationScheduleCsv(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from?: string; to?: string },
): Promise<Result<ScheduleCsv, Failure>> {
  if (actor.role === 'staff')
    return err(forbidden("Staff read their own days; the department's schedule is the chief's."));
  const badDates = notDates({ '?from': range.from, '?to': range.to });
  if (badDates.length) return err(invalid('The dates are not valid.', badDates));
  const loaded = await loadRotation(deps, actor, id);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const planned = await plannedDays(deps, snap, range, { everySlot: true });
  if (!planned.ok) return planned;
  const { days, standby, from, to } = planned.value;
  const lang = snap.department.language;
  const members = await departmentMembers(deps.db, snap.department.id);
  const rank = new Map(members.map((m, i) => [m.id, i]));
  const names = (ids: readonly string[]) =>
    [...ids]
      .sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
      .map((m) => members[rank.get(m) ?? -1]?.name ?? m)
      .join(lang === 'ja' ? '、' : '; ');
  const label = new Map(snap.teams.map((t) => [t.id, t.label]));
  const closed = new Set(snap.rotation.closedDates);
  const rows = [COLUMNS.map((c) => word('schedule', c, lang) ?? c)];
  for (const day of days) {
    const weekday = DateTime.fromISO(day.date, { zone: snap.department.timezone })
      .setLocale(lang)
      .toFormat('ccc');
    const slots = day.slots ?? [];
    const people = dayPeople(
      snap.memberships,
      day.date,
      new Set(slots.map((s) => s.teamId)),
      standby,
    );
    // Nobody works on a day off: standby is named on working days only.
    const away = nonWorkingReason(snap.calendar, day.date) ? '' : names(people.standby);
    const kind = kindWords(day, closed.has(day.date), lang);
    if (!slots.length) rows.push([day.date, weekday, '', '', '', away, kind]);
    for (const s of slots)
      rows.push([
        day.date,
        weekday,
        `${s.start}–${s.end}`,
        label.get(s.teamId) ?? '',
        names(people.inOffice.get(s.teamId) ?? []),
        away,
        kind,
      ]);
  }
  const csv = `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  const period = `${from}_${to}`;
  return ok({
    csv,
    filename: {
      ascii: `schedule_${period}.csv`,
      utf8: `${lang === 'ja' ? '出勤表' : 'schedule'}_${snap.rotation.name}_${period}.csv`,
    },
  });
}
