import type { FeedContext } from '../../feeds/feed-days.ts';
import { EventTexts } from '../../feeds/render.ts';

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

/** A department's feed context and the event texts its feeds share. */
export interface SharedContext {
  ctx: FeedContext;
  texts: EventTexts;
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
  /**
   * Departments' feed contexts with the event texts written from them, by department, data version
   * and window: after a change every member's calendar asks again, and each of those feeds is
   * rendered from one read of the rotations instead of its own.
   */
  private readonly contexts = new Map<string, SharedContext>();
  constructor(
    private readonly capacity = 5000,
    private readonly contextCapacity = 8,
  ) {}

  /** The context for `key` (department, data version, window), read by `read` when not kept. */
  async context(key: string, read: () => Promise<FeedContext>): Promise<SharedContext> {
    const kept = this.contexts.get(key);
    if (kept) return kept;
    const made = { ctx: await read(), texts: new EventTexts() };
    if (this.contexts.size >= this.contextCapacity)
      this.contexts.delete(this.contexts.keys().next().value!);
    this.contexts.set(key, made);
    return made;
  }

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
