import type { Deps } from '../deps.ts';

/** The WebAuthn relying party: bunsan as PUBLIC_URL names it (rpID: its host name; the origin). */
export function relyingParty(deps: Deps): { rpID: string; origin: string; rpName: string } {
  const url = new URL(deps.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'bunsan 分散勤務' };
}

/** How long a WebAuthn challenge is good for. */
export const CHALLENGE_SECONDS = 5 * 60;
/** How long an invitation link is good for. */
export const INVITATION_DAYS = 7;
