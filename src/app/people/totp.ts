import { problem } from '../../domain/problems/index.ts';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import {
  isTotpReplay,
  spendTotpStepQuery,
  totpOf,
  upsertTotpQuery,
} from '../../db/repos/credentials.ts';
import { isInvitationSpent, useInvitationQuery } from '../../db/repos/invitations.ts';
import { personByEmailKey, type Person } from '../../db/repos/people.ts';
import { emailKey } from '../../domain/roster/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, invalid, type Failure } from '../failure.ts';
import { maySignIn, personActor } from '../sessions/index.ts';
import { credentialNoticeQueries } from './account.ts';
import { auditFailedSignIn } from './failed.ts';

const wrongCode = (): Failure =>
  invalid('The code is not right.', [
    { path: '/code', message: 'does not match (or was used already)', ...problem('code-wrong') },
  ]);

/** A code as typed: digits only (spaces and full-width digits folded). */
const digits = (code: string): string => code.normalize('NFKC').replace(/\s+/g, '');

/**
 * Starts enrolling an authenticator app: a new secret (not confirmed until a first code
 * matches), its otpauth URI and the QR code of it, drawn here as SVG (no image leaves bunsan).
 */
export async function startTotp(
  deps: Deps,
  person: Person,
  opts: { keep?: boolean } = {},
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  // After a mistyped first code the same secret is shown again: the app has it already.
  const pending = opts.keep ? await totpOf(deps.db, person.id) : undefined;
  const secret = pending && !pending.confirmedAt ? pending.secret : generateSecret();
  if (secret !== pending?.secret)
    await deps.atomic([upsertTotpQuery(deps.db, person.id, secret, deps.now().toISOString())]);
  const uri = generateURI({ issuer: 'bunsan', label: person.email, secret });
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/** The time step of a right code for the secret at `now`, past the last one spent; else null. */
async function matchingStep(
  deps: Deps,
  secret: string,
  code: string,
  after: number | null,
): Promise<number | null> {
  const r = await verify({
    secret,
    token: digits(code),
    epoch: Math.floor(deps.now().getTime() / 1000),
    epochTolerance: 30,
    ...(after !== null ? { afterTimeStep: after } : {}),
  });
  return r.valid && 'timeStep' in r ? (r.timeStep as number) : null;
}

/**
 * Confirms the enrolment with a first code from the app (and uses the invitation that brought
 * the person, when one did); audited. The code's time step is spent.
 */
export async function confirmTotp(
  deps: Deps,
  person: Person,
  code: string,
  invitationId: string | null,
): Promise<Result<true, Failure>> {
  const t = await totpOf(deps.db, person.id);
  const step = t ? await matchingStep(deps, t.secret, code, t.lastStep) : null;
  if (!t || step === null) return err(wrongCode());
  const at = deps.now().toISOString();
  try {
    await deps.atomic([
      spendTotpStepQuery(deps.db, person.id, step, at),
      ...(invitationId ? [useInvitationQuery(deps.db, invitationId, at)] : []),
      auditEntry(deps, personActor(person), at, 'totp.add', { type: 'person', id: person.id }, {}),
      ...(await credentialNoticeQueries(deps, person, 'totp.add', at)),
    ]);
  } catch (e) {
    if (isTotpReplay(e)) return err(wrongCode());
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
  return ok(true);
}

/** The person an e-mail and a code from their confirmed authenticator app sign in; each code once. */
export async function signInWithTotp(
  deps: Deps,
  email: string,
  code: string,
): Promise<Result<Person, Failure>> {
  const person = await personByEmailKey(deps.db, emailKey(email));
  const t = person ? await totpOf(deps.db, person.id) : undefined;
  if (!person || !t?.confirmedAt || !(await maySignIn(deps, person))) return err(wrongCode());
  const step = await matchingStep(deps, t.secret, code, t.lastStep);
  if (step === null) {
    await auditFailedSignIn(deps, person, 'totp', 'wrong code');
    return err(wrongCode());
  }
  try {
    await deps.atomic([spendTotpStepQuery(deps.db, person.id, step, deps.now().toISOString())]);
  } catch (e) {
    if (isTotpReplay(e)) return err(wrongCode());
    throw e;
  }
  return ok(person);
}
