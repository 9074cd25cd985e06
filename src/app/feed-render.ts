import { dateInZone } from '../domain/dates.ts';
import { feedDaysIn, feedStateOf, findLiveFeedByHash, upsertFeedDaysQueries, upsertFeedStateQuery } from '../db/repos/feeds.ts';
import { findMember } from '../db/repos/members.ts';
import { findTeam } from '../db/repos/rotations.ts';
import { departmentDays, memberDays, signatureOf, teamDays, type FeedDay } from '../feeds/feed-days.ts';
import { feedText, teamName, type Language } from '../feeds/feed-text.ts';
import { renderCalendar, type FeedEvent } from '../feeds/render.ts';
import type { Deps } from './deps.ts';
import { departmentRow, feedContext, feedWindow } from './feed-context.ts';
import { hashSecret } from './secrets.ts';
import type { FeedScope } from './feeds.ts';

/** A rendered feed and its HTTP validators. */
export interface RenderedFeed {
  body: string;
  etag: string;
  lastModified: string;
}

/**
 * Rendered feeds per (feed, variant), valid while the department's data version and today's date
 * are what they were; every write that can change a schedule moves the data version.
 */
export class FeedCache {
  private readonly entries = new Map<string, RenderedFeed & { dataVersion: number; today: string }>();
  constructor(private readonly capacity = 5000) {}

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

async function strongEtag(body: string): Promise<string> {
  return `"${(await hashSecret(body)).slice(0, 32)}"`;
}

/** The days of a feed's subject over the window (every kind: remote days are filtered at render). */
async function subjectDays(deps: Deps, scope: FeedScope, subjectId: string, departmentId: string, today: string) {
  const department = await departmentRow(deps, departmentId);
  const window = await feedWindow(deps, department, today);
  const team = scope === 'team' ? await findTeam(deps.db, subjectId) : undefined;
  const ctx = await feedContext(deps, department, window.from, window.to, team?.rotation_id);
  const days = scope === 'member' ? memberDays(ctx, subjectId) : scope === 'team' ? teamDays(ctx, subjectId) : departmentDays(ctx);
  const lang = department.language as Language;
  const name =
    scope === 'member'
      ? feedText(lang, 'memberCalendar', { name: (await findMember(deps.db, subjectId))?.name ?? '', department: department.name })
      : scope === 'team'
        ? feedText(lang, 'teamCalendar', { team: teamName(lang, team?.label ?? '?'), department: department.name })
        : feedText(lang, 'departmentCalendar', { department: department.name });
  return { department, window, days, name };
}

/**
 * Brings the stored (subject, day) rows in line with the days as they are now: a new day starts at
 * SEQUENCE 0; a changed, vanished or returning day gets SEQUENCE + 1 and a new change time.
 */
async function reconcile(deps: Deps, subjectKey: string, window: { from: string; to: string }, days: FeedDay[], allDay: boolean) {
  const stored = new Map((await feedDaysIn(deps.db, subjectKey, window.from, window.to)).map((r) => [r.date, r]));
  const at = deps.now().toISOString();
  const changes = days
    .map((d) => ({ subject_key: subjectKey, date: d.date, signature: signatureOf(d, allDay), present: 1, updated_at: at }))
    .filter((r) => {
      const s = stored.get(r.date);
      return !s || s.signature !== r.signature || s.present !== 1;
    });
  const present = new Set(days.map((d) => d.date));
  for (const s of stored.values()) {
    if (s.present === 1 && !present.has(s.date)) changes.push({ subject_key: subjectKey, date: s.date, signature: s.signature, present: 0, updated_at: at });
  }
  if (!changes.length) return stored;
  await deps.atomic(upsertFeedDaysQueries(deps.db, changes));
  return new Map((await feedDaysIn(deps.db, subjectKey, window.from, window.to)).map((r) => [r.date, r]));
}

/** The calendar behind a feed token, or null when the token is unknown or revoked. */
export async function renderFeed(deps: Deps, cache: FeedCache, token: string, includeRemote: boolean): Promise<RenderedFeed | null> {
  const feed = await findLiveFeedByHash(deps.db, await hashSecret(token));
  if (!feed) return null;
  const today = dateInZone(deps.now(), feed.timezone);
  const variant = `${feed.id}|${includeRemote ? 'remote' : 'plain'}`;
  const cached = cache.get(variant, feed.data_version, today);
  if (cached) return cached;

  const scope = feed.scope as FeedScope;
  const { department, window, days, name } = await subjectDays(deps, scope, feed.subject_id, feed.department_id, today);
  const allDay = department.feed_all_day === 1;
  const subjectKey = `${scope}:${feed.subject_id}`;
  const rows = await reconcile(deps, subjectKey, window, days, allDay);
  const events: FeedEvent[] = days
    .filter((d) => includeRemote || d.kind !== 'remote')
    .map((d) => {
      const row = rows.get(d.date)!;
      return { uid: `${d.date}.${scope}.${feed.subject_id}@bunsan`, day: d, sequence: row.sequence, updatedAt: row.updated_at };
    });
  const body = renderCalendar({ name, timezone: department.timezone, allDay, events });
  const etag = await strongEtag(body);
  const stateKey = `${subjectKey}|${includeRemote ? 'remote' : 'plain'}`;
  const state = await feedStateOf(deps.db, stateKey);
  let changedAt = state?.changed_at;
  if (!state || state.content_hash !== etag) {
    changedAt = deps.now().toISOString();
    await deps.atomic([upsertFeedStateQuery(deps.db, stateKey, etag, changedAt)]);
  }
  const rendered = { body, etag, lastModified: new Date(changedAt!).toUTCString() };
  cache.set(variant, feed.data_version, today, rendered);
  return rendered;
}

/** A member's days as JSON: what their feed shows (remote days included), for apps and pages. */
export async function memberScheduleDays(deps: Deps, memberId: string, departmentId: string, from: string, to: string) {
  const department = await departmentRow(deps, departmentId);
  const ctx = await feedContext(deps, department, from, to);
  return memberDays(ctx, memberId);
}
