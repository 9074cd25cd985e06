import type { Failure } from '../app/failure.ts';
import type { Result } from '../domain/result.ts';
import { problemOf } from './problem.ts';

/** The value of a use case's result, or its failure thrown as the matching problem. */
export function unwrap<T>(r: Result<T, Failure>): T {
  if (!r.ok) throw problemOf(r.error);
  return r.value;
}
