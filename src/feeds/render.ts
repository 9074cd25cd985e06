import ical, { escape, foldLines, ICalEventTransparency } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
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
    day: { ...day, start: b.start, end: b.end },
  }));
}

/** The VTIMEZONE of a zone, from timezones-ical-library (the same bytes on every machine). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });

/**
 * The iCalendar text of a feed: ical-generator for the structure, then what it gets wrong for
 * calendar clients (FEEDS.md): an escaped NAME (it writes NAME raw), a CRLF after END:VCALENDAR.
 * Times are luxon DateTimes in the department's zone, so the server's TZ never matters.
 */
export function renderCalendar(input: CalendarInput): string {
  const cal = ical({
    prodId: { company: 'bunsan', product: 'feeds', language: 'EN' },
    scale: 'GREGORIAN',
    ttl: 3600,
    // X-WR-* through x() (which escapes); the zone per event, never as a calendar-level name,
    // which would make ical-generator write DTSTAMP without its Z.
    x: [
      ['X-WR-CALNAME', input.name],
      ['X-WR-TIMEZONE', input.timezone],
    ],
  });
  cal.timezone({ name: null, generator: vtimezone });
  for (const e of input.events) {
    const d = e.day;
    const stamp = utc(e.updatedAt);
    const common = {
      id: e.uid,
      sequence: e.sequence,
      stamp,
      lastModified: stamp,
      summary: d.summary,
      ...(d.description ? { description: d.description } : {}),
      transparency: d.transparent
        ? ICalEventTransparency.TRANSPARENT
        : ICalEventTransparency.OPAQUE,
      // Outlook ignores TRANSP and blocks every day unless told in its own property.
      x: [['X-MICROSOFT-CDO-BUSYSTATUS', d.transparent ? 'FREE' : 'BUSY']] as [string, string][],
    };
    if (input.allDay) {
      const day = DateTime.fromISO(d.date, { zone: 'UTC' });
      cal.createEvent({ ...common, allDay: true, start: day, end: day.plus({ days: 1 }) });
    } else {
      const at = (hhmm: string) => DateTime.fromISO(`${d.date}T${hhmm}`, { zone: input.timezone });
      cal.createEvent({ ...common, timezone: input.timezone, start: at(d.start), end: at(d.end) });
    }
  }
  // ical-generator only emits VTIMEZONE when an event uses the zone; an empty feed still needs one component.
  let text = cal.toString();
  if (!input.events.length || input.allDay) {
    const tz = vtimezone(input.timezone);
    if (tz && !text.includes('BEGIN:VTIMEZONE'))
      text = text.replace(
        `${CRLF}END:VCALENDAR`,
        `${CRLF}${tz.replace(/\r?\n/g, CRLF)}${CRLF}END:VCALENDAR`,
      );
  }
  const name = foldLines(`NAME:${escape(input.name, false)}`);
  return text.replace(/(PRODID:[^\r\n]*\r\n)/, `$1${name}${CRLF}`) + CRLF;
}
