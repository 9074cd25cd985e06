import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { importsOf, notForWorkerd, runtimeSpecific } from './support/imports.ts';

// Only src/platform/ may know which runtime it runs on: everything else must bundle for workerd as
// well as run on Node. And the Worker entry, with everything it reaches, must bundle for workerd.

const src = new URL('../src', import.meta.url).pathname;
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(ts|tsx|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The local files a file reaches through relative imports, itself included. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const found = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find(
        (p) => existsSync(p) && /\.(ts|tsx|js|mjs)$/.test(p),
      );
      if (found) walk(found);
    }
  };
  walk(entry);
  return [...seen];
}

describe('architecture: runtime-specific code lives in src/platform only', () => {
  it('finds imports of every kind, and only real ones', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';",
      "import type { D1Database } from '@cloudflare/workers-types';",
      "import Database from 'better-sqlite3'",
      "export { x } from './x.ts';",
      "import 'nodemailer';",
      "const m = await import('wrangler');",
      "const p = require('path');",
      '// import { nope } from "node:os";',
      "/* import x from 'net' */",
      "const s = 'from node:url';",
    ].join('\n');
    assert.deepEqual(
      importsOf(sample).sort(),
      [
        './x.ts',
        '@cloudflare/workers-types',
        'better-sqlite3',
        'node:fs',
        'nodemailer',
        'path',
        'wrangler',
      ].sort(),
    );
  });

  it('names what a module outside src/platform may not import', () => {
    const offences = (source: string) => importsOf(source).filter((s) => runtimeSpecific(s));
    assert.deepEqual(
      offences("import { createHash } from 'node:crypto';\nimport { x } from './ok.ts';"),
      ['node:crypto'],
    );
    assert.deepEqual(offences("import fs from 'fs/promises';\nimport { Hono } from 'hono';"), [
      'fs/promises',
    ]);
    assert.deepEqual(offences("import type { D1Database } from '@cloudflare/workers-types';"), [
      '@cloudflare/workers-types',
    ]);
    assert.deepEqual(
      offences("import { serve } from '@hono/node-server';\nimport { Kysely } from 'kysely';"),
      ['@hono/node-server'],
    );
    assert.deepEqual(
      offences(
        "import { parse } from 'csv-parse/browser/esm/sync';\nimport { DateTime } from 'luxon';",
      ),
      [],
    );
    assert.equal(
      notForWorkerd('@cloudflare/workers-types'),
      null,
      'types are erased from the bundle',
    );
    assert.equal(notForWorkerd('node:url'), 'a Node built-in');
  });

  it('no file outside src/platform imports node:*, a Node built-in, better-sqlite3, nodemailer, wrangler or @cloudflare/*', () => {
    const files = sourceFiles(src).filter((f) => !relative(src, f).startsWith(`platform/`));
    assert.ok(files.length > 50, 'the scan sees the source tree');
    const offences = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .map((spec) => ({ spec, why: runtimeSpecific(spec) }))
        .filter((o) => o.why)
        .map((o) => `src/${relative(src, f)} imports ${o.spec} (${o.why})`),
    );
    assert.deepEqual(offences, []);
  });

  it('the Worker entry, and everything it reaches, imports nothing that cannot run on workerd', () => {
    const entry = join(src, 'platform', 'worker.ts');
    const files = reachable(entry);
    assert.ok(files.includes(join(src, 'http', 'api.ts')), 'the walk follows the imports');
    assert.ok(!files.includes(join(src, 'platform', 'node-deps.ts')));
    const offences = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .map((spec) => ({ spec, why: notForWorkerd(spec) }))
        .filter((o) => o.why)
        .map((o) => `src/${relative(src, f)} imports ${o.spec} (${o.why})`),
    );
    assert.deepEqual(offences, []);
  });
});
