import type { Person } from '../../db/repos/people.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { personActor } from '../sessions/index.ts';

/** Records a failed sign-in of a known person (an unknown e-mail or passkey names nobody to record). */
export async function auditFailedSignIn(
  deps: Deps,
  person: Person,
  method: 'passkey' | 'totp' | 'email-code',
  reason: string,
): Promise<void> {
  const at = deps.now().toISOString();
  await deps.atomic([
    auditEntry(
      deps,
      personActor(person),
      at,
      'session.fail',
      { type: 'person', id: person.id },
      {
        method,
        reason,
      },
    ),
  ]);
}
