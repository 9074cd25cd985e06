import type { PatternIssue, Slot } from './types.ts';
import { parseTimeOfDay } from '../calendar/index.ts';

/** Checks a day's slots: well-formed 'HH:MM', each starting before it ends, sorted and non-overlapping. */
export function validateSlots(slots: unknown, path: string): PatternIssue[] {
  if (!Array.isArray(slots) || slots.length === 0) {
    return [
      { code: 'invalid-slot', path, reason: 'slots must be a non-empty list of {start, end}' },
    ];
  }
  const out: PatternIssue[] = [];
  const parsed: ({ start: number; end: number } | undefined)[] = slots.map(
    (raw: Partial<Slot> | undefined, i) => {
      const start = typeof raw?.start === 'string' ? parseTimeOfDay(raw.start) : undefined;
      const end = typeof raw?.end === 'string' ? parseTimeOfDay(raw.end) : undefined;
      if (start === undefined)
        out.push({
          code: 'invalid-slot',
          path: `${path}/${i}/start`,
          reason: `slot ${i + 1} start must be a time of day HH:MM`,
          slots: [i],
        });
      if (end === undefined)
        out.push({
          code: 'invalid-slot',
          path: `${path}/${i}/end`,
          reason: `slot ${i + 1} end must be a time of day HH:MM`,
          slots: [i],
        });
      if (start === undefined || end === undefined) return undefined;
      if (start >= end) {
        out.push({
          code: 'invalid-slot',
          path: `${path}/${i}/end`,
          reason: `slot ${i + 1} must end (${raw!.end}) after it starts (${raw!.start})`,
          slots: [i],
        });
        return undefined;
      }
      return { start, end };
    },
  );
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1];
    const cur = parsed[i];
    if (!prev || !cur || cur.start >= prev.end) continue;
    const a = slots[i - 1] as Slot;
    const b = slots[i] as Slot;
    const reason =
      cur.start < prev.start
        ? `slots must be sorted by start: slot ${i + 1} (${b.start}–${b.end}) starts before slot ${i} (${a.start}–${a.end})`
        : `slot ${i + 1} (${b.start}–${b.end}) overlaps slot ${i} (${a.start}–${a.end})`;
    out.push({ code: 'overlapping-slots', path: `${path}/${i}`, reason, slots: [i - 1, i] });
  }
  return out;
}
