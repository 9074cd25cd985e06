import { countPeople } from '../../db/repos/people.ts';
import type { Deps } from '../deps.ts';
import { SYSTEM_ACTOR } from '../tokens/index.ts';
import { invite, type InvitationIssued } from './invite.ts';

/**
 * On an organisation with nobody in it yet, invites the first admin: the one-time link the
 * operator opens to register a passkey (BUNSAN_ADMIN_EMAIL names them; admin@localhost else).
 */
export async function inviteFirstAdmin(
  deps: Deps,
  email = 'admin@localhost',
): Promise<InvitationIssued | null> {
  if ((await countPeople(deps.db)) > 0) return null;
  const issued = await invite(deps, SYSTEM_ACTOR, { email, name: '管理者', role: 'admin' });
  return issued.ok ? issued.value : null;
}
