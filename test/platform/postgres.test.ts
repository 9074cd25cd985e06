import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { httpClient, runScenario } from '../support/http-scenario.ts';
import { alternating, startInstance, type Instance } from '../support/instances.ts';
import { postgresSkip, startPostgres, type PostgresCluster } from '../support/postgres.ts';

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
});
