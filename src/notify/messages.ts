import type { OutboxChannel, OutboxMessage } from '../domain/outbox/index.ts';
import type { Language } from '../domain/types.ts';
import { byString, sortedUnique } from '../domain/collections.ts';
import { humanDate, quarantineText } from './templates.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface ComposeOptions {
  /** The department's webhook, else the organisation's; null: no Slack message. */
  slackWebhookUrl: string | null;
  /** The department's Teams Workflows webhook, else the organisation's; null or absent: none. */
  teamsWebhookUrl?: string | null;
  /** Can this runtime send e-mail? If not, messages to people go to the log channel. */
  emailEnabled: boolean;
  /** The instant the messages are created (ISO); they are due at once. */
  at: string;
  newId: () => string;
}

/** One thing a person must hear: its subject line and its text. */
export interface Section {
  subject: string;
  text: string;
}

/** Each person's sections, in the order people first appear (one message a person). */
export class Recipients {
  private readonly byPerson = new Map<string, { person: Person; sections: Section[] }>();
  add(people: readonly Person[], section: Section): void {
    for (const p of uniqueById(people)) {
      const entry = this.byPerson.get(p.id) ?? { person: p, sections: [] };
      entry.sections.push(section);
      this.byPerson.set(p.id, entry);
    }
  }
  entries() {
    return this.byPerson.values();
  }
}

/**
 * The outbox messages of one event: one a person (every section of theirs, in the department's
 * language, between greeting and signature) by e-mail — or to the log when e-mail is not
 * configured — and one to the department's Slack and Teams channels when it has webhooks.
 */
export function outboxMessages(
  event: {
    lang: Language;
    department: { id: string; name: string };
    topic: string;
    refId: string;
    recipients: Recipients;
    slack: Section | null;
    /** Say that calendars follow within hours (default): not for a reminder, which changes nothing. */
    feedsNote?: boolean;
  },
  opts: ComposeOptions,
): OutboxMessage[] {
  const t = (key: 'greeting' | 'intro' | 'feedsNote' | 'signature', name = '') =>
    quarantineText(event.lang, key, { department: event.department.name, name });
  const message = (
    channel: OutboxChannel,
    recipient: string,
    subject: string,
    body: string,
  ): OutboxMessage => ({
    id: opts.newId(),
    createdAt: opts.at,
    departmentId: event.department.id,
    topic: event.topic,
    refId: event.refId,
    channel,
    recipient,
    subject,
    body,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: opts.at,
    lastError: null,
    sentAt: null,
  });
  const messages: OutboxMessage[] = [];
  const note = event.feedsNote === false ? '' : `\n\n${t('feedsNote')}`;
  const [intro, tail] = [t('intro'), `${note}\n\n${t('signature')}`];
  for (const { person, sections } of event.recipients.entries()) {
    const text = sections.map((s) => s.text).join('\n\n');
    const body = `${t('greeting', person.name)}\n\n${intro}\n\n${text}${tail}`;
    const email = person.email.trim();
    const channel = opts.emailEnabled && email ? 'email' : 'log';
    messages.push(message(channel, email || `member:${person.id}`, sections[0]!.subject, body));
  }
  if (opts.slackWebhookUrl && event.slack)
    messages.push(message('slack', opts.slackWebhookUrl, event.slack.subject, event.slack.text));
  // The same channel message goes to Teams, where the delivery worker wraps it in an Adaptive Card.
  if (opts.teamsWebhookUrl && event.slack)
    messages.push(message('teams', opts.teamsWebhookUrl, event.slack.subject, event.slack.text));
  return messages;
}

function uniqueById(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
}

/** The chiefs' lines on remote capacity: the dates it now runs short, or that it holds. */
export function capacityLines(dates: readonly string[], lang: Language): string[] {
  if (!dates.length) return [quarantineText(lang, 'capacityHolds')];
  return [
    quarantineText(lang, 'capacityShortHeading'),
    ...sortedUnique(dates).map((d) => quarantineText(lang, 'item', { text: humanDate(lang, d) })),
  ];
}

/**
 * The lines of slots that changed hands, by date then team: "date　from → to" (a null team:
 * nobody). With `close`, a day given to nobody reads as the office closed, and back as reopened.
 */
export function movedSlotLines(
  lang: Language,
  slots: readonly { date: string; fromTeamLabel: string | null; toTeamLabel: string | null }[],
  close = false,
): string[] {
  const team = (label: string | null) =>
    label === null ? quarantineText(lang, 'noTeam') : quarantineText(lang, 'team', { label });
  const sorted = [...slots].sort(
    (a, b) => byString(a.date, b.date) || byString(a.fromTeamLabel ?? '', b.fromTeamLabel ?? ''),
  );
  return [
    quarantineText(lang, 'swapsHeading'),
    ...sorted.map((m) => {
      const date = humanDate(lang, m.date);
      const text =
        close && m.toTeamLabel === null
          ? quarantineText(lang, 'closedLine', { date, from: team(m.fromTeamLabel) })
          : close && m.fromTeamLabel === null
            ? quarantineText(lang, 'reopenedLine', { date, to: team(m.toTeamLabel) })
            : quarantineText(lang, 'swapLine', {
                date,
                from: team(m.fromTeamLabel),
                to: team(m.toTeamLabel),
              });
      return quarantineText(lang, 'item', { text });
    }),
  ];
}
