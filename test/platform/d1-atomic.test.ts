import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { D1Database } from '@cloudflare/workers-types';
import {
  bumpDataVersionQuery,
  insertDepartmentQuery,
  isDataVersionConflict,
  departmentsByName,
} from '../../src/db/repos/departments.ts';
import { findMembersByEmailKeys, insertMembersQueries } from '../../src/db/repos/members.ts';
import { handBackSwapsQueries, swapsOf } from '../../src/db/repos/swaps.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { d1Atomic, d1Kysely, ensureMigrated } from '../../src/platform/worker-deps.ts';
import { root, wranglerEnv } from '../support/workerd.ts';
import { departmentRow, memberRow } from '../support/rows.ts';

const at = '2026-11-24T00:00:00.000Z';
const dept = (id: string) => departmentRow(id, at);
const member = (id: string, departmentId: string) => memberRow(id, departmentId, at);

// A real local D1 (the one `wrangler dev` uses, in-process through getPlatformProxy), no mocks.
describe('storage on D1', () => {
  const home = mkdtempSync(join(tmpdir(), 'bunsan-d1-'));
  let d1: D1Database;
  let dispose: () => Promise<void>;

  before(async () => {
    // Offline, no metrics, wrangler's logs and config in the temp folder (this file runs in its own process).
    for (const [k, v] of Object.entries(wranglerEnv(home))) if (v !== undefined) process.env[k] = v;
    const { getPlatformProxy } = await import('wrangler');
    const proxy = await getPlatformProxy<{ DB: D1Database }>({
      configPath: join(root, 'wrangler.toml'),
      persist: { path: join(home, 'state') },
    });
    d1 = proxy.env.DB;
    dispose = proxy.dispose;
    await ensureMigrated(d1);
  });
  after(async () => {
    await dispose?.();
    rmSync(home, { recursive: true, force: true });
  });

  it('applies the same static migrations once: a second run applies none', async () => {
    assert.deepEqual(await migrateToLatest(d1Kysely(d1)), []);
    const tables = (
      await d1
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .all<{ name: string }>()
    ).results.map((r) => r.name);
    for (const t of [
      'departments',
      'members',
      'rotations',
      'shifts',
      'quarantines',
      'outbox',
      'kysely_migration',
    ])
      assert.ok(tables.includes(t), t);
  });

  it('an atomic write whose third statement fails leaves nothing of the first two', async () => {
    const db = d1Kysely(d1);
    const atomic = d1Atomic(d1);
    const writes = [
      insertDepartmentQuery(db, dept('d1-a')),
      ...insertMembersQueries(db, [member('d1-m1', 'd1-a'), member('d1-m2', 'd1-a')]),
      insertDepartmentQuery(db, dept('d1-a')), // the same primary key again
    ];
    assert.equal(writes.length, 3);
    await assert.rejects(atomic(writes), /UNIQUE|constraint/i);
    assert.equal(
      (await db.selectFrom('departments').select('id').where('id', '=', 'd1-a').execute()).length,
      0,
    );
    assert.equal(
      (await db.selectFrom('members').select('id').where('department_id', '=', 'd1-a').execute())
        .length,
      0,
    );

    await atomic(writes.slice(0, 2));
    assert.equal(
      (await db.selectFrom('departments').select('id').where('id', '=', 'd1-a').execute()).length,
      1,
    );
    assert.equal(
      (await db.selectFrom('members').select('id').where('department_id', '=', 'd1-a').execute())
        .length,
      2,
    );
  });

  it('a failing foreign key midway rolls back the statements before it', async () => {
    const db = d1Kysely(d1);
    const writes = [
      insertDepartmentQuery(db, dept('d1-b')),
      ...insertMembersQueries(db, [member('d1-m3', 'no-such-department')]),
    ];
    await assert.rejects(d1Atomic(d1)(writes), /FOREIGN KEY/i);
    assert.equal(
      (await db.selectFrom('departments').select('id').where('id', '=', 'd1-b').execute()).length,
      0,
    );
  });

  it("keeps every statement within D1's 100 bound parameters, however long the lists", async () => {
    const db = d1Kysely(d1);
    const many = Array.from({ length: 250 }, (_, i) => member(`d1-many-${i}`, 'd1-many'));
    await d1Atomic(d1)([
      insertDepartmentQuery(db, dept('d1-many')),
      ...insertMembersQueries(db, many),
    ]);
    const found = await findMembersByEmailKeys(
      db,
      'd1-many',
      many.map((m) => m.emailKey),
    );
    assert.equal(found.length, 250);
    assert.deepEqual(
      await swapsOf(
        db,
        many.map((m) => m.id),
      ),
      [],
    );
    const handBack = handBackSwapsQueries(
      db,
      many.map((m) => m.id),
      at,
    );
    assert.equal(handBack.length, 3);
    await d1Atomic(d1)(handBack);
    // Departments by a long list of ids (a settings change may name up to 1,000 reservations).
    const ids = ['d1-many', ...many.map((m) => m.id)];
    assert.deepEqual(
      (await departmentsByName(db, ids)).map((d) => d.id),
      ['d1-many'],
    );
  });

  it('refuses a write decided on a department plan that changed meanwhile, as SQLite does (the same error test)', async () => {
    const db = d1Kysely(d1);
    await d1Atomic(d1)([insertDepartmentQuery(db, dept('d1-cas'))]);
    const stale = d1Atomic(d1)([
      insertDepartmentQuery(db, dept('d1-cas-other')),
      bumpDataVersionQuery(db, 'd1-cas', 7),
    ]);
    const error = await stale.then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(isDataVersionConflict(error), String(error));
    assert.equal(
      (await db.selectFrom('departments').select('id').where('id', '=', 'd1-cas-other').execute())
        .length,
      0,
      'nothing written',
    );
    await d1Atomic(d1)([bumpDataVersionQuery(db, 'd1-cas', 0)]);
    assert.equal(
      (
        await db
          .selectFrom('departments')
          .select('data_version')
          .where('id', '=', 'd1-cas')
          .executeTakeFirstOrThrow()
      ).data_version,
      1,
    );
  });

  it('refuses interactive transactions, which is why writes go through the batch', async () => {
    await assert.rejects(
      d1Kysely(d1)
        .transaction()
        .execute(async () => undefined),
      /not supported/i,
    );
  });
});
