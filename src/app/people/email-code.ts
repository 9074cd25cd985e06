import { problem } from '../../domain/problems/index.ts';
import {
  countCodeTryQuery,
  insertEmailCodeQueries,
  isCodeSpent,
  openEmailCode,
  spendEmailCodeQuery,
} from '../../db/repos/credentials.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { personByEmailKey, type Person } from '../../db/repos/people.ts';
import { emailKey } from '../../domain/roster/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { codeText } from '../../notify/invitation.ts';
import type { Deps } from '../deps.ts';
import { invalid, type Failure } from '../failure.ts';
import { hashSecret } from '../secrets.ts';
import { maySignIn } from '../sessions/index.ts';
import { auditFailedSignIn } from './failed.ts';
import { personEmailQueries } from './invitation-message.ts';

/** A code lasts this long, and this many wrong tries spend it. */
export const CODE_MINUTES = 10;
export const CODE_TRIES = 5;

const codeProblem = (
  message: string,
  code: 'code-none' | 'code-locked' | 'code-expired' | 'code-wrong',
): Failure => invalid('The code is not right.', [{ path: '/code', message, ...problem(code) }]);

/** Six random digits. */
function sixDigits(): string {
  const n = new Uint32Array(1);
  crypto.getRandomValues(n);
  return String(n[0]! % 1_000_000).padStart(6, '0');
}

const codeHash = (personId: string, code: string) => hashSecret(`bunsan-code:${personId}:${code}`);

/**
 * Sends a staff member a one-time code by e-mail (through the outbox), if the e-mail is a member's
 * who may sign in. HR, admins and chiefs never get one: they need a passkey or an authenticator
 * app. The caller answers the same either way, so the form tells nobody who is registered.
 */
export async function sendEmailCode(deps: Deps, email: string): Promise<void> {
  const person = await personByEmailKey(deps.db, emailKey(email));
  if (!person || person.role !== 'staff' || !person.departmentId) return;
  if (!(await maySignIn(deps, person))) return;
  const department = await departmentById(deps.db, person.departmentId);
  if (!department) return;
  const code = sixDigits();
  const at = deps.now().toISOString();
  const { subject, body } = codeText(department.language, {
    name: person.name,
    code,
    minutes: CODE_MINUTES,
  });
  await deps.atomic([
    ...insertEmailCodeQueries(
      deps.db,
      {
        id: deps.newId(),
        personId: person.id,
        codeHash: await codeHash(person.id, code),
        tries: 0,
        expiresAt: new Date(deps.now().getTime() + CODE_MINUTES * 60_000).toISOString(),
      },
      at,
    ),
    ...(await personEmailQueries(deps, person, department, 'sign-in.code', subject, body, at)),
  ]);
}

/** The staff member an e-mail and their newest code sign in: within 10 minutes, 5 tries, once. */
export async function signInWithEmailCode(
  deps: Deps,
  email: string,
  code: string,
): Promise<Result<Person, Failure>> {
  const person = await personByEmailKey(deps.db, emailKey(email));
  const open = person?.role === 'staff' ? await openEmailCode(deps.db, person.id) : undefined;
  if (!person || !open || !(await maySignIn(deps, person)))
    return err(codeProblem('no code was sent to this address; ask for one', 'code-none'));
  if (open.tries >= CODE_TRIES)
    return err(codeProblem('5 wrong tries spent this code; ask for a new one', 'code-locked'));
  if (open.expiresAt <= deps.now().toISOString())
    return err(codeProblem('this code has expired; ask for a new one', 'code-expired'));
  const typed = code.normalize('NFKC').replace(/\s+/g, '');
  if ((await codeHash(person.id, typed)) !== open.codeHash) {
    await deps.atomic([countCodeTryQuery(deps.db, open.id)]);
    await auditFailedSignIn(deps, person, 'email-code', 'wrong code');
    return err(codeProblem('does not match', 'code-wrong'));
  }
  try {
    await deps.atomic([spendEmailCodeQuery(deps.db, open.id, deps.now().toISOString())]);
  } catch (e) {
    if (isCodeSpent(e)) return err(codeProblem('this code was used already', 'code-expired'));
    throw e;
  }
  return ok(person);
}
