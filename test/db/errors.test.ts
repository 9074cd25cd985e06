import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNotNullViolation, isUniqueViolation } from '../../src/db/errors.ts';

/** An error as pg reports one: SQLSTATE and the fields PostgreSQL sends with it. */
const pgError = (fields: Record<string, string>) => Object.assign(new Error('pg'), fields);
const sqlite = (message: string) =>
  Object.assign(new Error(message), { code: 'SQLITE_CONSTRAINT' });

describe('constraint failures told alike on SQLite, D1 and PostgreSQL', () => {
  const notNull = [
    {
      name: 'SQLite names table.column',
      e: sqlite('NOT NULL constraint failed: rotations.version'),
      expect: true,
    },
    {
      name: 'D1 wraps the same text',
      e: new Error('D1_ERROR: NOT NULL constraint failed: rotations.version: SQLITE_CONSTRAINT'),
      expect: true,
    },
    {
      name: 'another column is another guard',
      e: sqlite('NOT NULL constraint failed: rotations.versions'),
      expect: false,
    },
    {
      name: 'PostgreSQL: 23502 with table and column',
      e: pgError({ code: '23502', table: 'rotations', column: 'version' }),
      expect: true,
    },
    {
      name: 'PostgreSQL: another table',
      e: pgError({ code: '23502', table: 'departments', column: 'version' }),
      expect: false,
    },
    {
      name: 'PostgreSQL: a unique violation is not a guard',
      e: pgError({ code: '23505', table: 'rotations' }),
      expect: false,
    },
    { name: 'not an error', e: 'NOT NULL constraint failed: rotations.version', expect: false },
  ];
  for (const c of notNull)
    it(`version guard: ${c.name}`, () =>
      assert.equal(isNotNullViolation(c.e, 'rotations', 'version'), c.expect));

  const unique = [
    {
      name: 'SQLite: the key named',
      e: sqlite('UNIQUE constraint failed: idempotency_keys.key'),
      table: 'idempotency_keys',
      columns: ['key'],
      expect: true,
    },
    {
      name: 'SQLite: another table',
      e: sqlite('UNIQUE constraint failed: tokens.token_hash'),
      table: 'idempotency_keys',
      columns: ['key'],
      expect: false,
    },
    {
      name: 'SQLite: a two-column key, any key of the table',
      e: sqlite('UNIQUE constraint failed: members.department_id, members.email_key'),
      table: 'members',
      columns: undefined,
      expect: true,
    },
    {
      name: 'PostgreSQL: 23505, the key in its detail',
      e: pgError({
        code: '23505',
        table: 'idempotency_keys',
        detail: 'Key (key)=(k) already exists.',
      }),
      table: 'idempotency_keys',
      columns: ['key'],
      expect: true,
    },
    {
      name: 'PostgreSQL: another key of the table',
      e: pgError({ code: '23505', table: 'members', detail: 'Key (id)=(x) already exists.' }),
      table: 'members',
      columns: ['department_id', 'email_key'],
      expect: false,
    },
    {
      name: 'PostgreSQL: any key of the table',
      e: pgError({
        code: '23505',
        table: 'members',
        detail: 'Key (department_id, email_key)=(d, e) already exists.',
      }),
      table: 'members',
      columns: undefined,
      expect: true,
    },
    {
      name: 'PostgreSQL: a not-null violation is not a clash',
      e: pgError({ code: '23502', table: 'members' }),
      table: 'members',
      columns: undefined,
      expect: false,
    },
  ];
  for (const c of unique)
    it(`unique key: ${c.name}`, () =>
      assert.equal(isUniqueViolation(c.e, c.table, c.columns), c.expect));
});
