import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

describe('the web pages run on Node and on Workers alike', () => {
  it('import nothing from node:* (only src/platform may)', () => {
    const files = ['web', 'app'].flatMap((dir) =>
      readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(src, dir, f)),
    );
    assert.ok(files.length > 40, 'the scan reads every file of web/ and app/');
    const offenders = files.filter((f) => /from ['"]node:/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
