import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WEBAUTHN_BROWSER } from '../../src/web/shared/webauthn-browser.ts';

it('serves the installed @simplewebauthn/browser bundle byte for byte (regenerate with scripts/vendor-webauthn.mjs after an upgrade)', () => {
  const entry = fileURLToPath(import.meta.resolve('@simplewebauthn/browser'));
  const bundle = readFileSync(
    join(dirname(entry), '..', 'dist', 'bundle', 'index.umd.min.js'),
    'utf8',
  );
  assert.equal(WEBAUTHN_BROWSER, bundle);
});
