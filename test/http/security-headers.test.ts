import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

const inlineHash = (html: string, tag: 'style' | 'script') => {
  const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1]!;
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
};

describe('12. no security headers on pages, API or feeds', () => {
  let h: Harness;
  let answers: Record<string, Response>;
  let memberId: string;
  before(async () => {
    h = await harness();
    const { department, members } = await seedDepartment(h);
    memberId = members[0]!.id;
    const feed = await h.call('POST', '/v1/feeds', {
      body: { scope: 'member', id: members[0]!.id },
    });
    const admin = (await h.tokenFor('admin')).token;
    const get = (path: string, headers: Record<string, string> = {}) =>
      h.app.request(path, { headers });
    answers = {
      'GET /healthz': await get('/healthz'),
      'GET /v1/departments': await get('/v1/departments', { authorization: `Bearer ${admin}` }),
      'GET /v1/departments (no token)': await get('/v1/departments'),
      'GET /nowhere': await get('/nowhere'),
      'GET /feeds/…': await get(new URL(feed.json.url).pathname),
      'GET /signin': await get('/signin'),
      [`GET /departments/${department.id}`]: await get(`/departments/${department.id}`),
    };
  });
  after(() => h.close());

  it('every answer forbids framing and sniffing, and leaks no referrer to other sites', () => {
    for (const [what, res] of Object.entries(answers)) {
      assert.match(
        res.headers.get('content-security-policy') ?? '',
        /frame-ancestors 'none'/,
        what,
      );
      assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
      // Pages keep it to this site, or browsers would post their forms with Origin: null.
      const page = what === 'GET /signin' || what.startsWith('GET /departments/');
      assert.equal(res.headers.get('referrer-policy'), page ? 'same-origin' : 'no-referrer', what);
      assert.equal(res.headers.get('strict-transport-security'), null, `${what}: plain http`);
    }
    assert.equal(answers['GET /feeds/…']!.status, 200, 'the feed itself is served');
    assert.equal(
      answers['GET /healthz']!.headers.get('content-security-policy'),
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('a page allows only its own stylesheet and script, by hash, and no inline code of any other kind', async () => {
    const w = webClient(h);
    await w.signIn((await h.tokenFor('staff', { memberId })).token);
    await w.get('/me');
    const me = await w.post('/me/feeds');
    assert.equal(me.status, 201);
    const html = me.html;
    const csp = me.headers.get('content-security-policy')!;
    assert.ok(html.includes('<script>'), 'the page has its script');
    assert.ok(html.includes('data-copy='), 'and the copy buttons it serves');
    assert.ok(csp.includes(`style-src ${inlineHash(html, 'style')}`), csp);
    assert.ok(csp.includes(`script-src ${inlineHash(html, 'script')}`), csp);
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(
      html,
      /\s(style|on[a-z]+)="/,
      'no style attributes or event handlers, which the policy would block',
    );
  });

  it('HSTS over https only (directly or behind a proxy that says so)', async () => {
    const over = (url: string, headers: Record<string, string> = {}) =>
      Promise.resolve(h.app.request(url, { headers })).then((r) =>
        r.headers.get('strict-transport-security'),
      );
    assert.equal(await over('http://localhost/healthz'), null);
    assert.match((await over('https://bunsan.example.jp/healthz')) ?? '', /max-age=\d{7,}/);
    assert.match(
      (await over('http://localhost/signin', { 'x-forwarded-proto': 'https' })) ?? '',
      /max-age/,
    );
  });
});
