import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_BODY_BYTES } from '../../src/http/api.ts';
import { harness, type Harness } from '../support/harness.ts';

describe('errors are problem+json, 4xx for bad input, and write nothing', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  const isProblem = (r: { status: number; headers: Headers; json: any }, status: number) => {
    assert.equal(r.status, status);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.equal(r.json.status, status);
    assert.equal(typeof r.json.type, 'string');
    assert.equal(typeof r.json.title, 'string');
    assert.equal(typeof r.json.detail, 'string');
  };

  it('answers an unknown route with 404 problem+json', async () => {
    isProblem(await h.call('GET', '/nowhere'), 404);
    isProblem(await h.call('GET', '/v1/nowhere'), 404);
  });

  it('answers malformed JSON with 400', async () => {
    const before = await h.rowCounts();
    const r = await h.call('POST', '/v1/departments', {
      body: '{"name": "x",',
      type: 'application/json',
    });
    isProblem(r, 400);
    assert.match(r.json.detail, /not valid JSON/);
    assert.deepEqual(await h.rowCounts(), before);
  });

  it('answers an empty JSON body with 400', async () => {
    isProblem(await h.call('POST', '/v1/departments', { body: '', type: 'application/json' }), 400);
  });

  it('answers a JSON body that is not an object with 422 naming the root', async () => {
    const r = await h.call('POST', '/v1/departments', { body: '[1,2]', type: 'application/json' });
    isProblem(r, 422);
    assert.equal(r.json.errors[0].path, '');
  });

  it('answers a wrong content type with 415', async () => {
    const r = await h.call('POST', '/v1/departments', {
      body: 'name=x',
      type: 'application/x-www-form-urlencoded',
    });
    isProblem(r, 415);
    assert.equal(r.headers.get('accept-post'), 'application/json');
    isProblem(
      await h.call('POST', '/v1/tokens', { body: 'role,label\nhr,x\n', type: 'text/csv' }),
      415,
    );
  });

  it('answers a body over 1 MiB with 413 and writes nothing', async () => {
    const before = await h.rowCounts();
    const big = JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) });
    isProblem(await h.call('POST', '/v1/departments', { body: big }), 413);
    const csv = 'name,email\n' + 'A,a@example.jp\n'.repeat(80_000);
    const dept = (await h.call('POST', '/v1/departments', { body: { name: 'big' } })).json.id;
    const mid = await h.rowCounts();
    isProblem(
      await h.call('POST', `/v1/departments/${dept}/members`, { body: csv, type: 'text/csv' }),
      413,
    );
    assert.deepEqual(await h.rowCounts(), mid);
    assert.equal(mid.members, before.members);
  });

  it('answers a missing, malformed or unknown token with 401 and a Bearer challenge', async () => {
    for (const headers of [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer nope' },
    ] as Record<string, string>[]) {
      const res = await h.app.request('/v1/departments', { headers });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="bunsan"');
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
  });

  it('never shows a stack trace: an internal failure is a bare 500 problem, logged on the server', async () => {
    await h.db.schema.dropTable('audit_log').execute();
    const r = await h.call('POST', '/v1/departments', { body: { name: 'x' } });
    isProblem(r, 500);
    assert.doesNotMatch(r.text, /at |\.ts|sqlite|audit_log/i);
    assert.ok(
      h.logs.some((l) => /audit_log/.test(l)),
      'the cause is in the server log',
    );
  });
});
