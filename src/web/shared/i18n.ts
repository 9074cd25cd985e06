import { fillPlaceholders } from '../../domain/placeholders.ts';
import { word } from '../../domain/glossary.ts';
import type { Language } from '../../domain/types.ts';
import text from '../../../templates/web-text.json' with { type: 'json' };
import type { Failure } from '../../app/failure.ts';
import { dayText } from './dates.tsx';

export type TextKey = keyof typeof text.ja;
// The type check that English has every string Japanese has.
const TEXT: Record<Language, Record<TextKey, string>> = { ja: text.ja, en: text.en };

/** A UI string in the language, with `{name}` placeholders filled. */
export function t(
  lang: Language,
  key: TextKey,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(TEXT[lang][key], vars);
}

/** A UI string whose key is built at run time (an enum value); the key itself when unknown. */
export function tOf(lang: Language, prefix: string, value: string): string {
  // Positions and remote access are the glossary's words, the same in rosters, pages and messages.
  if (prefix === 'position' || prefix === 'remote') return word(prefix, value, lang) ?? value;
  const key = `${prefix}.${value}`;
  return key in TEXT[lang] ? TEXT[lang][key as TextKey] : value;
}

/**
 * A param as the page writes it: an ISO date or a time the language's way, a roster column by the
 * glossary's word.
 */
function shown(lang: Language, name: string, v: string | number): string | number {
  if (typeof v !== 'string') return v;
  if (ISO_DATE.test(v)) return dayText(lang, v);
  // Japanese writes a time without its leading zero: 8:30.
  if (lang === 'ja' && /^\d\d:\d\d$/.test(v)) return v.replace(/^0/, '');
  if (name === 'column') return word('columns', v, lang) ?? v;
  // People listed by name come joined by commas (the API's English); Japanese lists them with 、.
  if (lang === 'ja' && PEOPLE.has(name)) return v.split(', ').join('、');
  return v;
}
const PEOPLE = new Set(['names', 'group', 'chiefs', 'deputies']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A problem code's template (src/domain/problems/) in the language, filled; null without one. */
function problemText(
  lang: Language,
  code: string | undefined,
  params: Record<string, string | number> = {},
): string | null {
  // One code may be worded by the kind of thing it names (`params.variant`): `issue.<code>.<variant>`.
  const variant = params.variant !== undefined ? `issue.${code}.${params.variant}` : '';
  const key = variant in TEXT[lang] ? variant : `issue.${code}`;
  if (!code || !(key in TEXT[lang])) return null;
  const vars = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, shown(lang, k, v)]));
  return t(lang, key as TextKey, vars);
}

/**
 * A use case's field error in the page's language, rendered wholly from its code's template; the
 * API's `message` is English for developers. An error without a known code is a bug: English
 * pages show its message, Japanese ones `issue.unknown` (which the untranslated-text test fails on).
 */
export function fieldMessage(
  lang: Language,
  e: { message: string; code?: string; params?: Record<string, string | number> },
): string {
  return (
    problemText(lang, e.code, e.params) ?? (lang === 'en' ? e.message : t(lang, 'issue.unknown'))
  );
}

/**
 * What a failure as a whole says on a page (a refusal, the head of a form's summary): its code's
 * template, else what its kind means; English pages fall back to the API's detail.
 */
export function failureMessage(lang: Language, f: Failure): string {
  return (
    problemText(lang, f.code, f.params) ?? (lang === 'en' ? f.detail : t(lang, `failure.${f.kind}`))
  );
}

const asLang = (v: string | undefined): Language | null => (v === 'ja' || v === 'en' ? v : null);

/** The page language: `?lang=`, else the cookie, else the first of ja/en in Accept-Language by weight; Japanese first. */
export function pickLang(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const chosen = asLang(query) ?? asLang(cookie);
  if (chosen) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .map((p) => p.trim())
          .find((p) => p.startsWith('q='))
          ?.slice(2) ?? '1',
      );
      return { lang: asLang(tag.split('-')[0]), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.lang !== null && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang ?? 'ja';
}
