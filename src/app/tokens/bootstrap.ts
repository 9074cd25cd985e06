import { countTokens } from '../../db/repos/tokens.ts';
import type { Deps } from '../deps.ts';
import { SYSTEM_ACTOR } from './actors.ts';
import { issueToken, type IssuedToken } from './issue.ts';

/** On an empty database, issues the first admin token so an operator can begin. */
export async function bootstrapAdminToken(deps: Deps): Promise<IssuedToken | null> {
  if ((await countTokens(deps.db)) > 0) return null;
  const issued = await issueToken(deps, SYSTEM_ACTOR, {
    role: 'admin',
    label: 'first admin (created at start-up)',
  });
  return issued.ok ? issued.value : null;
}
