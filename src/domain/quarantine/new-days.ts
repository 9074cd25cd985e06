import { addDays, maxDate, minDate } from '../calendar/index.ts';
import type { IsoDate } from '../types.ts';
import { effectiveEnd } from './standby.ts';
import type { Quarantine } from './record.ts';

/** Someone a request keeps home over [start, end]. */
export interface Stay {
  subject: 'team' | 'member';
  teamId: string | null;
  memberId: string | null;
  start: IsoDate;
  end: IsoDate;
}

/**
 * The parts of `stay` that no quarantine of the same team (or person) already covers: the same
 * window again is nothing new, a longer one only its extra days. A quarantine covers from its
 * start to its effective end (a lift ends it the day before).
 */
export function newDays(stay: Stay, existing: readonly Quarantine[]): Stay[] {
  const covering = existing
    .filter(
      (q) =>
        q.subject === stay.subject &&
        (stay.subject === 'team' ? q.teamId === stay.teamId : q.memberId === stay.memberId),
    )
    .map((q) => ({ from: q.startDate, to: effectiveEnd(q) }))
    .filter((w) => w.from <= w.to && w.to >= stay.start && w.from <= stay.end)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const parts: Stay[] = [];
  let from = stay.start;
  for (const w of covering) {
    if (w.from > from)
      parts.push({ ...stay, start: from, end: minDate(addDays(w.from, -1), stay.end) });
    from = maxDate(from, addDays(w.to, 1));
    if (from > stay.end) return parts;
  }
  return from <= stay.end ? [...parts, { ...stay, start: from }] : parts;
}

/** The quarantine of the same subject that covers the first day of `stay`, if one does. */
export function coveringQuarantine<Q extends Quarantine>(
  stay: Stay,
  existing: readonly Q[],
): Q | undefined {
  return existing.find(
    (q) =>
      q.subject === stay.subject &&
      (stay.subject === 'team' ? q.teamId === stay.teamId : q.memberId === stay.memberId) &&
      q.startDate <= stay.start &&
      effectiveEnd(q) >= stay.start,
  );
}
