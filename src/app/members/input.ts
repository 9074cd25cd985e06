import { problem } from '../../domain/problems/index.ts';
import { emailKey } from '../../domain/roster/index.ts';
import { isUniqueViolation as isUniqueKeyViolation } from '../../db/errors.ts';
import type { Position, RemoteAccess } from '../../domain/types.ts';
import type { FieldError } from '../failure.ts';

export { emailKey };

export interface MemberInput {
  name: string;
  /** The reading (フリガナ). */
  kana?: string | null;
  email: string;
  skills?: string[];
  position?: Position;
  remoteAccess?: RemoteAccess;
  /** The Slack member ID (U…), whom /bunsan answers. */
  slackUserId?: string | null;
}
export type MemberUpdate = Partial<MemberInput> & { active?: boolean };

/** Did a write fail because another request took the same e-mail meanwhile? */
export const isUniqueViolation = (e: unknown): boolean => isUniqueKeyViolation(e, 'members');

/** Did a write fail because a Slack member ID given is another member's? */
export const isSlackUserTaken = (e: unknown): boolean =>
  isUniqueKeyViolation(e, 'members', ['slack_user_id']);

/** The refusal of a Slack member ID that is another member's (in any department). */
export const slackUserTaken = (path: string): FieldError => ({
  path,
  message: 'is already linked to another member',
  ...problem('slack-user-taken'),
});

/** Each e-mail given again after its first time (a CSV upload's errors name the line too). */
export function repeatedEmails(
  inputs: readonly { email: string }[],
  lines?: readonly number[],
): FieldError[] {
  const firstAt = new Map<string, number>();
  const out: FieldError[] = [];
  inputs.forEach((m, i) => {
    const key = emailKey(m.email);
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else
      out.push({
        path: `/members/${i}/email`,
        message: `${m.email} is already given at /members/${first}`,
        ...problem('email-repeated'),
        ...(lines?.[i] ? { line: lines[i] } : {}),
      });
  });
  return out;
}
