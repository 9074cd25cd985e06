import { workingDays, maxDate, minDate } from '../domain/calendar/index.ts';
import { groupBy } from '../domain/collections.ts';
import {
  memberDayKind,
  type MemberDayKind,
  type StandbyLookup,
} from '../domain/quarantine/index.ts';
import {
  coversDate,
  type Membership,
  type ShiftRecord,
  type TeamRef,
} from '../domain/rotation/index.ts';
import type { DepartmentCalendar, IsoDate, Language } from '../domain/types.ts';
import { feedText, teamName } from './feed-text.ts';

/** A published rotation as feeds see it. */
export interface FeedRotation {
  startDate: IsoDate;
  endDate: IsoDate;
  teams: TeamRef[];
  memberships: Membership[];
  /** Scheduled shifts only. */
  shifts: ShiftRecord[];
  bufferDates: ReadonlySet<IsoDate>;
  /** Working days an override closed (nobody in the office on purpose). */
  closedDates?: ReadonlySet<IsoDate>;
}

export interface FeedContext {
  calendar: DepartmentCalendar;
  language: Language;
  rotations: FeedRotation[];
  from: IsoDate;
  to: IsoDate;
  standby?: StandbyLookup;
}

export type FeedDayKind = 'office' | 'remote' | 'standby' | 'buffer' | 'closed' | 'uncovered';

/** A stretch of a day: one contiguous run of a team's own slots, or the office hours. */
export interface Block {
  start: string;
  end: string;
  /** The block's first slot (0 for the office hours). */
  slot: number;
}

/** One (subject, day): what it is, when, and how it reads. Never a health reason. */
export interface FeedDay {
  date: IsoDate;
  kind: FeedDayKind;
  /** The first block's start and end. */
  start: string;
  end: string;
  /**
   * When the day happens, in order: for an office day one block per run of the subject's own
   * consecutive slots (a slot of another team in between splits it), else the office hours.
   */
  blocks: Block[];
  summary: string;
  description: string | null;
  /** Remote and empty days must not block free/busy. */
  transparent: boolean;
  /** The office team(s) of the day, for the JSON view. */
  officeTeamIds: string[];
}

const NO_STANDBY: StandbyLookup = { team: () => false, member: () => false };

interface Day {
  date: IsoDate;
  rotation: FeedRotation;
  shifts: ShiftRecord[];
  /** The office team(s) of the day, each once. */
  officeTeamIds: string[];
}

// A context's days and its members' memberships, worked out once: a department's feeds are rendered
// one after another from one context (after a quarantine, every member's), and each member's days
// would otherwise repeat the calendar and scan every membership on every day.
const daysOf = new WeakMap<FeedContext, { key: unknown[]; days: Day[] }>();
const membershipsOf = new WeakMap<FeedRotation, Map<string, Membership[]>>();

/** The working days of the context's rotations in its window (computed once per context). */
function days(ctx: FeedContext): Day[] {
  const key = [ctx.calendar, ctx.rotations, ctx.from, ctx.to];
  const known = daysOf.get(ctx);
  if (known && known.key.every((k, i) => k === key[i])) return known.days;
  const computed = workingDaysWithShifts(ctx);
  daysOf.set(ctx, { key, days: computed });
  return computed;
}

/** A member's memberships in a rotation. */
function membershipsIn(rotation: FeedRotation, memberId: string): Membership[] {
  let byMember = membershipsOf.get(rotation);
  if (!byMember)
    membershipsOf.set(rotation, (byMember = groupBy(rotation.memberships, (m) => m.memberId)));
  return byMember.get(memberId) ?? [];
}

/** The working days of the published rotations inside the window, each with its scheduled shifts. */
function workingDaysWithShifts(ctx: FeedContext): Day[] {
  const out: Day[] = [];
  for (const rotation of ctx.rotations) {
    const from = maxDate(rotation.startDate, ctx.from);
    const to = minDate(rotation.endDate, ctx.to);
    if (from > to) continue;
    const byDate = groupBy(
      rotation.shifts.filter((s) => s.date >= from && s.date <= to),
      (s) => s.date,
    );
    for (const date of workingDays(ctx.calendar, from, to)) {
      const shifts = (byDate.get(date) ?? []).sort((a, b) => a.slot - b.slot);
      out.push({
        date,
        rotation,
        shifts,
        officeTeamIds: [...new Set(shifts.map((s) => s.teamId))],
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const span = (shifts: ShiftRecord[]) => ({
  start: shifts.reduce((m, s) => (s.start < m ? s.start : m), shifts[0]!.start),
  end: shifts.reduce((m, s) => (s.end > m ? s.end : m), shifts[0]!.end),
});

/** The day's hours as one block with their start and end. */
const whole = (hours: { start: string; end: string }) => ({
  ...hours,
  blocks: [{ ...hours, slot: 0 }],
});

/**
 * The runs of `teamId`'s consecutive slots in a day's shifts (sorted by slot): never a stretch
 * that holds another team's slot, so nobody is shown in the office while another team is.
 */
function ownBlocks(shifts: readonly ShiftRecord[], teamId: string): Block[] {
  const blocks: Block[] = [];
  let inRun = false;
  for (const s of shifts) {
    if (s.teamId !== teamId) inRun = false;
    else if (inRun) blocks[blocks.length - 1]!.end = s.end;
    else {
      blocks.push({ start: s.start, end: s.end, slot: s.slot });
      inRun = true;
    }
  }
  return blocks;
}

// Summaries repeat on every day of every feed: each (language, text, team) is filled in once.
const summaries = new Map<string, string>();
function summaryOf(lang: Language, key: 'office' | 'remote' | 'standby', label: string): string {
  const k = `${lang}\u0000${key}\u0000${label}`;
  let text = summaries.get(k);
  if (text === undefined) {
    text =
      key === 'office'
        ? feedText(lang, 'office', { team: teamName(lang, label) })
        : feedText(lang, key);
    if (summaries.size >= 10_000) summaries.clear();
    summaries.set(k, text);
  }
  return text;
}

/**
 * A team's day as its members' feeds show it, made once per (day, team, kind): the members of a
 * team share their days, and their feeds are rendered one after another from one context.
 */
const madeTeamDays = new WeakMap<Day, Map<string, FeedDay>>();
function teamDay(ctx: FeedContext, d: Day, team: TeamRef, kind: MemberDayKind): FeedDay {
  let made = madeTeamDays.get(d);
  if (!made) madeTeamDays.set(d, (made = new Map()));
  const key = `${team.id}|${kind}`;
  let day = made.get(key);
  if (!day) made.set(key, (day = makeTeamDay(ctx, d, team, kind)));
  return day;
}

function makeTeamDay(ctx: FeedContext, d: Day, team: TeamRef, kind: MemberDayKind): FeedDay {
  const hours = ctx.calendar.officeHours;
  const officeTeamIds = d.officeTeamIds;
  if (kind === 'standby')
    return {
      date: d.date,
      kind: 'standby',
      start: hours.start,
      end: hours.end,
      blocks: [{ start: hours.start, end: hours.end, slot: 0 }],
      summary: summaryOf(ctx.language, 'standby', ''),
      description: null,
      transparent: false,
      officeTeamIds,
    };
  if (kind === 'office') {
    const blocks = ownBlocks(d.shifts, team.id);
    return {
      date: d.date,
      kind: 'office',
      start: blocks[0]!.start,
      end: blocks[0]!.end,
      blocks,
      summary: summaryOf(ctx.language, 'office', team.label),
      description: null,
      transparent: false,
      officeTeamIds,
    };
  }
  return {
    date: d.date,
    kind: 'remote',
    start: hours.start,
    end: hours.end,
    blocks: [{ start: hours.start, end: hours.end, slot: 0 }],
    summary: summaryOf(ctx.language, 'remote', ''),
    description: null,
    transparent: true,
    officeTeamIds,
  };
}

/** A member's days: office with their team (once the bridging rule lets them), standby, or remote. */
export function memberDays(ctx: FeedContext, memberId: string): FeedDay[] {
  const standby = ctx.standby ?? NO_STANDBY;
  const out: FeedDay[] = [];
  for (const d of days(ctx)) {
    const m = membershipsIn(d.rotation, memberId).find((x) => coversDate(x, d.date));
    const team = m && d.rotation.teams.find((t) => t.id === m.teamId);
    if (!m || !team) continue;
    const inOffice = d.officeTeamIds.includes(team.id);
    out.push(teamDay(ctx, d, team, memberDayKind(m, d.date, inOffice, standby)));
  }
  return out;
}

/** A team's days in its own rotation. */
export function teamDays(ctx: FeedContext, teamId: string): FeedDay[] {
  const standby = ctx.standby ?? NO_STANDBY;
  return days(ctx).flatMap((d) => {
    const team = d.rotation.teams.find((t) => t.id === teamId);
    if (!team) return [];
    return [
      teamDay(
        ctx,
        d,
        team,
        standby.team(d.date, teamId)
          ? 'standby'
          : d.shifts.some((s) => s.teamId === teamId)
            ? 'office'
            : 'remote',
      ),
    ];
  });
}

/** The department's days: who is in the office (per slot when there are several), who is in standby. */
export function departmentDays(ctx: FeedContext): FeedDay[] {
  const standby = ctx.standby ?? NO_STANDBY;
  const lang = ctx.language;
  return days(ctx).map((d) => {
    const label = (id: string) =>
      teamName(lang, d.rotation.teams.find((t) => t.id === id)?.label ?? '?');
    const officeTeamIds = d.officeTeamIds;
    const waiting = d.rotation.teams
      .filter((t) => standby.team(d.date, t.id))
      .map((t) => label(t.id));
    const description = waiting.length
      ? feedText(lang, 'standbyTeams', { teams: waiting.join(feedText(lang, 'teamsJoin')) })
      : null;
    if (!d.shifts.length) {
      const kind = d.rotation.bufferDates.has(d.date)
        ? 'buffer'
        : d.rotation.closedDates?.has(d.date)
          ? 'closed'
          : 'uncovered';
      return {
        date: d.date,
        kind,
        ...whole(ctx.calendar.officeHours),
        summary: feedText(lang, kind),
        description,
        transparent: true,
        officeTeamIds,
      };
    }
    const teams =
      officeTeamIds.length > 1
        ? d.shifts.map((s) =>
            feedText(lang, 'slot', { team: label(s.teamId), start: s.start, end: s.end }),
          )
        : officeTeamIds.map(label);
    const summary = feedText(lang, 'departmentOffice', {
      teams: teams.join(feedText(lang, 'teamsJoin')),
    });
    return {
      date: d.date,
      kind: 'office',
      // The department's day: its summary names each slot's team.
      ...whole(span(d.shifts)),
      summary,
      description,
      transparent: false,
      officeTeamIds,
    };
  });
}

/** What identifies a day's content: a change here must raise the event's SEQUENCE. */
export function signatureOf(day: FeedDay, allDay: boolean): string {
  return JSON.stringify([
    day.kind,
    allDay ? null : day.start,
    allDay ? null : day.end,
    day.summary,
    day.description,
    day.transparent,
    // Only a day of several blocks says more (the stored signatures of other days stay as they were).
    ...(allDay || day.blocks.length < 2 ? [] : [day.blocks.map((b) => [b.start, b.end])]),
  ]);
}
