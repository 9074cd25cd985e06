import type { Position, RemoteAccess } from '../../domain/types.ts';

export interface MemberInput {
  name: string;
  /** The reading (フリガナ). */
  kana?: string | null;
  email: string;
  skills?: string[];
  position?: Position;
  remoteAccess?: RemoteAccess;
}
export type MemberUpdate = Partial<MemberInput> & { active?: boolean };

/** E-mails are unique per department regardless of case, full-width letters and surrounding spaces. */
export const emailKey = (email: string): string => email.normalize('NFKC').trim().toLowerCase();

/** Did a write fail because another request took the same e-mail meanwhile? */
export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Error && /UNIQUE constraint failed/i.test(e.message);
