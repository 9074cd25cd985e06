import type { Role } from '../actor.ts';

/** Why an issuer cannot be used, or null when it can. */
export type IssuerProblem = 'not-url' | 'not-https' | 'entra-multi-tenant';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const ENTRA_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
]);
const ENTRA_MULTI = new Set(['common', 'organizations', 'consumers']);

/** Is the issuer on this machine (a test provider: plain http allowed)? */
export const isLoopback = (issuer: URL): boolean => LOOPBACK.has(issuer.hostname);

/**
 * What is wrong with an issuer: it must be an https URL (http only on loopback), and an Entra ID
 * issuer must name the tenant. Entra's `/common`, `/organizations` and `/consumers` discovery
 * documents publish `https://login.microsoftonline.com/{tenantid}/v2.0` as their issuer, which
 * a strict check rejects; openid-client instead accepts it and checks each token's `iss` with the
 * token's own `tid`, so a token from any tenant would pass, and e-mail linking would trust
 * another organisation's (or an attacker's own tenant's) claims.
 */
export function issuerProblem(issuer: string): IssuerProblem | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'not-url';
  }
  if (url.search || url.hash || url.username) return 'not-url';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
    return 'not-https';
  const tenant = url.pathname.split('/')[1]?.toLowerCase() ?? '';
  if (ENTRA_HOSTS.has(url.hostname) && ENTRA_MULTI.has(tenant)) return 'entra-multi-tenant';
  return null;
}

/** What of the provider's answer decides who signs in and how strongly. */
export interface ClaimRules {
  /** The claim naming the e-mail; `email` (the default) counts only with `email_verified: true`. */
  emailClaim: string;
  groupClaim: string;
  /** Group ids a person of the role must belong to, to sign in with the provider. */
  roleGroups: Partial<Record<Role, string>>;
  /** The organisation trusts the provider to have asked every sign-in for a second factor. */
  mfaTrusted: boolean;
  /** An `acr` value that shows a second factor was used. */
  mfaAcr: string | null;
}

type Claims = Record<string, unknown>;

/** The e-mail the provider vouches for, or null. */
export function emailOf(claims: Claims, rules: Pick<ClaimRules, 'emailClaim'>): string | null {
  const value = claims[rules.emailClaim];
  if (typeof value !== 'string' || !value.includes('@')) return null;
  // A configured claim (Entra's `upn`, `preferred_username`) is the tenant's own; plain `email`
  // is whatever the account typed, unless the provider says it checked it.
  if (rules.emailClaim === 'email' && claims.email_verified !== true) return null;
  return value;
}

/** The groups the provider lists (a list of strings, or one string). */
export function groupsOf(claims: Claims, rules: Pick<ClaimRules, 'groupClaim'>): string[] {
  const value = claims[rules.groupClaim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * May a person of this role sign in with these groups? A role with a group set needs it; the
 * provider never gives a role (roles are bunsan's, given by its admins), it can only withhold one.
 */
export const groupAllows = (role: Role, groups: readonly string[], rules: ClaimRules): boolean => {
  const needed = rules.roleGroups[role];
  return !needed || groups.includes(needed);
};

/** Did this sign-in use a second factor at the provider, as far as the organisation trusts it? */
export function providerMfa(claims: Claims, rules: ClaimRules): boolean {
  if (rules.mfaTrusted) return true;
  const amr = claims.amr;
  if (Array.isArray(amr) && amr.includes('mfa')) return true;
  return rules.mfaAcr !== null && claims.acr === rules.mfaAcr;
}

/** Does this person still confirm with a passkey or an authenticator app after the provider? */
export const needsSecondFactor = (role: Role, claims: Claims, rules: ClaimRules): boolean =>
  role !== 'staff' && !providerMfa(claims, rules);
