import type { OutboxMessage } from '../domain/outbox/index.ts';
import type { Language } from '../domain/types.ts';
import { chatText } from './chat-text.ts';
import { outboxMessages, Recipients, type ComposeOptions, type Person } from './messages.ts';
import { humanDate, humanHours, quarantineText } from './templates.ts';

/** How many of the new team's office days a move notice lists. */
export const MOVE_NOTICE_DAYS = 5;

/** A member moved to another team by their chief: what they must know of their own days. */
export interface MoveNotice {
  department: { id: string; name: string; language: Language };
  rotationId: string;
  person: Person;
  teamLabel: string;
  effectiveDate: string;
  /** The first day they join the new team's office days (the bridging rule). */
  officeFrom: string;
  /** The new team's office days from officeFrom (as planned), at most MOVE_NOTICE_DAYS of them. */
  officeDays: { date: string; start: string; end: string }[];
}

/**
 * The message telling a moved member their new team, from when they join its office days, and
 * those days — to them only (by e-mail, or the log); nothing to the channels, a move is personal.
 */
export function composeMoveMessages(notice: MoveNotice, opts: ComposeOptions): OutboxMessage[] {
  const lang = notice.department.language;
  const team = quarantineText(lang, 'team', { label: notice.teamLabel });
  const date = humanDate(lang, notice.effectiveDate, true);
  const t = (key: Parameters<typeof chatText>[1], vars: Record<string, string> = {}) =>
    chatText(lang, key, { department: notice.department.name, team, date, ...vars });
  const days = notice.officeDays;
  const lines = [
    t('moveText'),
    ...(notice.officeFrom > notice.effectiveDate
      ? [t('moveBridging', { officeFrom: humanDate(lang, notice.officeFrom, true) })]
      : []),
    '',
    ...(days.length
      ? [
          t('moveOfficeDays'),
          ...days.map((d) =>
            quarantineText(lang, 'item', {
              text: `${humanDate(lang, d.date)} ${humanHours(d.start, d.end)}`,
            }),
          ),
        ]
      : [t('moveNoOfficeDays')]),
  ];
  const recipients = new Recipients();
  recipients.add([notice.person], { subject: t('moveSubject'), text: lines.join('\n') });
  return outboxMessages(
    {
      lang,
      department: notice.department,
      topic: 'rotation.move',
      refId: notice.rotationId,
      recipients,
      slack: null,
    },
    opts,
  );
}
