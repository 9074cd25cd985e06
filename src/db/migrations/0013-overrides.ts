import { sql, type Kysely } from 'kysely';

/**
 * The chief's single-day overrides of a published rotation (swap two days, give a day to another
 * team, close the office for a day): what was asked, which shifts it cancelled and added (so that
 * undoing it puts them back), who made it and who undid it. A rotation keeps the dates its
 * overrides closed, so that every reader (schedule, feeds, board, capacity) sees them as closed
 * on purpose, not uncovered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) => c.notNull().references('rotations.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON: the day (assign, close) or the two days (swap), in the order given.
    .addColumn('dates', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('slot', 'integer')
    .addColumn('reason', 'text')
    // JSON lists of shift ids: what it cancelled (restored on undo) and added (cancelled on undo).
    .addColumn('cancelled_shift_ids', 'text', (c) => c.notNull())
    .addColumn('added_shift_ids', 'text', (c) => c.notNull())
    .addColumn('first_date', 'text', (c) => c.notNull())
    // The rotation's version it made: overrides of a rotation in the order they were made.
    .addColumn('rotation_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema
    .createIndex('overrides_rotation')
    .on('overrides')
    .columns(['rotation_id', 'first_date'])
    .execute();
  await db.schema
    .alterTable('rotations')
    .addColumn('closed_dates', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rotations').dropColumn('closed_dates').execute();
  await db.schema.dropTable('overrides').execute();
}
