import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startNode, type NodeServer } from '../../src/platform/node.ts';
import { httpClient } from '../support/http-scenario.ts';

const ADMIN = 'write-lock-admin-secret-0123456789abcdef';

/** How long a request took, with its answer. */
async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

describe("8. another process holding SQLite's write lock freezes the server", () => {
  let dir: string;
  let srv: NodeServer;
  let call: ReturnType<typeof httpClient>;
  let base: string;
  let departmentId: string;
  let feedUrl: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bunsan-lock-'));
    srv = await startNode(
      { BUNSAN_DB: join(dir, 'b.db'), PORT: '0', HOST: '127.0.0.1', BUNSAN_ADMIN_TOKEN: ADMIN },
      () => {},
    );
    base = `http://127.0.0.1:${srv.port}`;
    call = httpClient(base, ADMIN);
    departmentId = (await call('POST', '/v1/departments', { body: { name: '情報政策課' } })).json
      .id;
    const members = await call('POST', `/v1/departments/${departmentId}/members`, {
      body: {
        members: [
          { name: '山田 太郎', email: 'yamada@example.jp' },
          { name: '佐藤 花子', email: 'sato@example.jp' },
        ],
      },
    });
    const rot = await call('POST', `/v1/departments/${departmentId}/rotations`, {
      body: {
        startDate: '2027-01-04',
        endDate: '2027-03-31',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    await call('POST', `/v1/rotations/${rot.json.id}/publish`, { headers: { 'if-match': '"1"' } });
    const feed = await call('POST', '/v1/feeds', {
      body: { scope: 'member', id: members.json.members[0].id },
    });
    feedUrl = new URL(feed.json.url).pathname;
  });
  after(async () => {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('while another connection holds the write lock: /healthz and reads stay fast, a write answers 503 with Retry-After at once, and a feed never rendered before is served', async () => {
    const other = new Database(join(dir, 'b.db'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const health = await timed(() => fetch(`${base}/healthz`));
      assert.equal(health.value.status, 200);
      const read = await timed(() => call('GET', `/v1/departments/${departmentId}/members`));
      assert.equal(read.value.status, 200);
      const write = await timed(() =>
        call('POST', '/v1/departments', { body: { name: '総務課' } }),
      );
      assert.equal(write.value.status, 503, write.value.text);
      assert.equal(write.value.json.type, 'urn:bunsan:problem:busy');
      assert.equal(write.value.headers.get('retry-after'), '1');
      const feed = await timed(() => fetch(`${base}${feedUrl}`));
      assert.equal(feed.value.status, 200);
      assert.match(await feed.value.text(), /BEGIN:VEVENT/);
      // The server waits 100 ms for a lock, not the 5 s that froze everything.
      for (const [what, t] of [
        ['healthz', health],
        ['read', read],
        ['write', write],
        ['feed', feed],
      ] as const)
        assert.ok(t.ms < 2_000, `${what} took ${Math.round(t.ms)} ms`);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const after = await call('POST', '/v1/departments', { body: { name: '総務課' } });
    assert.equal(after.status, 201, 'once the lock is gone, writes go through');
    const feedAgain = await fetch(`${base}${feedUrl}`);
    assert.equal(feedAgain.status, 200);
    const sequences = [...(await feedAgain.text()).matchAll(/^SEQUENCE:(\d+)/gm)].map((m) => m[1]);
    assert.ok(
      sequences.length > 0 && sequences.every((s) => s === '0'),
      'the feed stored as it was served',
    );
  });
});
