import { sortedUnique } from '../domain/collections.ts';
import type { OutboxMessage } from '../domain/outbox/index.ts';
import {
  capacityLines,
  movedSlotLines,
  outboxMessages,
  Recipients,
  type ComposeOptions,
  type Person,
  type Section,
} from './messages.ts';
import { humanDate, humanRange, quarantineText, type QuarantineTextKey } from './templates.ts';
import type { Language } from '../domain/types.ts';

export type { OutboxMessage, ComposeOptions, Person };

/**
 * What happened and who must hear of it. There is deliberately no reason field: messages to staff
 * never state a health reason (DESIGN.md, Privacy), and what is not passed in cannot leak out.
 */
export interface QuarantineNotice {
  kind: 'marked' | 'lifted';
  department: { id: string; name: string; language: Language };
  quarantine: {
    id: string;
    subject: 'team' | 'member';
    teamLabel?: string;
    memberName?: string;
    startDate: string;
    endDate: string;
    /** For a lift: the first day the standby no longer applies. */
    liftedFrom?: string;
  };
  /** People who stay home (standby) on these dates — told the dates, NEVER a reason. For a lift: whose standby ends. */
  standby: { people: Person[]; dates: string[] };
  /** Teams taking over office days: each member is told their new office days. For a lift: the covering days they give back. */
  covering: { teamLabel: string; members: Person[]; dates: string[] }[];
  /** For a lift: office days handed back to the original team, whose members are told. */
  returned?: { teamLabel: string; members: Person[]; dates: string[] };
  /** Chiefs of the department: a summary with swaps and uncovered days. */
  chiefs: Person[];
  swaps: { date: string; fromTeamLabel: string; toTeamLabel: string | null }[];
  uncovered: string[];
  /** For the chief, when the organisation has set a remote capacity: the dates it now runs short (none: it holds). */
  capacity?: { newShortageDates: string[] };
}

/**
 * The outbox messages for a quarantine being marked or lifted: one message per person (everything
 * that person must know, in the department's language) by e-mail — or to the log when e-mail is
 * not configured — and one message to the department's Slack channel when it has a webhook.
 */
export function composeQuarantineMessages(
  notice: QuarantineNotice,
  opts: ComposeOptions,
): OutboxMessage[] {
  const lang = notice.department.language;
  const t = (key: QuarantineTextKey, vars: Record<string, string | number> = {}) =>
    quarantineText(lang, key, { department: notice.department.name, ...vars });
  const list = (dates: readonly string[]) =>
    sortedUnique(dates).map((d) => t('item', { text: humanDate(lang, d) }));
  const team = (label: string) => t('team', { label });
  const q = notice.quarantine;
  const lifted = notice.kind === 'lifted';
  const range = humanRange(lang, q.startDate, q.endDate);
  const liftDate = humanDate(lang, q.liftedFrom ?? q.startDate, true);

  const recipients = new Recipients();
  const add = (people: readonly Person[], section: Section) => recipients.add(people, section);

  if (!lifted) {
    const dates = notice.standby.dates.length
      ? ['', t('standbyDates'), ...list(notice.standby.dates)]
      : [];
    add(notice.standby.people, {
      subject: t('standbySubject', { range }),
      text: [t('standbyText', { range }), ...dates].join('\n'),
    });
  } else {
    add(notice.standby.people, {
      subject: t('liftedStandbySubject', { date: liftDate }),
      text: t('liftedStandbyText', { date: liftDate }),
    });
  }
  if (notice.returned && notice.returned.dates.length) {
    const r = notice.returned;
    add(r.members, {
      subject: t('returnedSubject', { team: team(r.teamLabel) }),
      text: [t('returnedText', { team: team(r.teamLabel) }), ...list(r.dates)].join('\n'),
    });
  }
  for (const c of notice.covering) {
    if (!c.dates.length) continue;
    const vars = { team: team(c.teamLabel) };
    add(c.members, {
      subject: t(lifted ? 'liftedCoveringSubject' : 'coveringSubject', vars),
      text: [t(lifted ? 'liftedCoveringText' : 'coveringText', vars), ...list(c.dates)].join('\n'),
    });
  }

  const summary = [...swapLines(notice, lang), '', ...uncoveredLines(notice, lang)];
  const count = new Set(notice.standby.people.map((p) => p.id)).size;
  const named = subjectOf(notice, lang, true);
  add(notice.chiefs, {
    subject: lifted
      ? t('liftedChiefSubject', { subject: named, date: liftDate })
      : t('chiefSubject', { subject: named, range }),
    text: [
      t('chiefHeading'),
      lifted
        ? t('liftedChiefText', { subject: named, date: liftDate, range, count })
        : t('chiefText', { subject: named, range, count }),
      '',
      ...summary,
      ...(notice.capacity ? ['', ...capacityLines(notice.capacity.newShortageDates, lang)] : []),
    ].join('\n'),
  });

  let slack: Section | null = null;
  if (opts.slackWebhookUrl || opts.teamsWebhookUrl) {
    // The channel reaches the whole department: a member quarantine is told without the name.
    const anonymous = subjectOf(notice, lang, false);
    const head = lifted
      ? t('slackLifted', { subject: anonymous, date: liftDate })
      : t('slackMarked', { subject: anonymous, range });
    slack = {
      subject: t(lifted ? 'slackSubjectLifted' : 'slackSubjectMarked'),
      text: [head, '', ...summary, '', t('feedsNote')].join('\n'),
    };
  }
  return outboxMessages(
    {
      lang,
      department: notice.department,
      topic: `quarantine.${notice.kind}`,
      refId: q.id,
      recipients,
      slack,
    },
    opts,
  );
}

/** Who is on standby, for the chief (named) or for the department's channel (a member unnamed). */
function subjectOf(notice: QuarantineNotice, lang: Language, named: boolean): string {
  const q = notice.quarantine;
  const team = q.teamLabel ? quarantineText(lang, 'team', { label: q.teamLabel }) : undefined;
  if (q.subject === 'team') return team ?? quarantineText(lang, 'team', { label: '?' });
  if (named && q.memberName)
    return quarantineText(lang, team ? 'memberOfTeam' : 'member', {
      name: q.memberName,
      team: team ?? '',
    });
  return team
    ? quarantineText(lang, 'anonymousMemberOfTeam', { team })
    : quarantineText(lang, 'anonymousMember');
}

function swapLines(notice: QuarantineNotice, lang: Language): string[] {
  if (!notice.swaps.length) return [quarantineText(lang, 'noSwaps')];
  return movedSlotLines(lang, notice.swaps);
}

function uncoveredLines(notice: QuarantineNotice, lang: Language): string[] {
  if (!notice.uncovered.length) return [quarantineText(lang, 'noUncovered')];
  return [
    quarantineText(lang, 'uncoveredHeading'),
    ...sortedUnique(notice.uncovered).map((d) =>
      quarantineText(lang, 'item', { text: humanDate(lang, d) }),
    ),
  ];
}
