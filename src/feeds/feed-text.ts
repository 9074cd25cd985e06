import text from '../../templates/feed-text.json' with { type: 'json' };
import { fillPlaceholders } from '../domain/placeholders.ts';
import type { Language } from '../domain/types.ts';

export type FeedTextKey = keyof (typeof text)['ja'];

/** A feed string in the department's language with {placeholders} filled in. */
export function feedText(
  lang: Language,
  key: FeedTextKey,
  vars: Record<string, string> = {},
): string {
  return fillPlaceholders(text[lang][key], vars);
}

/** A team's display name: 「Aチーム」 / "Team A". */
export const teamName = (lang: Language, label: string): string =>
  feedText(lang, 'team', { label });
