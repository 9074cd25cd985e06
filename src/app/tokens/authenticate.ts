import { findLiveTokenByHash } from '../../db/repos/tokens.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { hashSecret } from '../secrets.ts';
import { ENV_ADMIN_ACTOR } from './actors.ts';

/** Who holds this bearer secret, or null when nobody (unknown or revoked). */
export async function authenticate(deps: Deps, bearer: string): Promise<Actor | null> {
  const hash = await hashSecret(bearer);
  if (deps.adminToken && hash === (await hashSecret(deps.adminToken))) return ENV_ADMIN_ACTOR;
  const found = await findLiveTokenByHash(deps.db, hash);
  // A staff token ends with its member: deactivating someone who left ends their access.
  if (!found || (found.role === 'staff' && found.memberActive !== true)) return null;
  return {
    tokenId: found.id,
    role: found.role,
    departmentId: found.departmentId,
    memberId: found.memberId,
  };
}
