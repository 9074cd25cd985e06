import { problem, type ProblemParams } from '../domain/problems/index.ts';
import { DateTime } from 'luxon';
import { isIsoDate, SUPPORTED_DATES } from '../domain/calendar/index.ts';
import type { AppContext } from '../contract/env.ts';
import { ProblemError } from './problem.ts';

const bad = (name: string, message: string, about: { code: string; params: ProblemParams }) =>
  new ProblemError(400, 'invalid-query', `The query parameter ${name} is not valid.`, [
    { path: `?${name}`, message, ...about },
  ]);

/** An optional boolean query parameter (`true` / `false`). */
export function queryBoolean(c: AppContext, name: string): boolean | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw bad(name, 'must be true or false', problem('not-boolean'));
}

/** An optional instant: a date (its start, UTC) or an ISO date-time with offset; as ISO UTC. */
export function queryInstant(c: AppContext, name: string): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  const dt = DateTime.fromISO(v, { zone: 'UTC', setZone: true });
  if (!dt.isValid)
    throw bad(
      name,
      'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
      problem('invalid-datetime'),
    );
  return dt.toUTC().toISO()!;
}

/** An optional positive integer ≤ max, else the default. */
export function queryLimit(c: AppContext, name: string, fallback: number, max: number): number {
  const v = c.req.query(name);
  if (v === undefined || v === '') return fallback;
  if (!/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > max)
    throw bad(name, `must be an integer from 1 to ${max}`, problem('count-out-of-range', { max }));
  return Number(v);
}

/** An optional calendar date (YYYY-MM-DD). */
export function queryDate(c: AppContext, name: string): string | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!isIsoDate(v))
    throw bad(
      name,
      `must be a calendar date (YYYY-MM-DD) from ${SUPPORTED_DATES.from} to ${SUPPORTED_DATES.to}`,
      problem('date-out-of-range', SUPPORTED_DATES),
    );
  return v;
}
