import chat from '../../templates/notify-chat.json' with { type: 'json' };
import { fillPlaceholders } from '../domain/placeholders.ts';
import type { Language } from '../domain/types.ts';

/** A key of the chat templates (slash command answers, reminders); both languages have each. */
export type ChatTextKey = keyof (typeof chat)['ja'] & keyof (typeof chat)['en'];

/** A chat template in the language, its {placeholders} filled in (bundled, never read from disk). */
export function chatText(
  lang: Language,
  key: ChatTextKey,
  vars: Record<string, string | number> = {},
): string {
  return fillPlaceholders(chat[lang][key], vars);
}
