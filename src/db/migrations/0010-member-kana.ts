import type { Kysely } from 'kysely';

/** A member's reading (フリガナ): lists sort by it, since names in kanji do not sort by their sound. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').addColumn('kana', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('kana').execute();
}
