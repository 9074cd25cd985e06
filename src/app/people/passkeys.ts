import { problem } from '../../domain/problems/index.ts';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { CompiledQuery } from 'kysely';
import {
  insertChallengeQuery,
  isChallengeUsed,
  openChallenge,
  useChallengeQuery,
} from '../../db/repos/challenges.ts';
import { isInvitationSpent, useInvitationQuery } from '../../db/repos/invitations.ts';
import {
  insertPasskeyQuery,
  passkeyById,
  passkeysOf,
  usePasskeyQuery,
  type Passkey,
} from '../../db/repos/passkeys.ts';
import { personById, type Person } from '../../db/repos/people.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, type Failure } from '../failure.ts';
import { maySignIn, personActor } from '../sessions/index.ts';
import { credentialNoticeQueries } from './account.ts';
import { auditFailedSignIn } from './failed.ts';
import { CHALLENGE_SECONDS, relyingParty } from './relying-party.ts';

const fromB64url = (s: string): Uint8Array<ArrayBuffer> => {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
};
const toB64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const refused = (message: string): Failure =>
  invalid('The passkey was not accepted.', [
    { path: '/response', message, ...problem('passkey-refused') },
  ]);

/** Runs a credential's writes; a challenge or invitation used meanwhile is refused, not a 500. */
async function write(deps: Deps, batch: CompiledQuery[]): Promise<Result<true, Failure>> {
  try {
    await deps.atomic(batch);
    return ok(true);
  } catch (e) {
    if (isChallengeUsed(e)) return err(refused('this challenge was used already; try again'));
    if (isInvitationSpent(e))
      return err(
        conflict(
          'This invitation was used or revoked meanwhile.',
          undefined,
          problem('invitation-used'),
        ),
      );
    throw e;
  }
}

/** A challenge that is open, of this purpose, not expired, and (for a registration) this person's. */
async function challengeOk(
  deps: Deps,
  challenge: string,
  purpose: 'register' | 'authenticate',
  personId: string | null,
): Promise<boolean> {
  const c = await openChallenge(deps.db, challenge, purpose);
  return Boolean(
    c && c.expiresAt > deps.now().toISOString() && (personId === null || c.personId === personId),
  );
}

/** Options for registering a passkey of this person: discoverable, user verification preferred. */
export async function passkeyRegistrationOptions(
  deps: Deps,
  person: Person,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty(deps);
  const existing = await passkeysOf(deps.db, person.id);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: person.email,
    userDisplayName: person.name,
    userID: new TextEncoder().encode(person.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await deps.atomic([
    insertChallengeQuery(deps.db, {
      challenge: options.challenge,
      purpose: 'register',
      personId: person.id,
      expiresAt: new Date(deps.now().getTime() + CHALLENGE_SECONDS * 1000).toISOString(),
    }),
  ]);
  return options;
}

/**
 * Registers the passkey the browser made for this person (and uses the invitation that brought
 * them, when one did): the challenge must be theirs, open and fresh, the origin and rpID bunsan's.
 */
export async function registerPasskey(
  deps: Deps,
  person: Person,
  response: RegistrationResponseJSON,
  deviceName: string,
  invitationId: string | null,
): Promise<Result<Passkey, Failure>> {
  const rp = relyingParty(deps);
  let challenge = '';
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: async (c) => {
        challenge = c;
        return challengeOk(deps, c, 'register', person.id);
      },
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
  } catch (e) {
    return err(refused((e as Error).message));
  }
  if (!verified.verified || !verified.registrationInfo) return err(refused('not verified'));
  const { credential } = verified.registrationInfo;
  const at = deps.now().toISOString();
  const passkey: Passkey = {
    id: credential.id,
    personId: person.id,
    publicKey: toB64url(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    deviceName: deviceName.trim().slice(0, 60) || 'passkey',
    createdAt: at,
    lastUsedAt: null,
  };
  const written = await write(deps, [
    useChallengeQuery(deps.db, challenge, at),
    ...(invitationId ? [useInvitationQuery(deps.db, invitationId, at)] : []),
    insertPasskeyQuery(deps.db, passkey),
    auditEntry(
      deps,
      personActor(person),
      at,
      'passkey.add',
      { type: 'person', id: person.id },
      { passkeyId: passkey.id, deviceName: passkey.deviceName },
    ),
    ...(await credentialNoticeQueries(deps, person, 'passkey.add', at, passkey.deviceName)),
  ]);
  return written.ok ? ok(passkey) : written;
}

/** Options for signing in with any passkey of bunsan (discoverable: no user name asked). */
export async function passkeySignInOptions(
  deps: Deps,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = relyingParty(deps);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: 'preferred',
  });
  await deps.atomic([
    insertChallengeQuery(deps.db, {
      challenge: options.challenge,
      purpose: 'authenticate',
      personId: null,
      expiresAt: new Date(deps.now().getTime() + CHALLENGE_SECONDS * 1000).toISOString(),
    }),
  ]);
  return options;
}

/** The person whose passkey signed this challenge, if it verifies and they are active. */
export async function signInWithPasskey(
  deps: Deps,
  response: AuthenticationResponseJSON,
): Promise<Result<Person, Failure>> {
  const passkey = await passkeyById(deps.db, response.id);
  const person = passkey ? await personById(deps.db, passkey.personId) : undefined;
  if (!passkey || !person || !(await maySignIn(deps, person)))
    return err(refused('this passkey is not registered here, or its person left'));
  const rp = relyingParty(deps);
  let challenge = '';
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: async (c) => {
        challenge = c;
        return challengeOk(deps, c, 'authenticate', null);
      },
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.id,
        publicKey: fromB64url(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports as never,
      },
      requireUserVerification: false,
    });
  } catch (e) {
    await auditFailedSignIn(deps, person, 'passkey', (e as Error).message.slice(0, 200));
    return err(refused((e as Error).message));
  }
  if (!verified.verified) return err(refused('not verified'));
  const at = deps.now().toISOString();
  const written = await write(deps, [
    useChallengeQuery(deps.db, challenge, at),
    usePasskeyQuery(deps.db, passkey.id, verified.authenticationInfo.newCounter, at),
  ]);
  return written.ok ? ok(person) : written;
}
