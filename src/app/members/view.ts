import type { Member } from '../../domain/types.ts';

/** The API's view of a member. */
export function memberView(m: Member) {
  return {
    id: m.id,
    departmentId: m.departmentId,
    name: m.name,
    kana: m.kana,
    email: m.email,
    skills: m.skills,
    position: m.position,
    remoteAccess: m.remoteAccess,
    slackUserId: m.slackUserId ?? null,
    active: m.active,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
export type MemberView = ReturnType<typeof memberView>;
