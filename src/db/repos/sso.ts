import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { isNotNullViolation } from '../errors.ts';
import type { DB } from '../schema.ts';
import type { SsoLoginRow, SsoSettingsRow } from '../schema-people.ts';

/** The provider as an admin set it on the settings page (each field null while unset). */
export interface SsoStored {
  issuer: string | null;
  clientId: string | null;
  clientSecret: string | null;
  emailClaim: string | null;
  groupClaim: string | null;
  hrGroup: string | null;
  adminGroup: string | null;
  mfaTrusted: boolean;
  mfaAcr: string | null;
  required: boolean;
  updatedAt: string | null;
}

/** A sign-in with the provider under way. */
export interface SsoLogin {
  id: string;
  state: string | null;
  nonce: string;
  codeVerifier: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  personId: string | null;
  confirmedAt: string | null;
}

const EMPTY: SsoStored = {
  issuer: null,
  clientId: null,
  clientSecret: null,
  emailClaim: null,
  groupClaim: null,
  hrGroup: null,
  adminGroup: null,
  mfaTrusted: false,
  mfaAcr: null,
  required: false,
  updatedAt: null,
};

const storedFromRow = (r: SsoSettingsRow): SsoStored => ({
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecret: r.client_secret,
  emailClaim: r.email_claim,
  groupClaim: r.group_claim,
  hrGroup: r.hr_group,
  adminGroup: r.admin_group,
  mfaTrusted: r.mfa_trusted === 1,
  mfaAcr: r.mfa_acr,
  required: r.required === 1,
  updatedAt: r.updated_at,
});

const loginFromRow = (r: SsoLoginRow): SsoLogin => ({
  id: r.id,
  state: r.state,
  nonce: r.nonce,
  codeVerifier: r.code_verifier,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  personId: r.person_id,
  confirmedAt: r.confirmed_at,
});

/** The stored provider settings (all unset before an admin saves any). */
export async function ssoStored(db: Kysely<DB>): Promise<SsoStored> {
  const row = await db
    .selectFrom('sso_settings')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? storedFromRow(row) : EMPTY;
}

/** Replaces the provider settings (the secret kept when `clientSecret` is undefined). */
export function upsertSsoQuery(
  db: Kysely<DB>,
  s: Omit<SsoStored, 'clientSecret' | 'updatedAt'> & { clientSecret?: string | null },
  at: string,
  by: string,
): CompiledQuery {
  const set = {
    issuer: s.issuer,
    client_id: s.clientId,
    ...(s.clientSecret !== undefined ? { client_secret: s.clientSecret } : {}),
    email_claim: s.emailClaim,
    group_claim: s.groupClaim,
    hr_group: s.hrGroup,
    admin_group: s.adminGroup,
    mfa_trusted: s.mfaTrusted ? (1 as const) : (0 as const),
    mfa_acr: s.mfaAcr,
    required: s.required ? (1 as const) : (0 as const),
    updated_at: at,
    updated_by: by,
  };
  return db
    .insertInto('sso_settings')
    .values({ id: 1, client_secret: null, ...set })
    .onConflict((oc) => oc.column('id').doUpdateSet(set))
    .compile();
}

export function insertLoginQuery(db: Kysely<DB>, l: SsoLogin): CompiledQuery {
  return db
    .insertInto('sso_logins')
    .values({
      id: l.id,
      state: l.state,
      nonce: l.nonce,
      code_verifier: l.codeVerifier,
      created_at: l.createdAt,
      expires_at: l.expiresAt,
      used_at: null,
      person_id: null,
      confirmed_at: null,
    })
    .compile();
}

/** A sign-in under way by the hash of its cookie, or undefined. */
export async function loginById(db: Kysely<DB>, id: string): Promise<SsoLogin | undefined> {
  const row = await db.selectFrom('sso_logins').selectAll().where('id', '=', id).executeTakeFirst();
  return row && loginFromRow(row);
}

/**
 * Takes the provider's answer for this sign-in: once. A second answer (a replayed redirect, a
 * race) fails the write (see isLoginSpent), the state being set to null only while unused.
 */
export function spendLoginQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('sso_logins')
    .set({ used_at: at, state: sql<string>`case when used_at is null then state else null end` })
    .where('id', '=', id)
    .compile();
}

export const isLoginSpent = (e: unknown): boolean => isNotNullViolation(e, 'sso_logins', 'state');

/** The person who still confirms with a second factor, until `until`. */
export function awaitSecondFactorQuery(
  db: Kysely<DB>,
  id: string,
  personId: string,
  until: string,
): CompiledQuery {
  return db
    .updateTable('sso_logins')
    .set({ person_id: personId, expires_at: until })
    .where('id', '=', id)
    .compile();
}

/** The second factor was given: the sign-in is over (a second confirmation fails the write). */
export function confirmLoginQuery(db: Kysely<DB>, id: string, at: string): CompiledQuery {
  return db
    .updateTable('sso_logins')
    .set({
      confirmed_at: at,
      nonce: sql<string>`case when confirmed_at is null then nonce else null end`,
    })
    .where('id', '=', id)
    .compile();
}

export const isLoginConfirmed = (e: unknown): boolean =>
  isNotNullViolation(e, 'sso_logins', 'nonce');

/** Sign-ins under way that ended before `before` (kept no longer than needed). */
export function deleteOldLoginsQuery(db: Kysely<DB>, before: string): CompiledQuery {
  return db.deleteFrom('sso_logins').where('expires_at', '<', before).compile();
}
