import type { OutboxMessage } from '../domain/outbox/index.ts';
import type { Language } from '../domain/types.ts';
import {
  capacityLines,
  movedSlotLines,
  outboxMessages,
  Recipients,
  type ComposeOptions,
  type Person,
  type Section,
} from './messages.ts';
import { humanDate, quarantineText, type QuarantineTextKey } from './templates.ts';

/**
 * A chief's override (or its undo) and who must hear of it: each person whose own days change
 * is told their days as they are now; the chiefs and the department's channel get the summary.
 */
export interface OverrideNotice {
  kind: 'created' | 'undone';
  overrideId: string;
  department: { id: string; name: string; language: Language };
  /** Who made the change (the chief summary names the role). */
  by: 'chief' | 'admin';
  /** Is it a close (the office shut for the day), or the undo of one? */
  close: boolean;
  /** A close's reason, shown to everyone (the chief wrote it for them). */
  reason: string | null;
  /** Each person whose days change, with each day as it is now (no team: remote). */
  people: { person: Person; days: { date: string; teamLabel: string | null; closed: boolean }[] }[];
  chiefs: Person[];
  /** Each slot that changed hands (null: nobody in the office, the office closed). */
  moved: { date: string; fromTeamLabel: string | null; toTeamLabel: string | null }[];
  /** When the organisation has set a remote capacity: the dates it now runs short (none: it holds). */
  capacity?: { newShortageDates: string[] };
}

/** The outbox messages for an override: one a person whose days change, the chiefs' summary, Slack. */
export function composeOverrideMessages(
  notice: OverrideNotice,
  opts: ComposeOptions,
): OutboxMessage[] {
  const lang = notice.department.language;
  const t = (key: QuarantineTextKey, vars: Record<string, string | number> = {}) =>
    quarantineText(lang, key, { department: notice.department.name, ...vars });
  const undone = notice.kind === 'undone';
  const recipients = new Recipients();
  // People of one team share their days: each distinct list of days is written once (a swap in a
  // department of 1,000 tells 500 people two lines each).
  const sections = new Map<string, Section>();
  for (const { person, days } of notice.people) {
    const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1));
    const key = sorted.map((d) => `${d.date}|${d.teamLabel ?? ''}|${d.closed}`).join(';');
    let section = sections.get(key);
    if (!section) {
      const lines = sorted.map((d) => {
        const date = humanDate(lang, d.date);
        const text = d.teamLabel
          ? t('dayOffice', { date, team: t('team', { label: d.teamLabel }) })
          : d.closed
            ? notice.reason
              ? t('dayClosedReason', { date, reason: notice.reason })
              : t('dayClosed', { date })
            : t('dayRemote', { date });
        return t('item', { text });
      });
      section = {
        subject: t(undone ? 'undoSubject' : 'overrideSubject'),
        text: [t(undone ? 'undoText' : 'overrideText'), ...lines].join('\n'),
      };
      sections.set(key, section);
    }
    recipients.add([person], section);
  }
  const summary = movedSlotLines(lang, notice.moved, notice.close);
  const capacity = notice.capacity
    ? ['', ...capacityLines(notice.capacity.newShortageDates, lang)]
    : [];
  const count = new Set(notice.moved.map((m) => m.date)).size;
  recipients.add(notice.chiefs, {
    subject: t('overrideChiefSubject', { count }),
    text: [
      t('chiefHeading'),
      t(undone ? 'undoChiefText' : 'overrideChiefText', {
        by: t(notice.by === 'chief' ? 'byChief' : 'byAdmin'),
      }),
      '',
      ...summary,
      ...capacity,
    ].join('\n'),
  });
  const slack: Section | null =
    opts.slackWebhookUrl || opts.teamsWebhookUrl
      ? {
          subject: t('slackSubjectOverride'),
          text: [
            t(undone ? 'undoSlack' : 'overrideSlack'),
            '',
            ...summary,
            '',
            t('feedsNote'),
          ].join('\n'),
        }
      : null;
  return outboxMessages(
    {
      lang,
      department: notice.department,
      topic: `override.${notice.kind}`,
      refId: notice.overrideId,
      recipients,
      slack,
    },
    opts,
  );
}
