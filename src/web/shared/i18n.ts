import { fillPlaceholders } from '../../domain/placeholders.ts';
import { word } from '../../domain/glossary.ts';
import type { Language } from '../../domain/types.ts';
import text from '../../../templates/web-text.json' with { type: 'json' };

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
 * A use case's field error in the page's language. The API's messages are English; in Japanese the
 * page leads with what kind of problem it is (by the error's code, or by the validator's wording)
 * and keeps the specific English detail after it.
 */
export function fieldMessage(
  lang: Language,
  e: { message: string; code?: string; params?: Record<string, string | number> },
): string {
  // One code may be worded by the kind of thing it names (`params.variant`): `issue.<code>.<variant>`.
  const variant = e.params?.variant !== undefined ? `issue.${e.code}.${e.params.variant}` : '';
  if (e.params && variant in TEXT[lang]) return t(lang, variant as TextKey, e.params);
  if (e.params && e.code && `issue.${e.code}` in TEXT[lang])
    return t(lang, `issue.${e.code}` as TextKey, e.params);
  if (lang === 'en') return e.message;
  const kind = e.code ? `issue.${e.code}` : GENERIC.find(([re]) => re.test(e.message))?.[1];
  if (!kind || !(kind in TEXT.ja)) return e.message;
  const lead = TEXT.ja[kind as TextKey];
  return WHOLE.has(kind) || SAID.some((re) => re.test(e.message))
    ? lead
    : `${lead}（${e.message}）`;
}

/** Kinds whose Japanese says all there is: the English detail would only repeat it. */
const WHOLE = new Set([
  'issue.required',
  'issue.unknown-field',
  'issue.control',
  'issue.invalid-date',
  'issue.past-date',
  'issue.code-wrong',
  'issue.code-none',
  'issue.code-expired',
  'issue.code-locked',
  'issue.email-taken',
  'issue.email-repeated',
]);
/** Validator wordings the kind says in full. */
const SAID = [/^value is too short \(0 < 1\)/];

/** The validator's messages (src/contract/schemas.ts) by their wording. */
const GENERIC: [RegExp, string][] = [
  [/^is required$/, 'issue.required'],
  // An empty name: the schema says it twice (too short, and no visible character).
  [/^value is too short \(0 < 1\)/, 'issue.required'],
  [/^is not a calendar date/, 'issue.invalid-date'],
  [/^is before today/, 'issue.past-date'],
  [/^is not a known field$/, 'issue.unknown-field'],
  [/^must not contain control characters$/, 'issue.control'],
  [/^is not a valid /, 'issue.format'],
  [/^value does not match pattern/, 'issue.format'],
  [/^must be one of /, 'issue.enum'],
  [/^must be of type /, 'issue.type'],
  [/^(value|list) (is|must|has|should)/, 'issue.range'],
];

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
