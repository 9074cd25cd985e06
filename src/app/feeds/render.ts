import { DateTime } from 'luxon';
import { dateInZone } from '../../domain/calendar/index.ts';
import {
  feedDaysIn,
  feedStateOf,
  findLiveFeedByHash,
  upsertFeedDaysQueries,
  upsertFeedStateQuery,
} from '../../db/repos/feeds.ts';
import { memberById } from '../../db/repos/members.ts';
import { teamById } from '../../db/repos/rotations.ts';
import type { FeedScope } from '../../domain/types.ts';
import {
  departmentDays,
  memberDays,
  signatureOf,
  teamDays,
  type FeedDay,
} from '../../feeds/feed-days.ts';
import { feedText, teamName } from '../../feeds/feed-text.ts';
import { dayEvents, renderCalendar, type FeedEvent } from '../../feeds/render.ts';
import { StoreBusy, type Deps } from '../deps.ts';
import type { CompiledQuery } from 'kysely';
import type { FeedCache, RenderedFeed } from './cache.ts';
import { departmentOf, feedContext, feedWindow } from './context.ts';
import { hashSecret } from '../secrets.ts';

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
  cache: FeedCache,
  feed: { scope: FeedScope; subjectId: string; departmentId: string; dataVersion: number },
  today: string,
) {
  const { scope, subjectId } = feed;
  const department = await departmentOf(deps, feed.departmentId);
  const window = await feedWindow(deps, department, today);
  const team = scope === 'team' ? await teamById(deps.db, subjectId) : undefined;
  const only = team?.rotationId;
  const { ctx, texts } = await cache.context(
    `${department.id}|${feed.dataVersion}|${window.from}|${window.to}|${only ?? ''}`,
    () => feedContext(deps, department, window.from, window.to, only),
  );
  const days =
    scope === 'member'
      ? memberDays(ctx, subjectId)
      : scope === 'team'
        ? teamDays(ctx, subjectId)
        : departmentDays(ctx);
  const lang = department.language;
  const name =
    scope === 'member'
      ? feedText(lang, 'memberCalendar', {
          name: (await memberById(deps.db, subjectId))?.name ?? '',
          department: department.name,
        })
      : scope === 'team'
        ? feedText(lang, 'teamCalendar', {
            team: teamName(lang, team?.label ?? '?'),
            department: department.name,
          })
        : feedText(lang, 'departmentCalendar', { department: department.name });
  return { department, window, days, name, texts };
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
    (await feedDaysIn(deps.db, subjectKey, window.from, window.to)).map((d) => [d.date, d]),
  );
  const at = deps.now().toISOString();
  const changes = days
    .map((d) => ({
      date: d.date,
      signature: signatureOf(d, allDay),
      present: true,
      updatedAt: at,
    }))
    .filter((r) => {
      const s = stored.get(r.date);
      return !s || s.signature !== r.signature || !s.present;
    });
  const present = new Set(days.map((d) => d.date));
  for (const s of stored.values()) {
    if (s.present && !present.has(s.date))
      changes.push({ date: s.date, signature: s.signature, present: false, updatedAt: at });
  }
  if (!changes.length) return { days: stored, persisted: true };
  if (!(await writeUnlessBusy(deps, upsertFeedDaysQueries(deps.db, subjectKey, changes)))) {
    // Served as it will be stored: a changed day one SEQUENCE on, a new one at 0.
    const next = new Map(stored);
    for (const c of changes) {
      const was = stored.get(c.date);
      next.set(c.date, { ...c, sequence: was ? was.sequence + 1 : 0 });
    }
    return { days: next, persisted: false };
  }
  return {
    days: new Map(
      (await feedDaysIn(deps.db, subjectKey, window.from, window.to)).map((d) => [d.date, d]),
    ),
    persisted: true,
  };
}

/**
 * Runs the feed's own bookkeeping writes, or reports that another writer holds the database: a
 * calendar is served all the same (not cached, so the next request stores what this one could not).
 */
async function writeUnlessBusy(deps: Deps, queries: CompiledQuery[]): Promise<boolean> {
  try {
    await deps.atomic(queries);
    return true;
  } catch (e) {
    if (e instanceof StoreBusy) return false;
    throw e;
  }
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
  const cached = cache.get(variant, feed.dataVersion, today);
  if (cached) {
    if (stamp !== undefined) cache.remember(tokenKey, stamp, validUntil, cached);
    return cached;
  }

  const scope = feed.scope;
  const { department, window, days, name, texts } = await subjectDays(deps, cache, feed, today);
  const allDay = department.feedAllDay;
  const subjectKey = `${scope}:${feed.subjectId}`;
  const { days: stored, persisted } = await reconcile(deps, subjectKey, window, days, allDay);
  const events: FeedEvent[] = days
    .filter((d) => includeRemote || d.kind !== 'remote')
    .flatMap((d) => {
      const day = stored.get(d.date)!;
      return dayEvents(d, `${scope}.${feed.subjectId}@bunsan`, allDay).map((e) => ({
        ...e,
        sequence: day.sequence,
        updatedAt: day.updatedAt,
      }));
    });
  const body = renderCalendar({ name, timezone: department.timezone, allDay, events }, texts);
  const etag = await strongEtag(body);
  const stateKey = `${subjectKey}|${includeRemote ? 'remote' : 'plain'}`;
  const state = await feedStateOf(deps.db, stateKey);
  let changedAt = state?.changedAt;
  let stateStored = true;
  if (!state || state.contentHash !== etag) {
    // Last-Modified has whole seconds: each new body gets a later second than the one before, so a
    // client that revalidates with If-Modified-Since alone never keeps a body changed within that second.
    const before = state
      ? Math.floor(Date.parse(state.changedAt) / 1000)
      : Number.NEGATIVE_INFINITY;
    changedAt = new Date(
      Math.max(Math.floor(deps.now().getTime() / 1000), before + 1) * 1000,
    ).toISOString();
    stateStored = await writeUnlessBusy(deps, [
      upsertFeedStateQuery(deps.db, stateKey, etag, changedAt),
    ]);
  }
  const bytes = new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>;
  const rendered = {
    body,
    bytes,
    gzip: await gzip(bytes),
    etag,
    lastModified: new Date(changedAt!).toUTCString(),
  };
  if (!persisted || !stateStored) return rendered;
  cache.set(variant, feed.dataVersion, today, rendered);
  if (stamp !== undefined) cache.remember(tokenKey, stamp, validUntil, rendered);
  return rendered;
}
