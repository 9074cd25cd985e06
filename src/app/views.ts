import type { MemberRow, TokenRow } from '../db/schema.ts';

/** The API's view of a member row. */
export function memberView(r: MemberRow) {
  return {
    id: r.id,
    departmentId: r.department_id,
    name: r.name,
    email: r.email,
    skills: JSON.parse(r.skills) as string[],
    position: r.position,
    remoteAccess: r.remote_access,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type MemberView = ReturnType<typeof memberView>;

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
