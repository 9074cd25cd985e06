import quarantine from '../../templates/notify-quarantine.json' with { type: 'json' };
import { clockText, isIsoDate } from '../domain/calendar/index.ts';
import { fillPlaceholders } from '../domain/placeholders.ts';
import type { Language } from '../domain/types.ts';

/** A key of the quarantine templates; both languages have every key (the type checker sees to it). */
export type QuarantineTextKey = keyof (typeof quarantine)['ja'] & keyof (typeof quarantine)['en'];

/** The quarantine notification templates (bundled, never read from disk at run time). */
export const QUARANTINE_TEMPLATES = quarantine;

/** A template string in the language with its {placeholders} filled in; an unknown placeholder stays empty. */
export function quarantineText(
  lang: Language,
  key: QuarantineTextKey,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(quarantine[lang][key], vars);
}

/** A calendar date (YYYY-MM-DD) as people read it: 「12月1日(火)」 / "Tue 1 Dec" (with the year when asked). */
export function humanDate(lang: Language, iso: string, withYear = false): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = [
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)),
    Number(iso.slice(8, 10)),
  ];
  // The weekday of a calendar date needs no time zone: count days in UTC.
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  const names = (key: 'weekdays' | 'months') => quarantine[lang][key].split(',');
  return quarantineText(lang, withYear ? 'dateWithYear' : 'date', {
    year,
    month: names('months')[month - 1] ?? String(month),
    day,
    weekday: names('weekdays')[weekday] ?? '',
  });
}

/** Office hours or a slot, each end by the domain's {@link clockText}: 8:30–17:15. */
export const humanHours = (start: string, end: string): string =>
  `${clockText(start)}–${clockText(end)}`;

/** "from – to" with years, or one date when both are the same day. */
export function humanRange(lang: Language, from: string, to: string): string {
  if (from === to) return humanDate(lang, from, true);
  return quarantineText(lang, 'range', {
    from: humanDate(lang, from, true),
    to: humanDate(lang, to, true),
  });
}
