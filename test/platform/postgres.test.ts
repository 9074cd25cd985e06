import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { httpClient, runScenario } from '../support/http-scenario.ts';
import { alternating, startInstance, type Instance } from '../support/instances.ts';
import {
  POSTGRES_BIN,
  postgresSkip,
  startPostgres,
  type PostgresCluster,
} from '../support/postgres.ts';

const ADMIN = 'postgres-admin-secret-for-tests-0123456789';

describe('two Node instances sharing one PostgreSQL', { skip: postgresSkip() }, () => {
  let cluster: PostgresCluster;
  const dir = mkdtempSync(join(tmpdir(), 'bunsan-pg-sqlite-'));
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the representative HTTP scenario as Node + SQLite does, requests alternating between the two', async () => {
    const url = cluster.createDatabase('scenario');
    // Started together: the migrations run once (Kysely's Migrator holds an advisory lock).
    const pair = await Promise.all(
      ['a', 'b'].map((name) => startInstance(url, { adminToken: ADMIN, name })),
    );
    const single = await startInstance(join(dir, 'scenario.db'), { adminToken: ADMIN, name: 's' });
    try {
      const now = new Date();
      const onSqlite = await runScenario(httpClient(single.base, ADMIN), now);
      const onPostgres = await runScenario(httpClient(alternating(pair), ADMIN), now);
      assert.deepEqual(Object.keys(onPostgres), Object.keys(onSqlite));
      for (const key of Object.keys(onSqlite))
        assert.deepEqual(
          onPostgres[key],
          onSqlite[key],
          `${key} differs between PostgreSQL and SQLite`,
        );
    } finally {
      await Promise.all([...pair, single].map((i: Instance) => i.close()));
    }
  });

  it('restores a pg_dump taken while serving into a new database that serves the same data', async () => {
    const url = cluster.createDatabase('backup');
    const live = await startInstance(url, { adminToken: ADMIN, name: 'live' });
    const file = join(dir, 'bunsan.dump');
    let restored: Instance | undefined;
    try {
      const call = httpClient(live.base, ADMIN);
      const dept = await call('POST', '/v1/departments', { body: { name: '総務課' } });
      const members = [1, 2, 3].map((i) => ({ name: `職員${i}`, email: `s${i}@example.jp` }));
      await call('POST', `/v1/departments/${dept.json.id}/members`, { body: { members } });
      const before = await call('GET', `/v1/departments/${dept.json.id}/members`);
      execFileSync(join(POSTGRES_BIN!, 'pg_dump'), ['--format=custom', `--file=${file}`, url]);
      const copy = cluster.createDatabase('restored');
      execFileSync(join(POSTGRES_BIN!, 'pg_restore'), ['--no-owner', `--dbname=${copy}`, file]);
      restored = await startInstance(copy, { adminToken: ADMIN, name: 'restored' });
      const after = await httpClient(restored.base, ADMIN)(
        'GET',
        `/v1/departments/${dept.json.id}/members`,
      );
      assert.equal(after.status, 200, after.text);
      assert.deepEqual(after.json, before.json);
      assert.equal(after.headers.get('etag'), before.headers.get('etag'));
    } finally {
      await Promise.all([live.close(), restored?.close()]);
    }
  });
});
