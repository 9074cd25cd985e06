import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transactionalAtomic } from '../../src/db/atomic.ts';
import { toJson } from '../../src/db/json.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { insertDepartmentQuery } from '../../src/db/repos/departments.ts';
import { openSqlite } from '../../src/platform/node-deps.ts';
import { departmentRow } from '../support/rows.ts';

const dept = (id: string) => departmentRow(id);

describe('storage', () => {
  it('applies the migrations once: a second run applies none', async () => {
    const db = await openSqlite(':memory:');
    assert.deepEqual(await migrateToLatest(db), []);
    await db.destroy();
  });

  it('an atomic write that fails midway leaves nothing half-written', async () => {
    const db = await openSqlite(':memory:');
    const atomic = transactionalAtomic(db);
    await assert.rejects(
      atomic([
        insertDepartmentQuery(db, dept('a')),
        insertDepartmentQuery(db, dept('b')),
        insertDepartmentQuery(db, dept('a')),
      ]),
      /UNIQUE/,
    );
    assert.equal((await db.selectFrom('departments').selectAll().execute()).length, 0);
    await atomic([insertDepartmentQuery(db, dept('a')), insertDepartmentQuery(db, dept('b'))]);
    assert.equal((await db.selectFrom('departments').selectAll().execute()).length, 2);
    await db.destroy();
  });

  it('enforces foreign keys', async () => {
    const db = await openSqlite(':memory:');
    await assert.rejects(
      db
        .insertInto('members')
        .values({
          id: 'm',
          department_id: 'none',
          name: 'x',
          email: 'x@y.jp',
          email_key: 'x@y.jp',
          skills: toJson([]),
          position: 'staff',
          remote_access: 'company-pc',
          active: 1,
          created_at: 'x',
          updated_at: 'x',
        })
        .execute(),
      /FOREIGN KEY/,
    );
    await db.destroy();
  });
});
