import { problem } from '../../domain/problems/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { memberById } from '../../db/repos/members.ts';
import { insertTokenQuery, type Token } from '../../db/repos/tokens.ts';
import type { Actor, Role } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { invalid, type Failure, type FieldError } from '../failure.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { tokenView, type TokenView } from './view.ts';

export interface TokenInput {
  role: Role;
  label: string;
  departmentId?: string;
  memberId?: string;
}
export type IssuedToken = TokenView & { token: string };

async function scopeOf(
  deps: Deps,
  input: TokenInput,
): Promise<Result<{ departmentId: string | null; memberId: string | null }, Failure>> {
  const problems: FieldError[] = [];
  if ((input.role === 'admin' || input.role === 'hr') && (input.departmentId || input.memberId)) {
    problems.push({
      path: input.departmentId ? '/departmentId' : '/memberId',
      message: `${input.role} tokens reach every department; give no scope`,
      ...problem('no-scope-for-role'),
    });
  }
  if (input.role === 'chief') {
    if (!input.departmentId)
      problems.push({
        path: '/departmentId',
        message: 'is required for a chief token',
        ...problem('required'),
      });
    if (input.memberId)
      problems.push({
        path: '/memberId',
        message: 'a chief token is scoped to a department, not a member',
        ...problem('chief-token-member'),
      });
  }
  if (input.role === 'staff' && !input.memberId)
    problems.push({
      path: '/memberId',
      message: 'is required for a staff token',
      ...problem('required'),
    });
  if (problems.length) return err(invalid('The token scope does not fit its role.', problems));

  if (input.role === 'chief') {
    if (!(await departmentById(deps.db, input.departmentId!)))
      return err(
        invalid('Unknown department.', [
          {
            path: '/departmentId',
            message: `no department ${input.departmentId}`,
            ...problem('no-such-id'),
          },
        ]),
      );
    return ok({ departmentId: input.departmentId!, memberId: null });
  }
  if (input.role === 'staff') {
    const m = await memberById(deps.db, input.memberId!);
    if (!m)
      return err(
        invalid('Unknown member.', [
          { path: '/memberId', message: `no member ${input.memberId}`, ...problem('no-such-id') },
        ]),
      );
    if (!m.active)
      return err(
        invalid('Deactivated member.', [
          { path: '/memberId', message: 'is deactivated', ...problem('member-deactivated') },
        ]),
      );
    if (input.departmentId && input.departmentId !== m.departmentId)
      return err(
        invalid('Scope mismatch.', [
          {
            path: '/departmentId',
            message: "is not the member's department",
            ...problem('not-member-department'),
          },
        ]),
      );
    return ok({ departmentId: m.departmentId, memberId: m.id });
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
  const row: Token = {
    id: deps.newId(),
    tokenHash: await hashSecret(token),
    role: input.role,
    departmentId: scope.value.departmentId,
    memberId: scope.value.memberId,
    label: input.label.trim(),
    createdAt: at,
    createdBy: actor.tokenId,
    revokedAt: null,
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
        departmentId: row.departmentId,
        memberId: row.memberId,
      },
    ),
  ]);
  return ok({ ...tokenView(row), token });
}
