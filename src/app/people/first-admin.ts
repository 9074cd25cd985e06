import { exclusively } from '../../db/exclusive.ts';
import { countPeople } from '../../db/repos/people.ts';
import type { Deps } from '../deps.ts';
import { SYSTEM_ACTOR } from '../tokens/index.ts';
import { invite, type InvitationIssued } from './invite.ts';

/**
 * On an organisation with nobody in it yet, invites the first admin: the one-time link the
 * operator opens to register a passkey. BUNSAN_ADMIN_EMAIL names them, and the link is e-mailed
 * there too; without it the person is admin@localhost and only the printed link exists.
 * Instances starting together on one database take turns, so only one invites.
 */
export async function inviteFirstAdmin(
  deps: Deps,
  email?: string,
): Promise<InvitationIssued | null> {
  const run = await exclusively(
    deps.db,
    'first-admin-invitation',
    async () => {
      if ((await countPeople(deps.db)) > 0) return null;
      const issued = await invite(
        deps,
        SYSTEM_ACTOR,
        { email: email ?? 'admin@localhost', name: '管理者', role: 'admin' },
        { email: email !== undefined },
      );
      return issued.ok ? issued.value : null;
    },
    { wait: true },
  );
  return run.ran ? run.value : null;
}
