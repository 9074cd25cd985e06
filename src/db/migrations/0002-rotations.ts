import type { Kysely } from 'kysely';

/** Rotations, their teams, who is in which team when, and the office shifts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('team_count', 'integer', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('constraints', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('buffer_dates', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('rotations_department')
    .on('rotations')
    .columns(['department_id', 'status'])
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) =>
      c.notNull().references('rotations.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('teams_rotation_label')
    .on('teams')
    .columns(['rotation_id', 'label'])
    .unique()
    .execute();

  // A member's place in a team over time: from_date..to_date (inclusive; null = open-ended).
  // office_from is the first day they may join the team's office days (the bridging rule).
  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) =>
      c.notNull().references('rotations.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('office_from', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('memberships_rotation_member')
    .on('memberships')
    .columns(['rotation_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) =>
      c.notNull().references('rotations.id').onDelete('cascade'),
    )
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('shifts_rotation_date')
    .on('shifts')
    .columns(['rotation_id', 'date', 'slot'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['shifts', 'memberships', 'teams', 'rotations'])
    await db.schema.dropTable(t).execute();
}
