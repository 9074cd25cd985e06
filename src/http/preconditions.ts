import type { AppContext } from '../contract/env.ts';
import { ProblemError } from './problem.ts';

/** What a version belongs to, as the problems name it. */
type Versioned = 'rotation' | 'roster';
const OF: Record<Versioned, string> = {
  rotation: "the rotation's ETag (its version)",
  roster: "the roster's version (the ETag of GET /v1/departments/{id}/members)",
};

/** The version an edit is based on, from If-Match (`"3"`, `W/"3"` or `3`), if sent. */
export function optionalIfMatch(c: AppContext, of: Versioned = 'rotation'): number | undefined {
  const raw = c.req.header('if-match');
  if (raw === undefined || raw.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m)
    throw new ProblemError(412, 'stale-version', `If-Match ${raw} is not a version of this ${of}.`);
  return Number(m[1]);
}

/** The version an edit is based on, from If-Match; 428 when missing. */
export function requireIfMatch(c: AppContext, of: Versioned = 'rotation'): number {
  const version = optionalIfMatch(c, of);
  if (version === undefined)
    throw new ProblemError(
      428,
      'if-match-required',
      `Send If-Match with ${OF[of]} so that concurrent edits are not lost.`,
    );
  return version;
}

/** A version as a strong ETag. */
export const etag = (version: number): string => `"${version}"`;
