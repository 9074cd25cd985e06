import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { OPERATIONS } from '../../src/contract/operations.ts';
import { harness, type Harness } from '../support/harness.ts';

describe('GET /openapi.json', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('is an OpenAPI 3.1 document whose schemas are exactly the files of schemas/', async () => {
    const r = await h.call('GET', '/openapi.json', { token: null });
    assert.equal(r.status, 200);
    assert.equal(r.json.openapi, '3.1.0');
    const files = readdirSync(new URL('../../schemas', import.meta.url))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(Object.keys(r.json.components.schemas).sort(), files.sort());
  });

  it('describes every operation, and every $ref in it resolves', async () => {
    const doc = (await h.call('GET', '/openapi.json', { token: null })).json;
    for (const op of OPERATIONS)
      assert.ok(doc.paths[op.path]?.[op.method], `${op.method} ${op.path}`);
    const byId = new Map<string, any>();
    for (const s of Object.values<any>(doc.components.schemas)) if (s.$id) byId.set(s.$id, s);
    const resolve = (base: string, ref: string): unknown => {
      const [file, frag = ''] = ref.split('#');
      const target = file
        ? byId.get(new URL(file, base).href)
        : ref.startsWith('#/components')
          ? doc
          : byId.get(base);
      return frag
        .split('/')
        .filter(Boolean)
        .reduce((o: any, k) => o?.[k], target);
    };
    const walk = (node: unknown, base: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      const here = typeof n.$id === 'string' ? n.$id : base;
      if (typeof n.$ref === 'string')
        assert.ok(resolve(here, n.$ref) !== undefined, `${n.$ref} from ${here}`);
      for (const v of Object.values(n)) walk(v, here);
    };
    walk(doc, 'https://bunsan.dev/openapi.json');
  });
});
