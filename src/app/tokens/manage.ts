import { err, ok, type Result } from '../../domain/result.ts';
import { findDepartment } from '../../db/repos/departments.ts';
import { findMember } from '../../db/repos/members.ts';
import {
  countTokens,
  findLiveTokenByHash,
  findToken,
  insertTokenQuery,
  listTokens,
  revokeTokenQuery,
} from '../../db/repos/tokens.ts';
import type { Actor, Role } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { invalid, notFound, type Failure, type FieldError } from '../failure.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { tokenView } from '../views.ts';

export interface TokenInput {
  role: Role;
  label: string;
  departmentId?: string;
  memberId?: string;
}
export type IssuedToken = ReturnType<typeof tokenView> & { token: string };

/** The actor that stands for the operator on the server machine (start-up, CLI). */
export const SYSTEM_ACTOR: Actor = {
  tokenId: 'system',
  role: 'admin',
  departmentId: null,
  memberId: null,
};
/** The actor of a request authenticated by BUNSAN_ADMIN_TOKEN. */
export const ENV_ADMIN_ACTOR: Actor = {
  tokenId: 'env:BUNSAN_ADMIN_TOKEN',
  role: 'admin',
  departmentId: null,
  memberId: null,
};

async function scopeOf(
  deps: Deps,
  input: TokenInput,
): Promise<Result<{ departmentId: string | null; memberId: string | null }, Failure>> {
  const problems: FieldError[] = [];
  if ((input.role === 'admin' || input.role === 'hr') && (input.departmentId || input.memberId)) {
    problems.push({
      path: input.departmentId ? '/departmentId' : '/memberId',
      message: `${input.role} tokens reach every department; give no scope`,
    });
  }
  if (input.role === 'chief') {
    if (!input.departmentId)
      problems.push({ path: '/departmentId', message: 'is required for a chief token' });
    if (input.memberId)
      problems.push({
        path: '/memberId',
        message: 'a chief token is scoped to a department, not a member',
      });
  }
  if (input.role === 'staff' && !input.memberId)
    problems.push({ path: '/memberId', message: 'is required for a staff token' });
  if (problems.length) return err(invalid('The token scope does not fit its role.', problems));

  if (input.role === 'chief') {
    if (!(await findDepartment(deps.db, input.departmentId!)))
      return err(
        invalid('Unknown department.', [
          { path: '/departmentId', message: `no department ${input.departmentId}` },
        ]),
      );
    return ok({ departmentId: input.departmentId!, memberId: null });
  }
  if (input.role === 'staff') {
    const m = await findMember(deps.db, input.memberId!);
    if (!m)
      return err(
        invalid('Unknown member.', [{ path: '/memberId', message: `no member ${input.memberId}` }]),
      );
    if (!m.active)
      return err(
        invalid('Deactivated member.', [{ path: '/memberId', message: 'is deactivated' }]),
      );
    if (input.departmentId && input.departmentId !== m.department_id)
      return err(
        invalid('Scope mismatch.', [
          { path: '/departmentId', message: "is not the member's department" },
        ]),
      );
    return ok({ departmentId: m.department_id, memberId: m.id });
  }
  return ok({ departmentId: null, memberId: null });
}

/** Issues a token; its secret is in the answer only, the database keeps its hash. */
export async function issueToken(
  deps: Deps,
  actor: Actor,
  input: TokenInput,
): Promise<Result<IssuedToken, Failure>> {
  const scope = await scopeOf(deps, input);
  if (!scope.ok) return scope;
  const token = newSecret('bsn');
  const at = deps.now().toISOString();
  const row = {
    id: deps.newId(),
    token_hash: await hashSecret(token),
    role: input.role,
    department_id: scope.value.departmentId,
    member_id: scope.value.memberId,
    label: input.label.trim(),
    created_at: at,
    created_by: actor.tokenId,
    revoked_at: null,
  };
  await deps.atomic([
    insertTokenQuery(deps.db, row),
    auditEntry(
      deps,
      actor,
      at,
      'token.issue',
      { type: 'token', id: row.id },
      {
        role: row.role,
        label: row.label,
        departmentId: row.department_id,
        memberId: row.member_id,
      },
    ),
  ]);
  return ok({ ...tokenView(row), token });
}

/** Revokes a token: requests with it are refused from now on. */
export async function revokeToken(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Result<ReturnType<typeof tokenView>, Failure>> {
  const row = await findToken(deps.db, id);
  if (!row) return err(notFound(`No token ${id}.`));
  if (!row.revoked_at) {
    const at = deps.now().toISOString();
    await deps.atomic([
      revokeTokenQuery(deps.db, id, at),
      auditEntry(deps, actor, at, 'token.revoke', { type: 'token', id }, { label: row.label }),
    ]);
  }
  return ok(tokenView((await findToken(deps.db, id))!));
}

/** Every token (without secrets). */
export async function allTokens(deps: Deps) {
  return (await listTokens(deps.db)).map(tokenView);
}

/** Who holds this bearer secret, or null when nobody (unknown or revoked). */
export async function authenticate(deps: Deps, bearer: string): Promise<Actor | null> {
  const hash = await hashSecret(bearer);
  if (deps.adminToken && hash === (await hashSecret(deps.adminToken))) return ENV_ADMIN_ACTOR;
  const row = await findLiveTokenByHash(deps.db, hash);
  // A staff token ends with its member: deactivating someone who left ends their access.
  if (!row || (row.role === 'staff' && row.member_active !== 1)) return null;
  return {
    tokenId: row.id,
    role: row.role as Role,
    departmentId: row.department_id,
    memberId: row.member_id,
  };
}

/** On an empty database, issues the first admin token so an operator can begin. */
export async function bootstrapAdminToken(deps: Deps): Promise<IssuedToken | null> {
  if ((await countTokens(deps.db)) > 0) return null;
  const issued = await issueToken(deps, SYSTEM_ACTOR, {
    role: 'admin',
    label: 'first admin (created at start-up)',
  });
  return issued.ok ? issued.value : null;
}
