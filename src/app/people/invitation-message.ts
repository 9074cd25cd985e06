import type { CompiledQuery } from 'kysely';
import { insertOutboxQueries } from '../../db/repos/outbox.ts';
import type { Person } from '../../db/repos/people.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import type { Department } from '../../domain/types.ts';
import { invitationText } from '../../notify/invitation.ts';
import type { Actor } from '../actor.ts';
import type { Deps } from '../deps.ts';
import { createFeed } from '../feeds/index.ts';
import { INVITATION_DAYS } from './relying-party.ts';

/**
 * The invitation e-mail, for the caller's atomic batch (see personEmailQueries): a member's
 * carries a new calendar feed's three links, so that subscribing needs no sign-in. The inviter
 * has the link either way.
 */
export async function invitationMessageQueries(
  deps: Deps,
  actor: Actor,
  person: Person,
  department: Department | null,
  url: string,
  at: string,
): Promise<CompiledQuery[]> {
  const lang = department?.language ?? 'ja';
  const zone = department?.timezone ?? 'Asia/Tokyo';
  const expires = dateInZone(new Date(Date.parse(at) + INVITATION_DAYS * 86_400_000), zone);
  const feed = person.memberId
    ? await createFeed(deps, actor, { scope: 'member', id: person.memberId })
    : null;
  const { subject, body } = invitationText(lang, {
    name: person.name,
    url,
    expires,
    calendar: feed?.ok ? feed.value : undefined,
  });
  return personEmailQueries(deps, person, department, 'invitation', subject, body, at);
}

/**
 * An e-mail to a person, for the caller's atomic batch: through the outbox (retried) for a
 * department's people; an organisation user's (no department) is sent at once when e-mail is set
 * up, else logged.
 */
export async function personEmailQueries(
  deps: Deps,
  person: Person,
  department: Department | null,
  topic: string,
  subject: string,
  body: string,
  at: string,
): Promise<CompiledQuery[]> {
  if (!department) {
    // Without e-mail it is logged in full, as the outbox's log channel does for members.
    if (!deps.channels?.sendEmail) {
      deps.log(`${topic} e-mail to ${person.email} (no e-mail channel): ${subject}\n${body}`);
      return [];
    }
    try {
      await deps.channels.sendEmail(person.email, subject, body);
    } catch (e) {
      deps.log(`${topic} e-mail to person ${person.id} not sent (${(e as Error).message})`);
    }
    return [];
  }
  return insertOutboxQueries(deps.db, [
    {
      id: deps.newId(),
      createdAt: at,
      departmentId: department.id,
      topic,
      refId: person.id,
      channel: deps.channels?.sendEmail ? 'email' : 'log',
      recipient: person.email,
      subject,
      body,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      sentAt: null,
    },
  ]);
}
