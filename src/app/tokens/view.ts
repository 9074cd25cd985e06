import type { Token } from '../../db/repos/tokens.ts';

/** The API's view of a token (never its secret nor its hash). */
export function tokenView(t: Token) {
  return {
    id: t.id,
    role: t.role,
    departmentId: t.departmentId,
    memberId: t.memberId,
    label: t.label,
    createdAt: t.createdAt,
    revokedAt: t.revokedAt,
  };
}
export type TokenView = ReturnType<typeof tokenView>;
