import { err, ok, type Result } from '../../domain/result.ts';
import type { Failure } from '../failure.ts';
import type { RotationSnapshot } from './snapshot.ts';

/** A stale If-Match: the rotation changed since the client read it. */
export const staleVersion = (): Failure => ({
  kind: 'stale',
  detail:
    'The rotation changed since you read it (If-Match does not match its version); reload it and try again.',
});

/** Checks an If-Match against the snapshot's version. */
export function versionMatches(snap: RotationSnapshot, ifMatch: number): Result<true, Failure> {
  return snap.rotation.version === ifMatch ? ok(true) : err(staleVersion());
}
