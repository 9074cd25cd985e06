import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApiDocument } from '../../src/contract/openapi.ts';
import { OPERATIONS, type Operation } from '../../src/contract/operations.ts';
import { RESPONSE_SCHEMAS } from '../../src/contract/responses.ts';
import { harness, type Harness } from '../support/harness.ts';

const jsonFiles = (dir: string) =>
  readdirSync(new URL(`../../${dir}`, import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

/** The operations whose success answer the document gives no schema of its components, by method and path. */
function undocumentedAnswers(doc: any): string[] {
  const out: string[] = [];
  for (const [path, methods] of Object.entries<any>(doc.paths))
    for (const [method, op] of Object.entries<any>(methods)) {
      const [status, success] =
        Object.entries<any>(op.responses).find(([status]) => /^2\d\d$/.test(status)) ?? [];
      const media = Object.values<any>(success?.content ?? {});
      const name = /^#\/components\/schemas\/(.+)$/.exec(media[0]?.schema?.$ref ?? '')?.[1];
      if (media.length !== 1 || !name || !doc.components.schemas[name])
        out.push(`${method} ${path} ${status ?? '(no 2xx)'}`);
    }
  return out;
}

describe('GET /openapi.json', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('is an OpenAPI 3.1 document whose schemas are exactly the files of schemas/ and schemas/responses/', async () => {
    const r = await h.call('GET', '/openapi.json', { token: null });
    assert.equal(r.status, 200);
    assert.equal(r.json.openapi, '3.1.0');
    const files = [
      ...jsonFiles('schemas'),
      ...jsonFiles('schemas/responses').map((f) => `${f}-response`),
    ];
    assert.deepEqual(Object.keys(r.json.components.schemas).sort(), files.sort());
    assert.deepEqual(Object.keys(RESPONSE_SCHEMAS).sort(), jsonFiles('schemas/responses').sort());
  });

  it("gives every operation's success answer a schema of schemas/responses/", async () => {
    const doc = (await h.call('GET', '/openapi.json', { token: null })).json;
    assert.deepEqual(undocumentedAnswers(doc), []);
    assert.equal(
      doc.paths['/v1/rotations/{id}/schedule'].get.responses['200'].content['application/json']
        .schema.$ref,
      '#/components/schemas/rotation-schedule-response',
    );
    assert.ok(doc.paths['/feeds/{token}.ics'].get.responses['200'].content['text/calendar']);
    assert.equal(
      doc.paths['/v1/quarantines'].post.responses['422'].content['application/problem+json'].schema
        .$ref,
      '#/components/schemas/problem',
    );
  });

  it('fails an operation that has no response schema', () => {
    const bare = { method: 'get', path: '/v1/unanswered', summary: 'x', roles: ['admin'] };
    const doc = openApiDocument('test', [...OPERATIONS, bare as unknown as Operation]);
    assert.deepEqual(undocumentedAnswers(doc), ['get /v1/unanswered 200']);
  });

  it('says what every field of every response schema means', () => {
    const missing: string[] = [];
    const walk = (node: any, at: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [name, field] of Object.entries<any>(node.properties ?? {})) {
        if (typeof field?.description !== 'string') missing.push(`${at}/${name}`);
        walk(field, `${at}/${name}`);
      }
      walk(node.items, `${at}/items`);
      for (const key of ['$defs', 'oneOf', 'anyOf', 'allOf'])
        for (const [k, v] of Object.entries<any>(node[key] ?? {})) walk(v, `${at}/${key}/${k}`);
    };
    for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) walk(schema, name);
    assert.deepEqual(missing, []);
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
