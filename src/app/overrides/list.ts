import { rotationOverrides } from '../../db/repos/overrides.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import type { Failure } from '../failure.ts';
import { loadRotation } from '../rotations/index.ts';
import { overrideView, type OverrideView } from './view.ts';

/** A rotation's overrides, oldest first (undone ones too, with when), for whoever may read the rotation. */
export async function listOverrides(
  deps: Deps,
  actor: Actor,
  rotationId: string,
): Promise<Result<{ overrides: OverrideView[] }, Failure>> {
  const loaded = await loadRotation(deps, actor, rotationId);
  if (!loaded.ok) return loaded;
  const all = await rotationOverrides(deps.db, rotationId);
  return ok({ overrides: all.map(overrideView) });
}
