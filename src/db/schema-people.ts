import type { Selectable } from 'kysely';
import type { Role } from '../domain/types.ts';
import type { Json } from './json.ts';
import type { SqlBool } from './schema.ts';

/** A person who signs in: a member (staff or their department's chief) or an organisation user. */
export interface PersonTable {
  id: string;
  name: string;
  email: string;
  email_key: string;
  role: Role;
  /** A chief's department, or a staff member's. */
  department_id: string | null;
  /** The member the person is, when they are one. */
  member_id: string | null;
  active: SqlBool;
  created_at: string;
  updated_at: string;
}

export interface InvitationTable {
  id: string;
  secret_hash: string;
  person_id: string;
  /** The actor (token or person) who invited. */
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** How a session was started. */
export type SignInMethod =
  | 'passkey'
  | 'totp'
  | 'email-code'
  | 'invitation'
  | 'token'
  | 'oidc'
  | 'oidc+passkey'
  | 'oidc+totp';

export interface SessionTable {
  id: string;
  secret_hash: string;
  person_id: string | null;
  /** The API token (or `env:BUNSAN_ADMIN_TOKEN`) an operator signed in with, when not a person. */
  token_id: string | null;
  method: SignInMethod;
  created_at: string;
  last_seen_at: string;
  idle_seconds: number;
  expires_at: string;
  user_agent: string;
  ended_at: string | null;
}

export interface PasskeyTable {
  /** The credential id, base64url. */
  id: string;
  person_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number;
  transports: Json<string[]>;
  device_name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface TotpTable {
  person_id: string;
  secret: string;
  confirmed_at: string | null;
  /** The last time step accepted: a code is good once. */
  last_step: number | null;
  created_at: string;
}

export interface EmailCodeTable {
  id: string;
  person_id: string;
  code_hash: string;
  tries: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ChallengeTable {
  challenge: string;
  purpose: 'register' | 'authenticate';
  person_id: string | null;
  expires_at: string;
  used_at: string | null;
}

export interface PeopleTables {
  people: PersonTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  passkeys: PasskeyTable;
  totp_secrets: TotpTable;
  email_codes: EmailCodeTable;
  webauthn_challenges: ChallengeTable;
  sso_settings: SsoSettingsTable;
  sso_logins: SsoLoginTable;
}

/** The organisation's OpenID Connect provider, as an admin set it (one row, id 1). */
export interface SsoSettingsTable {
  id: number;
  issuer: string | null;
  client_id: string | null;
  client_secret: string | null;
  /** The claim that names the person's e-mail (default `email`, then `email_verified` must be true). */
  email_claim: string | null;
  hr_group: string | null;
  admin_group: string | null;
  group_claim: string | null;
  mfa_trusted: SqlBool;
  mfa_acr: string | null;
  required: SqlBool;
  updated_at: string;
  updated_by: string;
}

/** A sign-in with the provider under way, found by the hash of its browser cookie. */
export interface SsoLoginTable {
  id: string;
  state: string | null;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  person_id: string | null;
  confirmed_at: string | null;
}

export type SsoSettingsRow = Selectable<SsoSettingsTable>;
export type SsoLoginRow = Selectable<SsoLoginTable>;
export type PersonRow = Selectable<PersonTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type SessionRow = Selectable<SessionTable>;
export type PasskeyRow = Selectable<PasskeyTable>;
