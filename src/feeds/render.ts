import ical, { escape, ICalEventBusyStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { addDays, steadyOffset } from '../domain/calendar/index.ts';
import type { FeedDay } from './feed-days.ts';

/** One event of a feed: the day, its stable UID, its stored SEQUENCE and change time. */
export interface FeedEvent {
  uid: string;
  day: FeedDay;
  sequence: number;
  /** ISO instant of the last change of this (subject, day). */
  updatedAt: string;
}

export interface CalendarInput {
  name: string;
  timezone: string;
  allDay: boolean;
  events: FeedEvent[];
}

const CRLF = '\r\n';
const END = 'END:VCALENDAR';

/** The calendar's own lines (ical-generator's, without events): the same for every feed. */
const FRAME = ical({
  prodId: { company: 'bunsan', product: 'feeds', language: 'EN' },
  scale: 'GREGORIAN',
  ttl: 3600,
}).toString();

/** The calendar the events of a render are written from (one render at a time: it is synchronous). */
const EVENTS = ical();

/**
 * A day's events with their UIDs: one per block (all-day feeds: one for the day). The first keeps
 * the day's UID (`<date>.<subject>`), a later block is named by its first slot
 * (`<date>.s<slot>.<subject>`): stable while the plan stands, and unique within the feed.
 */
export function dayEvents(
  day: FeedDay,
  subject: string,
  allDay: boolean,
): { uid: string; day: FeedDay }[] {
  const blocks = allDay ? day.blocks.slice(0, 1) : day.blocks;
  return blocks.map((b, i) => ({
    uid: i === 0 ? `${day.date}.${subject}` : `${day.date}.s${b.slot}.${subject}`,
    // The day itself when the block is its hours (most days): a copy per event cost more than its text.
    day: b.start === day.start && b.end === day.end ? day : { ...day, start: b.start, end: b.end },
  }));
}

const vtimezones = new Map<string, string | null>();

/**
 * The VTIMEZONE of a zone, from timezones-ical-library (the same bytes on every machine), kept once
 * a zone: the library builds it anew on every call.
 */
function vtimezone(zone: string): string | null {
  let tz = vtimezones.get(zone);
  if (tz === undefined) {
    const block = tzlib_get_ical_block(zone);
    tz = Array.isArray(block) && block[0] ? block[0] : null;
    if (vtimezones.size < 1000) vtimezones.set(zone, tz);
  }
  return tz;
}

/**
 * ical-generator's line folding, byte for byte (a line of 75 octets or more goes on after CRLF and
 * a space, never inside a character), without its TextEncoder per character, which took most of a
 * feed's render: a line of ASCII shorter than 75 is kept as it is, and only the others are counted.
 */
export function foldLines(text: string): string {
  let out = '';
  let kept = 0;
  let nextWide = -1;
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf(CRLF, from);
    if (to < 0) to = text.length;
    if (nextWide < from) {
      WIDE.lastIndex = from;
      nextWide = WIDE.exec(text)?.index ?? text.length;
    }
    if (to - from >= 75 || nextWide < to) {
      const folded = foldLine(text, from, to);
      if (folded !== undefined) {
        out += text.slice(kept, from) + folded;
        kept = to;
      }
    }
    from = to + CRLF.length;
  }
  return kept ? out + text.slice(kept) : text;
}

const WIDE = /[^\x00-\x7f]/g;

/** One line folded, or undefined when it fits. */
function foldLine(text: string, from: number, to: number): string | undefined {
  let out = '';
  let piece = from;
  let octets = 0;
  for (let i = from; i < to; i++) {
    const start = i;
    const c = text.charCodeAt(i);
    let size: number;
    if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A high surrogate is taken with the unit after it, as ical-generator does.
      const next = i + 1 < to ? text.charCodeAt(++i) : -1;
      size = next < 0 ? 3 : next >= 0xdc00 && next <= 0xdfff ? 4 : 3 + utf8Size(next);
    } else size = 3;
    octets += size;
    if (octets > 74) {
      out += `${text.slice(piece, start)}${CRLF} `;
      piece = start;
      octets = size;
    }
  }
  return piece === from ? undefined : out + text.slice(piece, to);
}

/** UTF-8 octets of one UTF-16 unit on its own (a lone surrogate is written as U+FFFD). */
const utf8Size = (c: number) => (c < 0x80 ? 1 : c < 0x800 ? 2 : 3);

/**
 * A wall-clock time in the event's zone in the shape ical-generator formats (its luxon stub):
 * the date and time are written as they are, with no zone arithmetic per event. Used only on days
 * the zone keeps one offset through; the instant is the wall time less that offset.
 */
class WallClock {
  readonly isValid = true;
  readonly zone = { type: 'iana' };
  private constructor(
    private readonly zoneName: string,
    private readonly ymd: string,
    private readonly hms: string,
    private readonly instant: number,
    private readonly offsetMinutes: number,
  ) {}
  /** `hhmm` on the day `day` (its date's digits and 00:00 as if UTC) in `zone`, which keeps `offsetMinutes` through it. */
  static at(
    zone: string,
    day: { ymd: string; ms: number },
    hhmm: string,
    offsetMinutes: number,
  ): WallClock {
    const minutes = +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5) - offsetMinutes;
    const hms = `${hhmm.slice(0, 2)}${hhmm.slice(3, 5)}00`;
    return new WallClock(zone, day.ymd, hms, day.ms + minutes * 60_000, offsetMinutes);
  }
  /** An ISO instant, as UTC. */
  static utc(iso: string): WallClock {
    const at = new Date(iso);
    const [ymd, hms] = at.toISOString().replace(/[-:]/g, '').split(/[T.]/) as [string, string];
    return new WallClock('UTC', ymd, hms, at.getTime(), 0);
  }
  setZone(zone?: string): WallClock | DateTime {
    return zone === this.zoneName || (this.offsetMinutes === 0 && zone?.toUpperCase() === 'UTC')
      ? this
      : DateTime.fromMillis(this.instant, { zone: zone ?? 'UTC' });
  }
  toFormat(fmt: string): string {
    if (fmt === 'yyyyLLdd') return this.ymd;
    if (fmt === 'HHmmss') return this.hms;
    return DateTime.fromMillis(this.instant, { zone: this.zoneName }).toFormat(fmt);
  }
  toJSDate(): Date {
    return new Date(this.instant);
  }
  toJSON(): string {
    return this.toJSDate().toISOString();
  }
}

/** A time of a day in a zone: a wall-clock value on a steady day, else luxon resolves it (DST). */
function timeOf(
  zone: string,
  date: string,
  day: { ymd: string; ms: number },
  hhmm: string,
  offset: number | undefined,
) {
  return offset === undefined
    ? DateTime.fromISO(`${date}T${hhmm}`, { zone })
    : WallClock.at(zone, day, hhmm, offset);
}

/**
 * Event texts ical-generator has written, by what the event is (the day, its hours and words),
 * for the feeds rendered from the same days: a team's members share their days, and after a
 * change every one of their feeds is rendered again. What differs between them — the UID, the
 * SEQUENCE, DTSTAMP and LAST-MODIFIED — is put into the text where ical-generator wrote it; a text
 * is kept only when each of those lines was found once, as it is written here. Bounded: past
 * `limit` kinds of event, events are written afresh.
 */
export class EventTexts {
  private readonly texts = new Map<string, Map<string, Template>>();
  private size = 0;
  /** How many event texts were taken rather than written (for the benches and tests). */
  taken = 0;
  constructor(private readonly limit = 5_000) {}

  /** The event's text if one like it was written, with its own UID, SEQUENCE and stamps. */
  get(input: CalendarInput, e: FeedEvent): string | undefined {
    const t = this.textsOf(input).get(dayKey(e.day));
    if (!t) return undefined;
    this.taken++;
    let out = t.parts[0]!;
    for (let i = 0; i < t.slots.length; i++) out += this.value(t.slots[i]!, e) + t.parts[i + 1]!;
    return out;
  }

  /** Keeps an event's text, as written for `e`, for the events like it. */
  set(input: CalendarInput, e: FeedEvent, text: string): void {
    const texts = this.textsOf(input);
    const key = dayKey(e.day);
    if (this.size >= this.limit || texts.has(key)) return;
    const found: { at: number; end: number; slot: Slot }[] = [];
    for (const [name, slot] of SLOT_LINES) {
      const value = this.value(slot, e);
      const line = `${CRLF}${name}:${value}${CRLF}`;
      const at = text.indexOf(line);
      if (at < 0 || text.indexOf(line, at + 1) >= 0) return;
      const start = at + CRLF.length + name.length + 1;
      found.push({ at: start, end: start + value.length, slot });
    }
    found.sort((x, y) => x.at - y.at);
    const parts: string[] = [];
    let from = 0;
    for (const f of found) {
      parts.push(text.slice(from, f.at));
      from = f.end;
    }
    parts.push(text.slice(from));
    texts.set(key, { parts, slots: found.map((f) => f.slot) });
    this.size++;
  }

  private readonly stamps = new Map<string, string>();
  private last: { input: CalendarInput; texts: Map<string, Template> } | undefined;

  /** The texts for a render's zone and all-day setting (looked up once a render). */
  private textsOf(input: CalendarInput): Map<string, Template> {
    if (this.last?.input === input) return this.last.texts;
    const key = `${input.timezone}|${input.allDay}`;
    let texts = this.texts.get(key);
    if (!texts) this.texts.set(key, (texts = new Map()));
    this.last = { input, texts };
    return texts;
  }

  /** An event's own value as ical-generator writes it: the UID as it is, the stamp in UTC. */
  private value(slot: Slot, e: FeedEvent): string {
    if (slot === 'uid') return e.uid;
    if (slot === 'sequence') return String(e.sequence);
    let text = this.stamps.get(e.updatedAt);
    if (text === undefined) {
      const at = WallClock.utc(e.updatedAt);
      text = `${at.toFormat('yyyyLLdd')}T${at.toFormat('HHmmss')}Z`;
      if (this.stamps.size < this.limit) this.stamps.set(e.updatedAt, text);
    }
    return text;
  }
}

type Slot = 'uid' | 'sequence' | 'stamp';
/** An event's text around the places of its own values. */
type Template = { parts: string[]; slots: Slot[] };
const SLOT_LINES: [string, Slot][] = [
  ['UID', 'uid'],
  ['SEQUENCE', 'sequence'],
  ['DTSTAMP', 'stamp'],
  ['LAST-MODIFIED', 'stamp'],
];

/**
 * What a day's event text is made of besides its UID, SEQUENCE and stamps (the zone and all-day
 * are the render's), kept per day: a context's days are shared by the feeds rendered from it.
 */
const dayKeys = new WeakMap<FeedDay, string>();
const dayKey = (d: FeedDay): string => {
  let key = dayKeys.get(d);
  if (key === undefined)
    dayKeys.set(
      d,
      (key = `${d.date}|${d.start}|${d.end}|${d.transparent}|${d.summary}|${d.description || ''}`),
    );
  return key;
};

/**
 * The events' text, unfolded. One ical-generator event is set anew for each day: what its
 * constructor does (a random UUID, two dates, the checks of every option) cost as much as writing
 * it. A property is set only when it changes. With `texts`, an event like one written before (by
 * this feed or another) is taken from there.
 */
function eventsText(input: CalendarInput, texts?: EventTexts): { text: string; zoned: boolean } {
  const zone = input.timezone;
  const event = EVENTS.createEvent({
    start: new Date(0), // set for each day below
    allDay: input.allDay,
    timezone: input.allDay ? null : zone,
  });
  try {
    const stamps = new Map<string, WallClock>();
    const body: string[] = [];
    let sequence: number | undefined;
    let stamp: WallClock | undefined;
    let summary: string | undefined;
    let description: string | null | undefined;
    let transparent: boolean | undefined;
    for (const e of input.events) {
      const known = texts?.get(input, e);
      if (known) {
        body.push(known);
        continue;
      }
      const d = e.day;
      let at = stamps.get(e.updatedAt);
      if (!at) stamps.set(e.updatedAt, (at = WallClock.utc(e.updatedAt)));
      event.id(e.uid);
      if (e.sequence !== sequence) event.sequence((sequence = e.sequence));
      if (at !== stamp) event.stamp((stamp = at)).lastModified(at);
      if (d.summary !== summary) event.summary((summary = d.summary));
      if ((d.description || null) !== description)
        event.description((description = d.description || null));
      if (d.transparent !== transparent) {
        transparent = d.transparent;
        event.transparency(
          transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
        );
        // Outlook ignores TRANSP and blocks every day unless told in its own property.
        event.busystatus(transparent ? ICalEventBusyStatus.FREE : ICalEventBusyStatus.BUSY);
      }
      // ical-generator compares start and end only when it writes (its setters just store).
      if (input.allDay) {
        // A date alone is formatted from its UTC fields: the day itself.
        event.start(d.date).end(addDays(d.date, 1));
      } else {
        const offset = steadyOffset(zone, d.date);
        const y = d.date.slice(0, 4);
        const m = d.date.slice(5, 7);
        const dd = d.date.slice(8, 10);
        const day = { ymd: y + m + dd, ms: Date.UTC(+y, +m - 1, +dd) };
        event
          .start(timeOf(zone, d.date, day, d.start, offset))
          .end(timeOf(zone, d.date, day, d.end, offset));
      }
      const text = event.toString();
      texts?.set(input, e, text);
      body.push(text);
    }
    // ical-generator writes a VTIMEZONE when an event uses the zone (never for UTC).
    return { text: body.join(''), zoned: input.events.length > 0 && event.timezone() !== null };
  } finally {
    EVENTS.clear();
  }
}

/**
 * The iCalendar text of a feed: ical-generator for the calendar and its events, then what it gets
 * wrong for calendar clients (FEEDS.md): an escaped NAME (it writes NAME raw), a CRLF after
 * END:VCALENDAR. Times are the department's wall clock, so the server's TZ never matters.
 *
 * The calendar is rendered without its events and each event on its own, joined where
 * ical-generator puts them (after the TTL, before the X- properties) and folded here: its own
 * toString folds the whole text with a TextEncoder per character.
 */
export function renderCalendar(input: CalendarInput, texts?: EventTexts): string {
  // The calendar's own lines are the same for every feed, the X-WR-* after the events as
  // ical-generator writes its x() (escaped); the zone per event, never as a calendar-level name,
  // which would make ical-generator write DTSTAMP without its Z.
  let head = FRAME.slice(0, FRAME.length - END.length);
  let tail =
    foldLines(
      `X-WR-CALNAME:${escape(input.name, false)}${CRLF}` +
        `X-WR-TIMEZONE:${escape(input.timezone, false)}${CRLF}`,
    ) + END;

  const { text: events, zoned } = eventsText(input, texts);

  // ical-generator writes a VTIMEZONE only when an event uses the zone (not for UTC); an empty or
  // all-day feed still needs one component, at the end.
  const tz = vtimezone(input.timezone);
  if (zoned) {
    if (tz) {
      const at = head.indexOf(`${CRLF}REFRESH-INTERVAL`) + CRLF.length;
      const block = `${tz.replace(/\r\n/g, '\n').replace(/\n/g, CRLF).trim()}${CRLF}`;
      head = head.slice(0, at) + foldLines(block) + head.slice(at);
    }
  } else if (tz && (!input.events.length || input.allDay)) {
    tail = tail.replace(
      `${CRLF}END:VCALENDAR`,
      `${CRLF}${tz.replace(/\r?\n/g, CRLF)}${CRLF}END:VCALENDAR`,
    );
  }
  const name = foldLines(`NAME:${escape(input.name, false)}`);
  head = head.replace(/(PRODID:[^\r\n]*\r\n)/, `$1${name}${CRLF}`);
  return head + foldLines(events) + tail + CRLF;
}
