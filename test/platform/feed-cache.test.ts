import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { issueToken, SYSTEM_ACTOR } from '../../src/app/tokens/index.ts';
import { createServer } from '../../src/server.ts';
import { nodeDeps, openSqlite } from '../../src/platform/node-deps.ts';

const dir = mkdtempSync(join(tmpdir(), 'bunsan-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the rendered-feed cache on Node', () => {
  it('notices a write made by another process (another connection to the same file)', async () => {
    const path = join(dir, 'shared.db');
    const db = await openSqlite(path);
    const deps = nodeDeps(db, { now: () => new Date('2026-11-24T00:00:00Z') });
    const app = createServer(deps);
    const admin = await issueToken(deps, SYSTEM_ACTOR, { role: 'admin', label: 't' });
    assert.ok(admin.ok);
    const call = async (method: string, p: string, body?: unknown) => {
      const res = await app.request(p, {
        method,
        headers: {
          authorization: `Bearer ${admin.value.token}`,
          'content-type': 'application/json',
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return (await res.json()) as any;
    };
    const dept = await call('POST', '/v1/departments', { name: 'x' });
    await call('POST', `/v1/departments/${dept.id}/members`, {
      members: [
        { name: 'A', email: 'a@x.jp' },
        { name: 'B', email: 'b@x.jp' },
      ],
    });
    const rot = await call('POST', `/v1/departments/${dept.id}/rotations`, {
      startDate: '2026-12-01',
      endDate: '2026-12-31',
      teamCount: 2,
      pattern: { kind: 'daily' },
    });
    await app.request(`/v1/rotations/${rot.id}/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.value.token}`, 'if-match': '"1"' },
    });
    const feed = await call('POST', '/v1/feeds', { scope: 'department', id: dept.id });
    const first = await app.request(`/feeds/${feed.token}.ics`);
    assert.equal(first.status, 200);
    const stamp = deps.changeStamp!();
    assert.equal(
      (await app.request(`/feeds/${feed.token}.ics`)).headers.get('etag'),
      first.headers.get('etag'),
    );
    assert.equal(
      deps.changeStamp!(),
      stamp,
      'an unchanged feed served from the cache writes nothing',
    );

    // Another process revokes the feed straight in the database file.
    const other = new Database(path);
    other
      .prepare('update feeds set revoked_at = ? where id = ?')
      .run('2026-11-24T00:00:00.000Z', feed.id);
    other.close();
    assert.notEqual(deps.changeStamp!(), stamp);
    assert.equal((await app.request(`/feeds/${feed.token}.ics`)).status, 404);
    await db.destroy();
  });
});
