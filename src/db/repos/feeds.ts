import type { CompiledQuery, Kysely } from 'kysely';
import { insertChunks } from '../chunks.ts';
import type { DB, FeedDayRow, FeedRow } from '../schema.ts';

export function insertFeedQuery(db: Kysely<DB>, row: FeedRow): CompiledQuery {
  return db.insertInto('feeds').values(row).compile();
}

/** Live (unrevoked) feeds, newest first: of one department, of one member's schedule or made by one token, or all. */
export function listLiveFeeds(
  db: Kysely<DB>,
  filter: { departmentId?: string; memberId?: string; createdBy?: string },
): Promise<FeedRow[]> {
  let q = db.selectFrom('feeds').selectAll().where('revoked_at', 'is', null);
  if (filter.departmentId) q = q.where('department_id', '=', filter.departmentId);
  if (filter.memberId || filter.createdBy) {
    const { memberId, createdBy } = filter;
    q = q.where((eb) =>
      eb.or([
        ...(memberId
          ? [eb.and([eb('scope', '=', 'member'), eb('subject_id', '=', memberId)])]
          : []),
        ...(createdBy ? [eb('created_by', '=', createdBy)] : []),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

export function findFeed(db: Kysely<DB>, id: string): Promise<FeedRow | undefined> {
  return db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The live feed with this token hash, with what its cache key needs from its department. */
export function findLiveFeedByHash(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom('feeds')
    .innerJoin('departments', 'departments.id', 'feeds.department_id')
    .select([
      'feeds.id',
      'feeds.scope',
      'feeds.subject_id',
      'feeds.department_id',
      'departments.data_version',
      'departments.timezone',
    ])
    .where('feeds.token_hash', '=', hash)
    .where('feeds.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function revokeFeedQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('feeds')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .compile();
}

export function feedDaysIn(
  db: Kysely<DB>,
  subjectKey: string,
  from: string,
  to: string,
): Promise<FeedDayRow[]> {
  return db
    .selectFrom('feed_days')
    .selectAll()
    .where('subject_key', '=', subjectKey)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

/**
 * Writes (subject, day) rows; an existing row changes — and its SEQUENCE grows by one — only when
 * its content or presence differs. The database does the increment, so two concurrent renders
 * can never make a SEQUENCE go backwards.
 */
export function upsertFeedDaysQueries(
  db: Kysely<DB>,
  rows: Omit<FeedDayRow, 'sequence'>[],
): CompiledQuery[] {
  return insertChunks(rows.map((r) => ({ ...r, sequence: 0 }))).map((chunk) =>
    db
      .insertInto('feed_days')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['subject_key', 'date'])
          .doUpdateSet((eb) => ({
            signature: eb.ref('excluded.signature'),
            present: eb.ref('excluded.present'),
            updated_at: eb.ref('excluded.updated_at'),
            sequence: eb('feed_days.sequence', '+', 1),
          }))
          .where((eb) =>
            eb.or([
              eb('feed_days.signature', '!=', eb.ref('excluded.signature')),
              eb('feed_days.present', '!=', eb.ref('excluded.present')),
            ]),
          ),
      )
      .compile(),
  );
}

export function feedStateOf(db: Kysely<DB>, key: string) {
  return db.selectFrom('feed_state').selectAll().where('subject_key', '=', key).executeTakeFirst();
}

export function upsertFeedStateQuery(
  db: Kysely<DB>,
  key: string,
  hash: string,
  at: string,
): CompiledQuery {
  return db
    .insertInto('feed_state')
    .values({ subject_key: key, content_hash: hash, changed_at: at })
    .onConflict((oc) =>
      oc
        .column('subject_key')
        .doUpdateSet({ content_hash: hash, changed_at: at })
        .where('feed_state.content_hash', '!=', hash),
    )
    .compile();
}
