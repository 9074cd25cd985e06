import { err, ok, type Result } from '../../domain/result.ts';
import { findToken, revokeTokenQuery } from '../../db/repos/tokens.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import { tokenView, type TokenView } from './view.ts';

/** Revokes a token: requests with it are refused from now on. */
export async function revokeToken(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<TokenView, Failure>> {
  const token = await findToken(deps.db, id);
  if (!token) return err(notFound(`No token ${id}.`));
  if (!token.revokedAt) {
    const at = deps.now().toISOString();
    await deps.atomic([
      revokeTokenQuery(deps.db, id, at),
      auditEntry(deps, actor, at, 'token.revoke', { type: 'token', id }, { label: token.label }),
    ]);
  }
  return ok(tokenView((await findToken(deps.db, id))!));
}
