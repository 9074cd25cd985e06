const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a strict 'HH:MM' wall-clock time (00:00–23:59), or undefined when malformed. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = HHMM.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight of a valid 'HH:MM'; throws on malformed input (callers validate first). */
export function minutesOf(text: string): number {
  const minutes = parseTimeOfDay(text);
  if (minutes === undefined) throw new RangeError(`"${text}" is not a time of day (HH:MM)`);
  return minutes;
}
