import { exclusively } from '../../db/exclusive.ts';
import { countTokens } from '../../db/repos/tokens.ts';
import type { Deps } from '../deps.ts';
import { SYSTEM_ACTOR } from './actors.ts';
import { issueToken, type IssuedToken } from './issue.ts';

/**
 * On an empty database, issues the first admin token so an operator can begin. Instances starting
 * together on one database take turns (an advisory lock on PostgreSQL), so only one issues it.
 */
export async function bootstrapAdminToken(deps: Deps): Promise<IssuedToken | null> {
  const run = await exclusively(
    deps.db,
    'first-admin-token',
    async () => {
      if ((await countTokens(deps.db)) > 0) return null;
      const issued = await issueToken(deps, SYSTEM_ACTOR, {
        role: 'admin',
        label: 'first admin (created at start-up)',
      });
      return issued.ok ? issued.value : null;
    },
    { wait: true },
  );
  return run.ran ? run.value : null;
}
