import { teamReasons, type TeamExplanation, type TeamReason } from '../../domain/split/index.ts';
import type { Language } from '../../domain/types.ts';
import { t, type TextKey } from '../shared/i18n.ts';
import { listText } from '../shared/dates.tsx';

/**
 * One reason of a team in the page's language, from `why.<code>` (or `why.<code>.<variant>`) in
 * templates/web-text.json: the members it names by name, joined the language's way.
 */
export function whyText(lang: Language, r: TeamReason, nameOf: (id: string) => string): string {
  const vars: Record<string, string | number> = { ...r.params };
  for (const [key, ids] of Object.entries(r.members))
    vars[key] = ids.length ? listText(lang, ids.map(nameOf)) : t(lang, 'why.nobody');
  const key =
    r.params.variant === undefined ? `why.${r.code}` : `why.${r.code}.${r.params.variant}`;
  return t(lang, key as TextKey, vars);
}

/** Why a team looks as it does, sentence by sentence in the page's language. */
export const whyList = (
  lang: Language,
  e: TeamExplanation,
  nameOf: (id: string) => string,
): string[] => teamReasons(e).map((r) => whyText(lang, r, nameOf));
