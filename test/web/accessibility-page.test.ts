import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../support/harness.ts';

describe('the web accessibility policy and the icon', () => {
  it('are public: the policy in Japanese (or English) with its target level and tests; the icon as SVG', async () => {
    const h = await harness();
    const ja = await h.app.request('/accessibility', { headers: { accept: 'text/html' } });
    assert.equal(ja.status, 200);
    const html = await ja.text();
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /<h1>ウェブアクセシビリティ方針<\/h1>/);
    assert.match(html, /JIS X 8341-3:2016.*適合レベル AA/);
    assert.match(html, /320px・390px・1280px/);
    assert.match(html, /<link rel="icon" href="\/favicon.svg"/);
    const en = await (await h.app.request('/accessibility?lang=en')).text();
    assert.match(en, /JIS X 8341-3:2016 \(web content\) at level AA/);
    const icon = await h.app.request('/favicon.svg');
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    assert.match(await icon.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.equal((await h.app.request('/favicon.ico')).status, 301);
    await h.close();
  });
});
