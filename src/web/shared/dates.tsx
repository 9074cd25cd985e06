import { DateTime } from 'luxon';
import type { Language } from '../../domain/types.ts';

/** A calendar date as the page's language writes it: 2026年11月25日(水), Wed 25 Nov 2026. */
export function dayText(lang: Language, iso: string): string {
  const d = DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(lang);
  if (!d.isValid) return iso;
  return d.toFormat(lang === 'ja' ? 'yyyy年M月d日(ccc)' : 'ccc d LLL yyyy');
}

/** An inclusive span of dates, written out: 2026年11月25日(水)〜2026年12月8日(火). */
export const spanText = (lang: Language, from: string, to: string): string =>
  `${dayText(lang, from)}${lang === 'ja' ? '〜' : ' – '}${dayText(lang, to)}`;

/** An instant in a department's zone, with the zone named: 2026年11月24日 18:00 JST. */
export function instantText(lang: Language, iso: string, zone: string): string {
  const d = DateTime.fromISO(iso).setZone(zone).setLocale(lang);
  return d.toFormat(lang === 'ja' ? 'yyyy年M月d日 HH:mm ZZZZ' : 'd LLL yyyy HH:mm ZZZZ');
}

/** A date for a person and for machines: the written-out day, with the ISO date in `datetime`. */
export function Day({ lang, iso }: { lang: Language; iso: string }) {
  return <time datetime={iso}>{dayText(lang, iso)}</time>;
}
