/**
 * Our own byte-level checks of an iCalendar text (FEEDS.md items 3, 6, 8, 11–13): no parser
 * catches all of these. Returns the problems found (empty = clean).
 */
export function lintIcs(text: string): string[] {
  const problems: string[] = [];
  if (text.startsWith('\uFEFF')) problems.push('starts with a BOM');
  if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/[^\r]\n/.test(text) || /\r(?!\n)/.test(text))
    problems.push('has a line end that is not CRLF');
  const physical = text.split('\r\n').slice(0, -1);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = new TextEncoder();
  physical.forEach((line, i) => {
    const b = bytes.encode(line);
    if (b.length > 75) problems.push(`line ${i + 1} is ${b.length} octets (> 75)`);
    try {
      decoder.decode(b);
    } catch {
      problems.push(`line ${i + 1} splits a UTF-8 character`);
    }
    if (/\uFFFD/.test(line))
      problems.push(`line ${i + 1} holds a replacement character (a split UTF-8 sequence)`);
  });
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
  for (const prop of [
    'VERSION',
    'PRODID',
    'CALSCALE',
    'X-WR-CALNAME',
    'NAME',
    'X-WR-TIMEZONE',
    'REFRESH-INTERVAL',
    'X-PUBLISHED-TTL',
  ]) {
    const n = count(new RegExp(`^${prop}[;:]`));
    if (n !== 1) problems.push(`${prop} appears ${n} times (once expected)`);
  }
  if (count(/^METHOD[;:]/) && !count(/^ORGANIZER[;:]/)) problems.push('METHOD without ORGANIZER');
  for (const l of lines.filter((x) => /^(DTSTAMP|LAST-MODIFIED)[;:]/.test(x)))
    if (!/:\d{8}T\d{6}Z$/.test(l)) problems.push(`not UTC: ${l}`);
  const zones = new Set(lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice(5)));
  for (const l of lines.filter((x) => /^(DTSTART|DTEND)[;:]/.test(x))) {
    const tzid = /;TZID=([^:;]+)/.exec(l)?.[1];
    if (tzid && !zones.has(tzid)) problems.push(`no VTIMEZONE for ${tzid}`);
    if (!tzid && !/VALUE=DATE:/.test(l) && !/Z$/.test(l) && !/^DTSTART:19700101T000000$/.test(l))
      problems.push(`floating time: ${l}`);
  }
  // All-day events: DTSTART and DTEND both VALUE=DATE, DTEND the next day.
  const events = text
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT')
    .slice(1);
  const uids = new Set<string>();
  for (const ev of events) {
    const uid = /\r\nUID:([^\r]*)/.exec(ev)?.[1] ?? '';
    if (uids.has(uid)) problems.push(`duplicate UID ${uid}`);
    uids.add(uid);
    const s = /\r\nDTSTART;VALUE=DATE:(\d{8})/.exec(ev)?.[1];
    const e = /\r\nDTEND;VALUE=DATE:(\d{8})/.exec(ev)?.[1];
    if (Boolean(s) !== Boolean(e)) problems.push(`${uid}: all-day start without all-day end`);
    if (s && e) {
      const next = new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8) + 1))
        .toISOString()
        .slice(0, 10)
        .replace(/-/g, '');
      if (e !== next) problems.push(`${uid}: DTEND ${e} is not the day after ${s}`);
    }
  }
  if (!/BEGIN:(VEVENT|VTIMEZONE)/.test(text)) problems.push('no component at all');
  return problems;
}

/** The unfolded content lines of an iCalendar text. */
export const unfold = (text: string): string[] =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);

/** Each event's properties by name (first occurrence), unfolded. */
export function eventsOf(text: string): Record<string, string>[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((ev) => {
      const props: Record<string, string> = {};
      for (const line of ev.split('\r\n')) {
        if (line.startsWith('END:VEVENT')) break;
        const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
        if (m && !(m[1]! in props)) props[m[1]!] = m[2] ? `${m[2]}:${m[3]}` : m[3]!;
      }
      return props;
    });
}
