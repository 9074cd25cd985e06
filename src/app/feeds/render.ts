import { DateTime } from 'luxon';
import { dateInZone } from '../../domain/calendar/index.ts';
import {
  feedDaysIn,
  feedStateOf,
  findLiveFeedByHash,
  upsertFeedDaysQueries,
  upsertFeedStateQuery,
} from '../../db/repos/feeds.ts';
import { findMember } from '../../db/repos/members.ts';
import { findTeam } from '../../db/repos/rotations.ts';
import {
  departmentDays,
  memberDays,
  signatureOf,
  teamDays,
  type FeedDay,
} from '../../feeds/feed-days.ts';
import { feedText, teamName } from '../../feeds/feed-text.ts';
import type { Language } from '../../domain/types.ts';
import { renderCalendar, type FeedEvent } from '../../feeds/render.ts';
import type { Deps } from '../deps.ts';
import { departmentRow, feedContext, feedWindow } from './context.ts';
import { hashSecret } from '../secrets.ts';
import type { FeedScope } from './manage.ts';

/** A rendered feed and its HTTP validators. */
export interface RenderedFeed {
  body: string;
  /** The body as UTF-8, encoded once. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The body gzipped once, for clients that accept it (calendar services do). */
  gzip: Uint8Array<ArrayBuffer>;
  etag: string;
  lastModified: string;
}

/**
 * Rendered feeds per (feed, variant), valid while the department's data version and today's date
 * are what they were; every write that can change a schedule moves the data version.
 */
export class FeedCache {
  private readonly entries = new Map<
    string,
    RenderedFeed & { dataVersion: number; today: string }
  >();
  /** Fast path where the runtime offers a change stamp: by token, no database read at all. */
  private readonly byToken = new Map<
    string,
    { feed: RenderedFeed; stamp: string; validUntil: number }
  >();
  constructor(private readonly capacity = 5000) {}

  /** The feed for a token variant, if nothing can have changed since it was rendered and its day has not ended. */
  fresh(tokenKey: string, stamp: string, nowMs: number): RenderedFeed | undefined {
    const e = this.byToken.get(tokenKey);
    return e && e.stamp === stamp && nowMs < e.validUntil ? e.feed : undefined;
  }

  remember(tokenKey: string, stamp: string, validUntil: number, feed: RenderedFeed): void {
    this.byToken.delete(tokenKey);
    if (this.byToken.size >= this.capacity) this.byToken.delete(this.byToken.keys().next().value!);
    this.byToken.set(tokenKey, { feed, stamp, validUntil });
  }

  get(key: string, dataVersion: number, today: string): RenderedFeed | undefined {
    const e = this.entries.get(key);
    return e && e.dataVersion === dataVersion && e.today === today ? e : undefined;
  }

  set(key: string, dataVersion: number, today: string, feed: RenderedFeed): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...feed, dataVersion, today });
  }
}

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function strongEtag(body: string): Promise<string> {
  return `"${(await hashSecret(body)).slice(0, 32)}"`;
}

/** The days of a feed's subject over the window (every kind: remote days are filtered at render). */
async function subjectDays(
  deps: Deps,
  scope: FeedScope,
  subjectId: string,
  departmentId: string,
  today: string,
) {
  const department = await departmentRow(deps, departmentId);
  const window = await feedWindow(deps, department, today);
  const team = scope === 'team' ? await findTeam(deps.db, subjectId) : undefined;
  const ctx = await feedContext(deps, department, window.from, window.to, team?.rotation_id);
  const days =
    scope === 'member'
      ? memberDays(ctx, subjectId)
      : scope === 'team'
        ? teamDays(ctx, subjectId)
        : departmentDays(ctx);
  const lang = department.language as Language;
  const name =
    scope === 'member'
      ? feedText(lang, 'memberCalendar', {
          name: (await findMember(deps.db, subjectId))?.name ?? '',
          department: department.name,
        })
      : scope === 'team'
        ? feedText(lang, 'teamCalendar', {
            team: teamName(lang, team?.label ?? '?'),
            department: department.name,
          })
        : feedText(lang, 'departmentCalendar', { department: department.name });
  return { department, window, days, name };
}

/**
 * Brings the stored (subject, day) rows in line with the days as they are now: a new day starts at
 * SEQUENCE 0; a changed, vanished or returning day gets SEQUENCE + 1 and a new change time.
 */
async function reconcile(
  deps: Deps,
  subjectKey: string,
  window: { from: string; to: string },
  days: FeedDay[],
  allDay: boolean,
) {
  const stored = new Map(
    (await feedDaysIn(deps.db, subjectKey, window.from, window.to)).map((r) => [r.date, r]),
  );
  const at = deps.now().toISOString();
  const changes = days
    .map((d) => ({
      subject_key: subjectKey,
      date: d.date,
      signature: signatureOf(d, allDay),
      present: 1,
      updated_at: at,
    }))
    .filter((r) => {
      const s = stored.get(r.date);
      return !s || s.signature !== r.signature || s.present !== 1;
    });
  const present = new Set(days.map((d) => d.date));
  for (const s of stored.values()) {
    if (s.present === 1 && !present.has(s.date))
      changes.push({
        subject_key: subjectKey,
        date: s.date,
        signature: s.signature,
        present: 0,
        updated_at: at,
      });
  }
  if (!changes.length) return stored;
  await deps.atomic(upsertFeedDaysQueries(deps.db, changes));
  return new Map(
    (await feedDaysIn(deps.db, subjectKey, window.from, window.to)).map((r) => [r.date, r]),
  );
}

/** The calendar behind a feed token, or null when the token is unknown or revoked. */
export async function renderFeed(
  deps: Deps,
  cache: FeedCache,
  token: string,
  includeRemote: boolean,
): Promise<RenderedFeed | null> {
  // The stamp is read before anything else, so a write during this render makes the result stale at once.
  const stamp = deps.changeStamp?.();
  const tokenKey = `${token}|${includeRemote ? 'remote' : 'plain'}`;
  const nowMs = deps.now().getTime();
  if (stamp !== undefined) {
    const hit = cache.fresh(tokenKey, stamp, nowMs);
    if (hit) return hit;
  }
  const feed = await findLiveFeedByHash(deps.db, await hashSecret(token));
  if (!feed) return null;
  const today = dateInZone(deps.now(), feed.timezone);
  const variant = `${feed.id}|${includeRemote ? 'remote' : 'plain'}`;
  const validUntil = DateTime.fromMillis(nowMs, { zone: feed.timezone })
    .plus({ days: 1 })
    .startOf('day')
    .toMillis();
  const cached = cache.get(variant, feed.data_version, today);
  if (cached) {
    if (stamp !== undefined) cache.remember(tokenKey, stamp, validUntil, cached);
    return cached;
  }

  const scope = feed.scope as FeedScope;
  const { department, window, days, name } = await subjectDays(
    deps,
    scope,
    feed.subject_id,
    feed.department_id,
    today,
  );
  const allDay = department.feed_all_day === 1;
  const subjectKey = `${scope}:${feed.subject_id}`;
  const rows = await reconcile(deps, subjectKey, window, days, allDay);
  const events: FeedEvent[] = days
    .filter((d) => includeRemote || d.kind !== 'remote')
    .map((d) => {
      const row = rows.get(d.date)!;
      return {
        uid: `${d.date}.${scope}.${feed.subject_id}@bunsan`,
        day: d,
        sequence: row.sequence,
        updatedAt: row.updated_at,
      };
    });
  const body = renderCalendar({ name, timezone: department.timezone, allDay, events });
  const etag = await strongEtag(body);
  const stateKey = `${subjectKey}|${includeRemote ? 'remote' : 'plain'}`;
  const state = await feedStateOf(deps.db, stateKey);
  let changedAt = state?.changed_at;
  if (!state || state.content_hash !== etag) {
    // Last-Modified has whole seconds: each new body gets a later second than the one before, so a
    // client that revalidates with If-Modified-Since alone never keeps a body changed within that second.
    const before = state
      ? Math.floor(Date.parse(state.changed_at) / 1000)
      : Number.NEGATIVE_INFINITY;
    changedAt = new Date(
      Math.max(Math.floor(deps.now().getTime() / 1000), before + 1) * 1000,
    ).toISOString();
    await deps.atomic([upsertFeedStateQuery(deps.db, stateKey, etag, changedAt)]);
  }
  const bytes = new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>;
  const rendered = {
    body,
    bytes,
    gzip: await gzip(bytes),
    etag,
    lastModified: new Date(changedAt!).toUTCString(),
  };
  cache.set(variant, feed.data_version, today, rendered);
  if (stamp !== undefined) cache.remember(tokenKey, stamp, validUntil, rendered);
  return rendered;
}

/** A member's days as JSON: what their feed shows (remote days included), for apps and pages. */
export async function memberScheduleDays(
  deps: Deps,
  memberId: string,
  departmentId: string,
  from: string,
  to: string,
) {
  const department = await departmentRow(deps, departmentId);
  const ctx = await feedContext(deps, department, from, to);
  return memberDays(ctx, memberId);
}
