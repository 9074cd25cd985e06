import { DateTime } from 'luxon';
import { clockText } from '../../domain/calendar/index.ts';
import type { Language } from '../../domain/types.ts';
import { t, type TextKey } from './i18n.ts';

const dateOf = (lang: Language, iso: string) =>
  DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(lang);

/** A calendar date standing alone, with its year: 2026年11月25日(水), Wed 25 Nov 2026. */
export function dayText(lang: Language, iso: string): string {
  const d = dateOf(lang, iso);
  if (!d.isValid) return iso;
  return d.toFormat(lang === 'ja' ? 'yyyy年M月d日(ccc)' : 'ccc d LLL yyyy');
}

/**
 * A date in a list or a table: 12月4日(金), Fri 4 Dec. The year is written only when the date's
 * year is not `asOf`'s — the department's today, or the first day of the month a sheet shows — so
 * a list read in December 2026 writes 12月28日(月) and then 2027年1月4日(月), and nobody is left
 * guessing which January is meant.
 */
export function listDayText(lang: Language, iso: string, asOf: string): string {
  const d = dateOf(lang, iso);
  if (!d.isValid) return iso;
  if (iso.slice(0, 4) !== asOf.slice(0, 4)) return dayText(lang, iso);
  return d.toFormat(lang === 'ja' ? 'M月d日(ccc)' : 'ccc d LLL');
}

/** An inclusive span of dates standing alone: 2026年11月25日(水)〜2026年12月8日(火). */
export const spanText = (lang: Language, from: string, to: string): string =>
  `${dayText(lang, from)}${lang === 'ja' ? '〜' : ' – '}${dayText(lang, to)}`;

/** A span in a list or a table, each end by {@link listDayText}: 11月25日(水)〜12月8日(火). */
export const listSpanText = (lang: Language, from: string, to: string, asOf: string): string =>
  `${listDayText(lang, from, asOf)}${lang === 'ja' ? '〜' : ' – '}${listDayText(lang, to, asOf)}`;

/** A month (YYYY-MM) as the page's language writes it: 2027年1月, January 2027. */
export const monthText = (lang: Language, month: string): string => {
  const d = dateOf(lang, `${month}-01`);
  return d.isValid ? d.toFormat(lang === 'ja' ? 'yyyy年M月' : 'LLLL yyyy') : month;
};

/** Office hours or a shift slot, each end without a leading zero: 8:30〜17:15, 8:30–17:15. */
export const hoursText = (lang: Language, start: string, end: string): string =>
  `${clockText(start)}${lang === 'ja' ? '〜' : '–'}${clockText(end)}`;

/** An instant in a department's zone, with the zone named: 2026年11月24日 8:00 JST. */
export function instantText(lang: Language, iso: string, zone: string): string {
  const d = DateTime.fromISO(iso).setZone(zone).setLocale(lang);
  return d.toFormat(lang === 'ja' ? 'yyyy年M月d日 H:mm ZZZZ' : 'd LLL yyyy H:mm ZZZZ');
}

/** An instant for a person and for machines: {@link instantText}, the ISO instant in `datetime`. */
export function Instant({ lang, iso, zone }: { lang: Language; iso: string; zone: string }) {
  return <time datetime={iso}>{instantText(lang, iso, zone)}</time>;
}

/** What a page counts, each with its counter (templates/web-text.json `count.*`). */
export type Counted = 'people' | 'devices' | 'seats' | 'days' | 'teams' | 'times';

/** A number with its counter: 3名, 2台, 5日, 2チーム; in English 1 person, 3 people. */
export function countText(lang: Language, what: Counted, n: number): string {
  const form = new Intl.PluralRules(lang).select(n) === 'one' ? 'one' : 'other';
  return t(lang, `count.${what}.${form}` as TextKey, { count: n });
}

/** Items listed in a sentence: 山田、佐藤 / Yamada, Sato. */
export const listText = (lang: Language, items: readonly string[]): string =>
  items.join(lang === 'ja' ? '、' : ', ');

/** A count as an aside after a heading or a name: （3名）, " (3 people)". */
export const countAside = (lang: Language, what: Counted, n: number): string =>
  lang === 'ja' ? `（${countText(lang, what, n)}）` : ` (${countText(lang, what, n)})`;

/**
 * A date for a person and for machines: the written-out day, with the ISO date in `datetime`.
 * With `asOf` it is a date in a list, written by {@link listDayText}.
 */
export function Day({ lang, iso, asOf }: { lang: Language; iso: string; asOf?: string }) {
  return (
    <time datetime={iso}>
      {asOf === undefined ? dayText(lang, iso) : listDayText(lang, iso, asOf)}
    </time>
  );
}
