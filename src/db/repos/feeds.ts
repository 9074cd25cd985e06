import type { CompiledQuery, ExpressionBuilder, Kysely } from 'kysely';
import { insertChunks, parameterGroups, parameterLimit } from '../chunks.ts';
import type { DB, FeedDayRow, FeedRow } from '../schema.ts';
import type { FeedScope, IsoDate } from '../../domain/types.ts';

/** A calendar feed as stored: the hash of its secret, what it shows, who made it. */
export interface Feed {
  id: string;
  tokenHash: string;
  scope: FeedScope;
  subjectId: string;
  departmentId: string;
  /** The token that made it. */
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

/** What a feed last showed of one day: its content's signature, whether it was there, its SEQUENCE. */
export interface FeedDay {
  date: IsoDate;
  signature: string;
  present: boolean;
  sequence: number;
  updatedAt: string;
}

const feedFromRow = (r: FeedRow): Feed => ({
  id: r.id,
  tokenHash: r.token_hash,
  scope: r.scope,
  subjectId: r.subject_id,
  departmentId: r.department_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

const feedDayFromRow = (r: FeedDayRow): FeedDay => ({
  date: r.date,
  signature: r.signature,
  present: r.present === 1,
  sequence: r.sequence,
  updatedAt: r.updated_at,
});

/** Stores a new feed. */
export function insertFeedQuery(db: Kysely<DB>, f: Feed): CompiledQuery {
  return db
    .insertInto('feeds')
    .values({
      id: f.id,
      token_hash: f.tokenHash,
      scope: f.scope,
      subject_id: f.subjectId,
      department_id: f.departmentId,
      created_by: f.createdBy,
      created_at: f.createdAt,
      revoked_at: f.revokedAt,
    })
    .compile();
}

/**
 * A feed is served while it is unrevoked, the token that made it still stands (unrevoked; a staff
 * token only while its member is active) and, for a member's feed, that member is active: a feed
 * never outlives the person or the access behind it. The server's own admin secret and the system
 * have no token row and stand while the server runs with them.
 */
/** There is an active member whose id is in column `ref`. */
const activeMember = (
  eb: ExpressionBuilder<DB, 'feeds' | 'tokens'>,
  ref: 'tokens.member_id' | 'feeds.subject_id',
) =>
  eb.exists(
    eb
      .selectFrom('members')
      .select('members.id')
      .whereRef('members.id', '=', ref)
      .where('members.active', '=', 1),
  );

const isLive = (eb: ExpressionBuilder<DB, 'feeds'>) =>
  eb.and([
    eb('feeds.revoked_at', 'is', null),
    eb.or([
      eb('feeds.created_by', 'like', 'env:%'),
      eb('feeds.created_by', '=', 'system'),
      eb.exists(
        eb
          .selectFrom('tokens')
          .select('tokens.id')
          .whereRef('tokens.id', '=', 'feeds.created_by')
          .where('tokens.revoked_at', 'is', null)
          .where((t) =>
            t.or([t('tokens.role', '!=', 'staff'), activeMember(t, 'tokens.member_id')]),
          ),
      ),
    ]),
    eb.or([eb('feeds.scope', '!=', 'member'), activeMember(eb, 'feeds.subject_id')]),
  ]);

/** Live feeds (see isLive), newest first: of one department, of one member's schedule or made by one token, or all. */
export async function listLiveFeeds(
  db: Kysely<DB>,
  filter: { departmentId?: string; memberId?: string; createdBy?: string },
): Promise<Feed[]> {
  let q = db.selectFrom('feeds').selectAll('feeds').where(isLive);
  if (filter.departmentId) q = q.where('feeds.department_id', '=', filter.departmentId);
  if (filter.memberId || filter.createdBy) {
    const { memberId, createdBy } = filter;
    q = q.where((eb) =>
      eb.or([
        ...(memberId
          ? [eb.and([eb('feeds.scope', '=', 'member'), eb('feeds.subject_id', '=', memberId)])]
          : []),
        ...(createdBy ? [eb('feeds.created_by', '=', createdBy)] : []),
      ]),
    );
  }
  return (await q.orderBy('feeds.created_at', 'desc').orderBy('feeds.id').execute()).map(
    feedFromRow,
  );
}

/** One feed by id, or undefined. */
export async function findFeed(db: Kysely<DB>, id: string): Promise<Feed | undefined> {
  const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row && feedFromRow(row);
}

/** The live feed with this token hash, with what its cache key needs from its department. */
export async function findLiveFeedByHash(
  db: Kysely<DB>,
  hash: string,
): Promise<
  | {
      id: string;
      scope: FeedScope;
      subjectId: string;
      departmentId: string;
      dataVersion: number;
      timezone: string;
    }
  | undefined
> {
  const row = await db
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
    .where(isLive)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      scope: row.scope,
      subjectId: row.subject_id,
      departmentId: row.department_id,
      dataVersion: row.data_version,
      timezone: row.timezone,
    }
  );
}

/** Revokes a live feed (a revoked one keeps its first revocation time). */
export function revokeFeedQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('feeds')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .compile();
}

/** Revokes every live feed of the given members' own calendars (a leaver's). */
export function revokeMemberFeedsQueries(
  db: Kysely<DB>,
  memberIds: readonly string[],
  at: string,
): CompiledQuery[] {
  return parameterGroups(memberIds, 2).map((ids) =>
    db
      .updateTable('feeds')
      .set({ revoked_at: at })
      .where('scope', '=', 'member')
      .where('subject_id', 'in', ids)
      .where('revoked_at', 'is', null)
      .compile(),
  );
}

/** What a subject's feed last showed of each day of [from, to], by date. */
export async function feedDaysIn(
  db: Kysely<DB>,
  subjectKey: string,
  from: string,
  to: string,
): Promise<FeedDay[]> {
  const rows = await db
    .selectFrom('feed_days')
    .selectAll()
    .where('subject_key', '=', subjectKey)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map(feedDayFromRow);
}

/**
 * Writes (subject, day) rows; an existing row changes — and its SEQUENCE grows by one — only when
 * its content or presence differs. The database does the increment, so two concurrent renders
 * can never make a SEQUENCE go backwards.
 */
export function upsertFeedDaysQueries(
  db: Kysely<DB>,
  subjectKey: string,
  days: readonly Omit<FeedDay, 'sequence'>[],
): CompiledQuery[] {
  const rows = days.map((d): FeedDayRow => ({
    subject_key: subjectKey,
    date: d.date,
    signature: d.signature,
    present: d.present ? 1 : 0,
    sequence: 0,
    updated_at: d.updatedAt,
  }));
  return insertChunks(rows, parameterLimit(db)).map((chunk) =>
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

/** The hash of a feed variant's last body and when it last changed, or undefined before its first render. */
export async function feedStateOf(
  db: Kysely<DB>,
  key: string,
): Promise<{ contentHash: string; changedAt: string } | undefined> {
  const row = await db
    .selectFrom('feed_state')
    .selectAll()
    .where('subject_key', '=', key)
    .executeTakeFirst();
  return row && { contentHash: row.content_hash, changedAt: row.changed_at };
}

/** Records a feed variant's body hash; its change time moves only when the hash differs. */
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
