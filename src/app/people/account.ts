import { problem } from '../../domain/problems/index.ts';
import type { CompiledQuery } from 'kysely';
import { totpOf } from '../../db/repos/credentials.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { deletePasskeyQuery, passkeysOf } from '../../db/repos/passkeys.ts';
import { personById, type Person } from '../../db/repos/people.ts';
import { endSessionQuery, openSessionsOf } from '../../db/repos/sessions.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { credentialText } from '../../notify/invitation.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { conflict, forbidden, notFound, type Failure } from '../failure.ts';
import { personEmailQueries } from './invitation-message.ts';

/** The person an actor is (signed in as a person, not with an API token), or undefined. */
export async function personOf(deps: Deps, actor: Actor): Promise<Person | undefined> {
  const id = /^person:(.+)$/.exec(actor.tokenId)?.[1];
  return id ? personById(deps.db, id) : undefined;
}

/** A person's ways to sign in and their open sessions, for their own account page. */
export interface Account {
  person: Person;
  /** The zone the person's times are shown in: their department's, else Asia/Tokyo. */
  zone: string;
  passkeys: { id: string; deviceName: string; createdAt: string; lastUsedAt: string | null }[];
  totp: boolean;
  sessions: {
    id: string;
    method: string;
    createdAt: string;
    lastSeenAt: string;
    userAgent: string;
  }[];
}

const notPerson = (): Failure =>
  forbidden('This is a person’s own page: sign in with your passkey (not an API token).');

export async function readAccount(deps: Deps, actor: Actor): Promise<Result<Account, Failure>> {
  const person = await personOf(deps, actor);
  if (!person) return err(notPerson());
  const [passkeys, totp, sessions, department] = await Promise.all([
    passkeysOf(deps.db, person.id),
    totpOf(deps.db, person.id),
    openSessionsOf(deps.db, person.id),
    person.departmentId ? departmentById(deps.db, person.departmentId) : undefined,
  ]);
  return ok({
    person,
    zone: department?.timezone ?? 'Asia/Tokyo',
    passkeys: passkeys.map(({ id, deviceName, createdAt, lastUsedAt }) => ({
      id,
      deviceName,
      createdAt,
      lastUsedAt,
    })),
    totp: Boolean(totp?.confirmedAt),
    sessions: sessions.map(({ id, method, createdAt, lastSeenAt, userAgent }) => ({
      id,
      method,
      createdAt,
      lastSeenAt,
      userAgent,
    })),
  });
}

/** The e-mail telling the person a credential changed, for the same batch as the change. */
export async function credentialNoticeQueries(
  deps: Deps,
  person: Person,
  change: 'passkey.add' | 'passkey.remove' | 'totp.add',
  at: string,
  device?: string,
): Promise<CompiledQuery[]> {
  const department = person.departmentId
    ? ((await departmentById(deps.db, person.departmentId)) ?? null)
    : null;
  const { subject, body } = credentialText(department?.language ?? 'ja', {
    name: person.name,
    change,
    ...(device ? { device } : {}),
  });
  return personEmailQueries(deps, person, department, 'credential.change', subject, body, at);
}

/**
 * Removes one of the person's own passkeys (audited; they are told by e-mail). HR, admins and
 * chiefs keep at least one second factor: their last one cannot go (an admin's reset can).
 */
export async function removePasskey(
  deps: Deps,
  actor: Actor,
  passkeyId: string,
): Promise<Result<true, Failure>> {
  const account = await readAccount(deps, actor);
  if (!account.ok) return account;
  const { person, passkeys, totp } = account.value;
  const passkey = passkeys.find((p) => p.id === passkeyId);
  if (!passkey) return err(notFound('No such passkey of yours.'));
  if (person.role !== 'staff' && passkeys.length === 1 && !totp)
    return err(
      conflict(
        'Keep at least one passkey or authenticator app: add another first.',
        undefined,
        problem('keep-one-credential'),
      ),
    );
  const at = deps.now().toISOString();
  await deps.atomic([
    deletePasskeyQuery(deps.db, passkeyId, person.id),
    auditEntry(deps, actor, at, 'passkey.remove', { type: 'person', id: person.id }, { passkeyId }),
    ...(await credentialNoticeQueries(deps, person, 'passkey.remove', at, passkey.deviceName)),
  ]);
  return ok(true);
}

/** Ends the person's sessions but the one in use ("sign out everywhere else"). */
export async function endOtherSessions(
  deps: Deps,
  actor: Actor,
  currentSessionId: string,
): Promise<Result<number, Failure>> {
  const account = await readAccount(deps, actor);
  if (!account.ok) return account;
  const others = account.value.sessions.filter((s) => s.id !== currentSessionId);
  const at = deps.now().toISOString();
  await deps.atomic([
    ...others.map((s) => endSessionQuery(deps.db, s.id, at)),
    auditEntry(
      deps,
      actor,
      at,
      'session.end-others',
      { type: 'person', id: account.value.person.id },
      { ended: others.length },
    ),
  ]);
  return ok(others.length);
}
