import { departmentById } from '../../db/repos/departments.ts';
import { activeMemberBySlackUserId } from '../../db/repos/members.ts';
import {
  addDays,
  calendarOf,
  clockText,
  dateInZone,
  isWorkingDay,
} from '../../domain/calendar/index.ts';
import type { Department, Language, Member } from '../../domain/types.ts';
import { chatText } from '../../notify/chat-text.ts';
import { humanDate, humanHours, quarantineText } from '../../notify/templates.ts';
import type { Deps } from '../deps.ts';
import { memberScheduleDays } from '../feeds/index.ts';
import { officeDay } from './office.ts';

/** How far `/bunsan 予定` looks ahead, and how many office days it lists at most. */
export const SCHEDULE_DAYS_AHEAD = 60;
export const SCHEDULE_OFFICE_DAYS = 5;

const TODAY = new Set(['今日', 'きょう', 'today']);
const SCHEDULE = new Set(['予定', 'よてい', 'schedule', 'next']);
const HELP = new Set(['', 'help', 'ヘルプ', '?', '？']);

/**
 * The answer to `/bunsan {text}` from the Slack user `userId`: today's office team(s) of their
 * department and who is in, their own next office days and standby, or the help — in the
 * department's language. Anyone not linked to an active member gets a short explanation in both
 * languages. Never a health reason: standby is said, not why.
 */
export async function slashCommandAnswer(
  deps: Deps,
  input: { userId: string; text: string },
): Promise<string> {
  const member = input.userId ? await activeMemberBySlackUserId(deps.db, input.userId) : undefined;
  const department = member && (await departmentById(deps.db, member.departmentId));
  if (!member || !department) return chatText('ja', 'unknownCaller');
  const lang = department.language;
  const word = input.text.normalize('NFKC').trim().toLowerCase();
  if (TODAY.has(word)) return todayAnswer(deps, department);
  if (SCHEDULE.has(word)) return scheduleAnswer(deps, department, member);
  if (HELP.has(word)) return chatText(lang, 'help');
  return `${chatText(lang, 'unknownCommand', { text: input.text.trim().slice(0, 40) })}\n${chatText(lang, 'help')}`;
}

async function todayAnswer(deps: Deps, department: Department): Promise<string> {
  const lang = department.language;
  const today = dateInZone(deps.now(), department.timezone);
  const date = humanDate(lang, today, true);
  const day = await officeDay(deps, department, today);
  const t = (key: Parameters<typeof chatText>[1], vars: Record<string, string> = {}) =>
    chatText(lang, key, { department: department.name, date, ...vars });
  if (day.kind === 'none')
    return t(isWorkingDay(calendarOf(department), today) ? 'todayNoRotation' : 'todayNotWorking');
  if (day.kind === 'closed') return t('todayClosed');
  if (day.kind === 'buffer') return t('todayBuffer');
  if (day.kind !== 'office') return t('todayUncovered');
  const several = day.teams.length > 1;
  return [
    t('todayHeading'),
    ...day.teams.map((team) => {
      const vars = {
        team: quarantineText(lang, 'team', { label: team.label }),
        start: clockText(team.start),
        end: clockText(team.end),
        people: team.people.map((p) => p.name).join(t('peopleJoin')),
      };
      if (!team.people.length) return t('todayTeamNobody', vars);
      return t(several ? 'todayTeamSlot' : 'todayTeamLine', vars);
    }),
  ].join('\n');
}

async function scheduleAnswer(deps: Deps, department: Department, member: Member) {
  const lang: Language = department.language;
  const today = dateInZone(deps.now(), department.timezone);
  const days = await memberScheduleDays(
    deps,
    member.id,
    department,
    today,
    addDays(today, SCHEDULE_DAYS_AHEAD),
  );
  const t = (key: Parameters<typeof chatText>[1], vars: Record<string, string | number> = {}) =>
    chatText(lang, key, { department: department.name, name: member.name, ...vars });
  const office = days.filter((d) => d.kind === 'office').slice(0, SCHEDULE_OFFICE_DAYS);
  // The standby that holds now or comes first: its last working day before the next other day.
  const firstStandby = days.findIndex((d) => d.kind === 'standby');
  let standbyUntil: string | null = null;
  for (let i = firstStandby; i >= 0 && i < days.length && days[i]!.kind === 'standby'; i++)
    standbyUntil = days[i]!.date;
  return [
    t('scheduleHeading'),
    ...(standbyUntil ? [t('scheduleStandby', { date: humanDate(lang, standbyUntil, true) })] : []),
    ...(office.length
      ? [
          t('scheduleOffice'),
          ...office.map((d) =>
            t('scheduleItem', {
              text: `${humanDate(lang, d.date, true)} ${humanHours(d.start, d.end)}`,
            }),
          ),
        ]
      : [t('scheduleNoOffice', { days: SCHEDULE_DAYS_AHEAD })]),
  ].join('\n');
}
