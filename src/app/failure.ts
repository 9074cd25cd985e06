import { dateRangeIssue, isIsoDate } from '../domain/calendar/index.ts';
import { problem, type ProblemParams } from '../domain/problems/index.ts';

/** One offending field: a JSON Pointer into the request body (or query), and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
  /** For CSV uploads: the line of the file (the header is line 1). */
  line?: number;
  /** The unmet rule, a code of src/domain/problems/ (the split's own codes too). */
  code: string;
  /**
   * The values the code's message speaks of (dates, counts, team labels, limits): pages and notices
   * render `issue.<code>` from templates/ with them, in the department's language; `message` stays
   * the API's English for developers.
   */
  params?: ProblemParams;
  /** For a refused change of the schedule: the invariant it would break, the day, the team. */
  invariant?: string;
  date?: string;
  team?: string;
}

/**
 * What a failure as a whole is about, for the pages that show it (a refusal, a form's summary):
 * a code of src/domain/problems/ and its values; `detail` stays the API's English.
 */
export interface Coded {
  code?: string;
  params?: ProblemParams;
}

/** Expected failures of a use case, as values; the HTTP layer maps each kind to a status. */
export type Failure = Coded &
  (
    | { kind: 'not-found'; detail: string }
    | { kind: 'forbidden'; detail: string }
    | { kind: 'conflict'; detail: string; errors?: FieldError[] }
    | { kind: 'stale'; detail: string }
    | { kind: 'invalid'; detail: string; errors: FieldError[] }
  );

export const notFound = (detail: string): Failure => ({ kind: 'not-found', detail });
export const forbidden = (detail: string): Failure => ({ kind: 'forbidden', detail });
/** A change decided on a plan that another change altered meanwhile (nothing was written). */
export const planChanged = (): Failure =>
  conflict(
    "The department's plan changed while this was being decided (another quarantine, lift or move); nothing was written. Send the request again.",
    undefined,
    problem('plan-changed'),
  );

/** Quarantines and exposures: refused to chiefs and staff, whichever door they come through. */
export const hrOnly = (): Failure =>
  forbidden('Only HR and admin tokens may see or change quarantines and exposures.');
export const invalid = (detail: string, errors: FieldError[], about?: Coded): Failure => ({
  kind: 'invalid',
  detail,
  errors,
  ...about,
});
export const conflict = (detail: string, errors?: FieldError[], about?: Coded): Failure =>
  errors ? { kind: 'conflict', detail, errors, ...about } : { kind: 'conflict', detail, ...about };

/**
 * Each given value that is not a calendar date (YYYY-MM-DD, a real day), by its path. Use cases
 * check their own dates: the routes validate against the schemas, but other callers (the pages) may not.
 */
export function notDates(fields: Record<string, string | undefined>): FieldError[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && !isIsoDate(v))
    .map(([path]) => ({
      path,
      message: 'is not a calendar date (YYYY-MM-DD)',
      ...problem('invalid-date'),
    }));
}

/** The query's `?from` … `?to` refused when `to` is before `from` or more than `maxDaysAfter` days after it. */
export function queryRangeFailure(
  from: string,
  to: string,
  maxDaysAfter?: number,
): Failure | undefined {
  const issue = dateRangeIssue(from, to, maxDaysAfter);
  if (issue === 'empty')
    return invalid('The range is empty.', [
      { path: '?to', message: 'is before from', ...problem('end-before-start', { start: from }) },
    ]);
  if (issue === 'too-long')
    return invalid('The range is too long.', [
      {
        path: '?to',
        message: `at most ${maxDaysAfter} days after from`,
        ...problem('range-too-long', { days: maxDaysAfter ?? 0 }),
      },
    ]);
  return undefined;
}
