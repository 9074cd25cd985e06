import { sql } from 'kysely';
import { openDatabase } from './node-deps.ts';
import { databaseName } from './node-postgres.ts';
import { StartupError } from './startup.ts';

/**
 * Brings BUNSAN_DB to the migrations of this release, and nothing else: run from a new release
 * before its servers start, while the old ones still serve (migrations only add), so an upgrade
 * needs no downtime. Says where the database stands.
 */
async function main(): Promise<number> {
  const target = process.env.BUNSAN_DB || './data/bunsan.db';
  let db;
  try {
    db = await openDatabase(target); // migrates, under the migrator's lock
  } catch (e) {
    if (!(e instanceof StartupError)) throw e;
    console.error(`bunsan: cannot migrate: ${e.message}`);
    return 1;
  }
  try {
    const { rows } = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(db);
    console.log(
      `bunsan: ${databaseName(target)} is migrated: ${rows.length} migrations, the last ${rows.at(-1)?.name}`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
