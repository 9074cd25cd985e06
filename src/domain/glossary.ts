import glossary from '../../templates/glossary.json' with { type: 'json' };
import type { Language, Position, RemoteAccess } from './types.ts';

/** One term: its word in each language, and every spelling a roster may use for it. */
interface Term {
  ja: string;
  en: string;
  aliases: string[];
}

/** A spelling as compared: NFKC (full-width letters and spaces folded), trimmed, lower case. */
export const folded = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

function lookup<K extends string>(terms: Record<K, Term>): (s: string) => K | null {
  const by = new Map<string, K>();
  for (const [key, term] of Object.entries(terms) as [K, Term][])
    for (const a of [...term.aliases, term.ja, term.en]) by.set(folded(a), key);
  return (s) => by.get(folded(s)) ?? null;
}

export type RosterColumn = keyof typeof glossary.columns;

/** The roster column a header names (氏名, メール, name, …), or null. */
export const columnOf = lookup(glossary.columns as Record<RosterColumn, Term>);
/** The position a cell names (課長, 副課長, chief, …), or null. */
export const positionOf = lookup(glossary.position as Record<Position, Term>);
/** The remote access a cell names (会社PC, 貸出PC, thin-client, …), or null. */
export const remoteAccessOf = lookup(glossary.remote as Record<RemoteAccess, Term>);

/**
 * The word for a term in a language, from the one glossary every page and message uses:
 * `word('position', 'deputy', 'ja')` is 課長補佐; `schedule` and `dayKind` are the schedule export's.
 */
export function word(
  group: 'columns' | 'position' | 'remote' | 'schedule' | 'dayKind',
  key: string,
  lang: Language,
): string | null {
  const terms = glossary[group] as Record<string, Term>;
  return terms[key]?.[lang] ?? null;
}
