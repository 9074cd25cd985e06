import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { importsOf, notForWorkerd, runtimeSpecific } from './support/imports.ts';
import {
  featureCycle,
  featureOffences,
  layerOffences,
  LAYERS,
  type Edge,
} from './support/layers.ts';

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

/** Every relative import of every source file, resolved (paths relative to src/). */
function importGraph(): { edges: Edge[]; outside: Edge[] } {
  const edges: Edge[] = [];
  const outside: Edge[] = [];
  for (const file of sourceFiles(src)) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const edge = { from: relative(src, file), to: relative(src, target) };
      (edge.to.startsWith('..') ? outside : edges).push(edge);
    }
  }
  return { edges, outside };
}

describe('architecture: layers at the top, features inside them', () => {
  it('names an import that runs up the layers', () => {
    assert.deepEqual(
      layerOffences([
        { from: 'domain/rotation/plan.ts', to: 'db/schema.ts' },
        { from: 'app/rotations/publish.ts', to: 'db/repos/rotations.ts' },
        { from: 'http/api.ts', to: 'web/routes.tsx' },
      ]),
      [
        'src/domain/rotation/plan.ts imports src/db/schema.ts (domain may not import db)',
        'src/http/api.ts imports src/web/routes.tsx (http may not import web)',
      ],
    );
  });

  it('names an import into another feature that bypasses its index.ts, and pages using another audience', () => {
    assert.deepEqual(
      featureOffences([
        { from: 'app/rotations/publish.ts', to: 'app/quarantines/follow.ts' },
        { from: 'app/rotations/publish.ts', to: 'app/quarantines/index.ts' },
        { from: 'app/rotations/publish.ts', to: 'app/rotations/snapshot.ts' },
        { from: 'http/routes/quarantines.ts', to: 'app/quarantines/mark.ts' },
        { from: 'web/hr/routes.tsx', to: 'web/chief/report.tsx' },
        { from: 'web/hr/routes.tsx', to: 'web/shared/layout.tsx' },
        { from: 'web/routes.tsx', to: 'web/hr/routes.tsx' },
      ]),
      [
        'src/app/rotations/publish.ts imports src/app/quarantines/follow.ts (import app/quarantines through its index.ts)',
        'src/http/routes/quarantines.ts imports src/app/quarantines/mark.ts (import app/quarantines through its index.ts)',
        "src/web/hr/routes.tsx imports src/web/chief/report.tsx (web/hr may not use web/chief's pages)",
      ],
    );
  });

  it('finds a circle among features and names the imports behind it', () => {
    const dag = [
      { from: 'app/rotations/publish.ts', to: 'app/quarantines/index.ts' },
      { from: 'app/quarantines/mark.ts', to: 'app/capacity/index.ts' },
      { from: 'app/rotations/view.ts', to: 'app/settings/index.ts' },
    ];
    assert.equal(featureCycle(dag), null);
    assert.equal(
      featureCycle([...dag, { from: 'app/capacity/effect.ts', to: 'app/rotations/index.ts' }]),
      'app/capacity → app/rotations (src/app/capacity/effect.ts imports src/app/rotations/index.ts); ' +
        'app/rotations → app/quarantines (src/app/rotations/publish.ts imports src/app/quarantines/index.ts); ' +
        'app/quarantines → app/capacity (src/app/quarantines/mark.ts imports src/app/capacity/index.ts)',
    );
  });

  it('every import of src/ follows the layer table', () => {
    const { edges } = importGraph();
    assert.ok(edges.length > 300, `the scan sees the import graph (${edges.length} imports)`);
    for (const layer of Object.keys(LAYERS))
      assert.ok(
        edges.some((e) => e.from.split('/')[0] === layer),
        `src/${layer} exists and imports something`,
      );
    assert.deepEqual(layerOffences(edges), []);
  });

  it('features are imported through their index.ts, and web audiences keep to their own pages', () => {
    assert.deepEqual(featureOffences(importGraph().edges), []);
  });

  it('the features of domain/ and app/ form a graph without circles', () => {
    assert.equal(featureCycle(importGraph().edges), null);
  });

  it('only contract/ reads schemas/, only notify/, web/ and feeds/ read templates/ (the glossary: domain/glossary.ts)', () => {
    const offences = importGraph()
      .outside.filter((e) => {
        const layer = e.from.split('/')[0];
        if (e.to.startsWith('../schemas/')) return layer !== 'contract';
        // The glossary is the domain's vocabulary (roster terms), read by every layer through it.
        if (e.to === '../templates/glossary.json') return e.from !== 'domain/glossary.ts';
        if (e.to.startsWith('../templates/')) return !['notify', 'web', 'feeds'].includes(layer!);
        return true;
      })
      .map((e) => `src/${e.from} imports ${e.to}`);
    assert.deepEqual(offences, []);
  });

  it('src/app and src/domain hold only a handful of shared files beside their feature folders', () => {
    for (const layer of ['app', 'domain']) {
      const loose = readdirSync(join(src, layer), { withFileTypes: true }).filter((e) =>
        e.isFile(),
      );
      assert.ok(loose.length <= 6, `src/${layer}: ${loose.map((e) => e.name).join(', ')}`);
    }
  });
});
