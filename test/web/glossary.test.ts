import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// One word per concept (templates/glossary.json): the rosters' other spellings are read on import,
// but no page, message or feed writes them. A synonym in a Japanese string fails here.
const dir = new URL('../../templates/', import.meta.url);
const glossary = JSON.parse(readFileSync(new URL('glossary.json', dir), 'utf8')) as Record<
  string,
  Record<string, { ja: string; en: string; aliases: string[] }>
>;
const strings = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'glossary.json')
  .flatMap((f) => {
    const ja = (
      JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { ja?: Record<string, string> }
    ).ja;
    return Object.entries(ja ?? {}).map(([key, text]) => ({ where: `${f} ${key}`, text }));
  });

/** Each Japanese string that says a position or a remote-access kind by another name. */
function synonymsIn(list: { where: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const group of ['position', 'remote', 'terms'])
    for (const entry of Object.values(glossary[group]!))
      for (const alias of entry.aliases) {
        // The canonical word, English spellings, and a synonym the canonical word contains.
        if (alias === entry.ja || /^[\x20-\x7e]+$/.test(alias) || entry.ja.includes(alias))
          continue;
        for (const s of list)
          if (s.text.includes(alias)) found.push(`${s.where}: "${alias}" (say "${entry.ja}")`);
      }
  return found;
}

describe('the glossary: one word per concept', () => {
  it('no Japanese template says a position or a remote-access kind by another name', () => {
    assert.deepEqual(synonymsIn(strings), []);
  });

  it('finds a synonym when one is there (the check can fail)', () => {
    assert.deepEqual(synonymsIn([{ where: 'x', text: '貸与PCと課長代理' }]), [
      'x: "課長代理" (say "課長補佐")',
      'x: "貸与PC" (say "貸出PC")',
    ]);
  });
});
