import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Person } from '../../db/repos/people.ts';
import { confirmLoginQuery, isLoginConfirmed } from '../../db/repos/sso.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Deps } from '../deps.ts';
import { signInWithPasskey, signInWithTotp } from '../people/index.ts';
import { hashSecret } from '../secrets.ts';
import { personToConfirm } from './flow.ts';

/** Ends the sign-in once its second factor was given (a second confirmation is refused). */
async function confirmed(
  deps: Deps,
  secret: string,
  person: Person,
): Promise<Result<Person, 'expired'>> {
  try {
    await deps.atomic([
      confirmLoginQuery(deps.db, await hashSecret(secret), deps.now().toISOString()),
    ]);
  } catch (e) {
    if (isLoginConfirmed(e)) return err('expired');
    throw e;
  }
  return ok(person);
}

/**
 * The second factor after the provider, with the person's own passkey (the same checks as a
 * passkey sign-in; the passkey must be theirs).
 */
export async function confirmSsoWithPasskey(
  deps: Deps,
  secret: string | undefined,
  response: AuthenticationResponseJSON,
): Promise<Result<Person, 'expired' | 'wrong'>> {
  const person = await personToConfirm(deps, secret);
  if (!person || !secret) return err('expired');
  const signed = await signInWithPasskey(deps, response);
  if (!signed.ok || signed.value.id !== person.id) return err('wrong');
  return confirmed(deps, secret, person);
}

/** The second factor after the provider, with a code from the person's authenticator app. */
export async function confirmSsoWithTotp(
  deps: Deps,
  secret: string | undefined,
  code: string,
): Promise<Result<Person, 'expired' | 'wrong'>> {
  const person = await personToConfirm(deps, secret);
  if (!person || !secret) return err('expired');
  const signed = await signInWithTotp(deps, person.email, code);
  if (!signed.ok) return err('wrong');
  return confirmed(deps, secret, person);
}
