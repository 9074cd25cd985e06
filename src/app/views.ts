import type { TokenRow } from '../db/schema.ts';

/** The API's view of a token (never its secret nor its hash). */
export function tokenView(r: TokenRow) {
  return {
    id: r.id,
    role: r.role,
    departmentId: r.department_id,
    memberId: r.member_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}
