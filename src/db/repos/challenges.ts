import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { isNotNullViolation } from '../errors.ts';

/** A WebAuthn challenge handed out: for a registration (a person's) or a sign-in (anyone's). */
export interface Challenge {
  challenge: string;
  purpose: 'register' | 'authenticate';
  personId: string | null;
  expiresAt: string;
}

export function insertChallengeQuery(db: Kysely<DB>, c: Challenge): CompiledQuery {
  return db
    .insertInto('webauthn_challenges')
    .values({
      challenge: c.challenge,
      purpose: c.purpose,
      person_id: c.personId,
      expires_at: c.expiresAt,
      used_at: null,
    })
    .compile();
}

/** A challenge not used yet, for its purpose. */
export async function openChallenge(
  db: Kysely<DB>,
  challenge: string,
  purpose: Challenge['purpose'],
): Promise<Challenge | undefined> {
  const row = await db
    .selectFrom('webauthn_challenges')
    .selectAll()
    .where('challenge', '=', challenge)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      challenge: row.challenge,
      purpose: row.purpose,
      personId: row.person_id,
      expiresAt: row.expires_at,
    }
  );
}

/**
 * Uses a challenge up: each is good once. Used already (a race), the whole atomic write fails
 * (its purpose would become NULL): see isChallengeUsed.
 */
export function useChallengeQuery(db: Kysely<DB>, challenge: string, at: string): CompiledQuery {
  return db
    .updateTable('webauthn_challenges')
    .set({
      used_at: at,
      purpose: sql<'register'>`case when used_at is null then purpose else null end`,
    })
    .where('challenge', '=', challenge)
    .compile();
}

/** Did an atomic write fail because its challenge was used meanwhile? */
export const isChallengeUsed = (e: unknown): boolean =>
  isNotNullViolation(e, 'webauthn_challenges', 'purpose');
