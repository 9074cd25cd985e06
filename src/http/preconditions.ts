import type { AppContext } from '../contract/env.ts';
import { ProblemError } from './problem.ts';

/** The version an edit is based on, from If-Match (`"3"`, `W/"3"` or `3`); 428 when missing. */
export function requireIfMatch(c: AppContext): number {
  const raw = c.req.header('if-match');
  if (raw === undefined || raw.trim() === '') {
    throw new ProblemError(
      428,
      'if-match-required',
      "Send If-Match with the rotation's ETag (its version) so that concurrent edits are not lost.",
    );
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m)
    throw new ProblemError(
      412,
      'stale-version',
      `If-Match ${raw} is not a version of this rotation.`,
    );
  return Number(m[1]);
}
