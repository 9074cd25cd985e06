import * as oidc from 'openid-client';
import { personByEmailKey, personById, type Person } from '../../db/repos/people.ts';
import {
  awaitSecondFactorQuery,
  deleteOldLoginsQuery,
  insertLoginQuery,
  isLoginSpent,
  loginById,
  spendLoginQuery,
} from '../../db/repos/sso.ts';
import { emailKey } from '../../domain/roster/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { maySignIn, personActor } from '../sessions/index.ts';
import { providerOf, redirectUri, ssoConfig } from './provider.ts';
import { emailOf, groupAllows, groupsOf, needsSecondFactor } from './rules.ts';

/** How long the trip to the provider and back may take, and then the second factor. */
export const LOGIN_MINUTES = 10;
export const CONFIRM_MINUTES = 5;

/** Why a sign-in with the provider was refused (each has its own message on the page). */
export type SsoRefusal =
  'off' | 'expired' | 'state' | 'provider' | 'no-email' | 'unknown' | 'group';

/** Who a refused sign-in is audited as when it names nobody bunsan knows. */
const VISITOR: Actor = {
  tokenId: 'oidc:unknown',
  role: 'staff',
  departmentId: null,
  memberId: null,
};

/** Records a refused sign-in (known person or not), with why. */
export async function auditSsoFailure(
  deps: Deps,
  person: Person | undefined,
  reason: SsoRefusal,
  detail: Record<string, unknown>,
): Promise<void> {
  const at = deps.now().toISOString();
  await deps.atomic([
    auditEntry(
      deps,
      person ? personActor(person) : VISITOR,
      at,
      'session.fail',
      person ? { type: 'person', id: person.id } : { type: 'sso', id: 'oidc' },
      { method: 'oidc', reason, ...detail },
    ),
  ]);
}

/**
 * Starts a sign-in with the provider: a state, a nonce and a PKCE verifier kept on the server,
 * found again by the hash of the returned cookie secret (so they belong to this browser); the
 * provider's URL to send the browser to.
 */
export async function startSsoLogin(
  deps: Deps,
): Promise<Result<{ secret: string; url: string }, SsoRefusal>> {
  const cfg = await ssoConfig(deps);
  if (!cfg.ready) return err('off');
  let config: oidc.Configuration;
  try {
    config = await providerOf(deps, cfg);
  } catch (e) {
    deps.log(`sso: discovery of ${cfg.issuer} failed (${(e as Error).message})`);
    return err('provider');
  }
  const secret = newSecret('sso');
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = deps.now();
  await deps.atomic([
    deleteOldLoginsQuery(deps.db, now.toISOString()),
    insertLoginQuery(deps.db, {
      id: await hashSecret(secret),
      state,
      nonce,
      codeVerifier,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000).toISOString(),
      usedAt: null,
      personId: null,
      confirmedAt: null,
    }),
  ]);
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(deps),
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return ok({ secret, url: url.href });
}

/** A finished trip to the provider: the person, and whether they still confirm with a second factor. */
export interface SsoSignIn {
  person: Person;
  confirm: boolean;
}

/**
 * The provider's answer (the callback URL as the browser asked for it) for the sign-in this
 * browser started: once, within 10 minutes, with the state, nonce, PKCE and ID token signature
 * checked; the person by the e-mail the provider vouches for. Refusals are audited.
 */
export async function finishSsoLogin(
  deps: Deps,
  secret: string | undefined,
  callback: URL,
): Promise<Result<SsoSignIn, SsoRefusal>> {
  const cfg = await ssoConfig(deps);
  if (!cfg.ready) return err('off');
  const login = secret ? await loginById(deps.db, await hashSecret(secret)) : undefined;
  const now = deps.now().toISOString();
  if (!login || login.usedAt || login.expiresAt <= now) return err('expired');
  try {
    await deps.atomic([spendLoginQuery(deps.db, login.id, now)]);
  } catch (e) {
    if (isLoginSpent(e)) return err('expired');
    throw e;
  }
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(await providerOf(deps, cfg), callback, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state ?? '',
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
  } catch (e) {
    // openid-client says "invalid response encountered"; its cause says what was wrong.
    // An error the provider sent back (access_denied when the person cancelled) is in `error`.
    const cause = (e as Error).cause;
    const sent = (e as { error?: unknown }).error;
    const message = [
      (e as Error).message,
      cause instanceof Error ? cause.message : null,
      typeof sent === 'string' ? sent : null,
    ]
      .filter(Boolean)
      .join(': ')
      .slice(0, 200);
    const reason = /"state"/.test(message) ? 'state' : 'provider';
    await auditSsoFailure(deps, undefined, reason, { error: message });
    return err(reason);
  }
  const email = emailOf(claims, cfg.rules);
  const sub = String(claims.sub);
  if (!email) {
    await auditSsoFailure(deps, undefined, 'no-email', { sub, claim: cfg.rules.emailClaim });
    return err('no-email');
  }
  const person = await personByEmailKey(deps.db, emailKey(email));
  if (!person || !(await maySignIn(deps, person))) {
    await auditSsoFailure(deps, person, 'unknown', { sub, email });
    return err('unknown');
  }
  if (!groupAllows(person.role, groupsOf(claims, cfg.rules), cfg.rules)) {
    await auditSsoFailure(deps, person, 'group', { sub, role: person.role });
    return err('group');
  }
  const confirm = needsSecondFactor(person.role, claims, cfg.rules);
  if (confirm) {
    const until = new Date(deps.now().getTime() + CONFIRM_MINUTES * 60_000).toISOString();
    await deps.atomic([awaitSecondFactorQuery(deps.db, login.id, person.id, until)]);
  }
  return ok({ person, confirm });
}

/** The person of this browser's sign-in who still confirms with a second factor, or undefined. */
export async function personToConfirm(
  deps: Deps,
  secret: string | undefined,
): Promise<Person | undefined> {
  const login = secret ? await loginById(deps.db, await hashSecret(secret)) : undefined;
  if (!login?.personId || login.confirmedAt || login.expiresAt <= deps.now().toISOString())
    return undefined;
  const person = await personById(deps.db, login.personId);
  return person && (await maySignIn(deps, person)) ? person : undefined;
}
