/** The value of an ASCII digit at `i`, or -1. */
const digit = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** Minutes after midnight of a strict 'HH:MM' wall-clock time (00:00–23:59), or undefined when malformed. */
export function parseTimeOfDay(text: string): number | undefined {
  // Read by hand, not by a regular expression: schedules, swaps and survivability ask this of the
  // same few times hundreds of thousands of times a request.
  if (typeof text !== 'string' || text.length !== 5 || text.charCodeAt(2) !== 58) return undefined;
  const [h1, h2, m1, m2] = [digit(text, 0), digit(text, 1), digit(text, 3), digit(text, 4)];
  if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return undefined;
  const h = h1 * 10 + h2;
  if (h > 23 || m1 > 5) return undefined;
  return h * 60 + m1 * 10 + m2;
}

/** Minutes after midnight of a valid 'HH:MM'; throws on malformed input (callers validate first). */
export function minutesOf(text: string): number {
  const minutes = parseTimeOfDay(text);
  if (minutes === undefined) throw new RangeError(`"${text}" is not a time of day (HH:MM)`);
  return minutes;
}

/** A wall-clock time as clocks in Japan write it, without the hour's leading zero: 8:30, 18:00. */
export const clockText = (hhmm: string): string => hhmm.replace(/^0(?=\d:)/, '');
