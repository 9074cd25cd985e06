import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { loadRotation, type RotationSnapshot } from './snapshot.ts';

/** A stale If-Match: the rotation changed since the client read it. */
export const staleVersion = (): Failure => ({
  kind: 'stale',
  ...problem('stale'),
  detail:
    'The rotation changed since you read it (If-Match does not match its version); reload it and try again.',
});

/** Checks an If-Match against the snapshot's version. */
export function versionMatches(snap: RotationSnapshot, ifMatch: number): Result<true, Failure> {
  return snap.rotation.version === ifMatch ? ok(true) : err(staleVersion());
}

/** Loads a rotation for an edit based on version `ifMatch`: refused when it has changed since. */
export async function loadRotationAt(
  deps: Deps,
  actor: Actor,
  id: string,
  ifMatch: number,
): Promise<Result<RotationSnapshot, Failure>> {
  const loaded = await loadRotation(deps, actor, id);
  if (!loaded.ok) return loaded;
  const v = versionMatches(loaded.value, ifMatch);
  return v.ok ? loaded : v;
}
