import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SCHEMAS, validate, type SchemaName } from '../../src/contract/schemas.ts';
import { PROBLEMS, type ProblemCode } from '../../src/domain/problems/index.ts';
import { failureMessage, fieldMessage } from '../../src/web/shared/i18n.ts';
import text from '../../templates/web-text.json' with { type: 'json' };
import { englishIn } from '../support/english.ts';

const src = new URL('../../src', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/**
 * The problem codes written in src/ as `code: '…'` or `problem('…'` (not in a type's union). The split and the rotation
 * plan's own issues (domain/split, domain/rotation/plan.ts and slots.ts) are worded by their owner.
 */
const OWNED_ELSEWHERE = /\/domain\/split\/|\/domain\/rotation\/(plan|slots|types)\.ts$/;
const written = new Map<string, string>();
for (const file of files(src).filter((f) => !OWNED_ELSEWHERE.test(f)))
  for (const m of readFileSync(file, 'utf8').matchAll(
    /(?:code: |problem\()'([a-z][a-z0-9-]*)'(?!\s*\|)/g,
  ))
    if (!written.has(m[1]!)) written.set(m[1]!, file.slice(src.length));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const ja = text.ja as Record<string, string>;
const en = text.en as Record<string, string>;

/** A value of the kind a param names: a date, a count, a team, a column, a name. */
function sample(name: string): string | number {
  if (/date|day|today|^from$|^end$|^start$|officeFrom/i.test(name)) return '2027-01-12';
  if (/^(min|max|days|gap|reserved|total)$/.test(name)) return 3;
  if (/^(team|first|second)$/.test(name)) return 'B';
  if (name === 'teams') return 'A・B';
  if (name === 'column') return 'email';
  if (name === 'email') return 'hanako@example.jp';
  if (name === 'zone') return 'Asia/Tokio';
  return '東京本庁';
}
const samples = (code: ProblemCode) =>
  Object.fromEntries(PROBLEMS[code].map((p: string) => [p, sample(p)]));

describe('every problem code is worded in Japanese and English', () => {
  it('the scan of src/ finds the codes written there (it can see them)', () => {
    for (const code of ['required', 'past-date', 'bridging', 'csv-encoding', 'same-team'])
      assert.ok(written.has(code), code);
  });

  it('every code written in src/ is a code of the registry', () => {
    const unknown = [...written].filter(([c]) => !(c in PROBLEMS)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(unknown, []);
  });

  it('every code has ja and en templates naming exactly the params it is given', () => {
    const wrong: string[] = [];
    for (const [code, params] of Object.entries(PROBLEMS)) {
      const key = `issue.${code}`;
      if (!(key in ja) || !(key in en)) {
        wrong.push(`${code}: no template`);
        continue;
      }
      const given = [...params].sort();
      if (placeholders(ja[key]!).join() !== given.join())
        wrong.push(`${code}: ja names {${placeholders(ja[key]!)}}, given {${given}}`);
      if (placeholders(en[key]!).join() !== given.join())
        wrong.push(`${code}: en names {${placeholders(en[key]!)}}, given {${given}}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('rendered with its params, each reads whole: no placeholder left, no English in Japanese', () => {
    const wrong: string[] = [];
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      const e = { path: '/x', message: 'the API English', code, params: samples(code) };
      const inJa = fieldMessage('ja', e);
      const inEn = fieldMessage('en', e);
      if (/\{\w+\}/.test(inJa + inEn)) wrong.push(`${code}: ${inJa} / ${inEn}`);
      if (inJa === fieldMessage('ja', { message: 'x' }) || inEn === 'the API English')
        wrong.push(`${code}: fell back`);
      for (const run of englishIn(inJa)) wrong.push(`${code}: "${run}" in ${inJa}`);
      if (inJa.includes('2027-01-12')) wrong.push(`${code}: an ISO date in ${inJa}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('the validator gives every error it finds a code of the registry, whatever the body', () => {
    const odd = [
      null,
      -1,
      1e9,
      1.5,
      '',
      ' ',
      'x'.repeat(3000),
      '2026-02-30',
      '\u0001',
      [],
      {},
      [1, 1],
    ];
    const unknown = new Set<string>();
    let errors = 0;
    for (const name of Object.keys(SCHEMAS) as SchemaName[]) {
      const props = Object.keys((SCHEMAS[name] as { properties?: object }).properties ?? {});
      const bodies = [
        ...odd,
        { shoeSize: 27 },
        ...props.flatMap((p) => odd.map((v) => ({ [p]: v }))),
      ];
      for (const body of bodies)
        for (const e of validate(name, body)) {
          errors++;
          if (!(e.code in PROBLEMS)) unknown.add(`${name} ${e.path}: ${e.code} (${e.message})`);
        }
    }
    assert.ok(errors > 1000, `${errors} errors seen`);
    assert.deepEqual([...unknown], []);
  });

  it('writes dates and times the reader’s way and columns by the glossary’s word', () => {
    assert.equal(
      fieldMessage('ja', {
        message: 'is before today (2027-01-12); past days are history',
        code: 'past-date',
        params: { today: '2027-01-12' },
      }),
      '今日より前の日付は指定できません（今日は2027年1月12日(火)。過去の日は記録として残ります）',
    );
    assert.equal(
      fieldMessage('ja', {
        message: 'missing column "email"',
        code: 'missing-column',
        params: { column: 'email' },
      }),
      '「メールアドレス」の列がありません',
    );
    assert.equal(
      fieldMessage('ja', {
        message: 'must be later than start (08:30)',
        code: 'office-hours-order',
        params: { start: '08:30' },
      }),
      '終業時刻は始業時刻より後にしてください（始業は8:30）',
    );
  });

  it('a failure as a whole is worded by its code, else by its kind (never the API’s English in ja)', () => {
    const detail = 'This rotation is already published.';
    assert.equal(
      failureMessage('ja', { kind: 'conflict', detail, code: 'already-published', params: {} }),
      'このローテーションは、すでに公開されています。',
    );
    assert.equal(failureMessage('ja', { kind: 'conflict', detail }), text.ja['failure.conflict']);
    assert.equal(failureMessage('en', { kind: 'conflict', detail }), detail);
  });
});
