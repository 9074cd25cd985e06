import { isoWeekIndex } from '../calendar/index.ts';
import type { IsoDate } from '../types.ts';

/** What a pattern decides: for each office day, the team of each slot in order; and the dates left empty. */
export interface PatternLayout {
  days: { date: IsoDate; teams: string[] }[];
  bufferDates: IsoDate[];
}

/** Everything a pattern strategy may look at; strategies are pure and know nothing of times of day. */
export interface PatternContext {
  workingDates: IsoDate[];
  slotCount: number;
  teamLabels: readonly string[];
  cycle: readonly string[];
  bufferDays: number;
  timezone: string;
}

/** A rotation pattern as a strategy: working dates in, a layout out. */
export type PatternStrategy = (ctx: PatternContext) => PatternLayout;

/**
 * The buffer rule every pattern shares: a working date stays empty while the team due (its first
 * slot) differs from the team of the last office day and fewer than `bufferDays` empty working
 * days have passed since that office day. Buffer days never consume a team's turn.
 */
function layOut(
  ctx: PatternContext,
  due: (date: IsoDate) => string[],
  taken: (teams: string[]) => void,
): PatternLayout {
  const days: PatternLayout['days'] = [];
  const bufferDates: IsoDate[] = [];
  let lastTeam: string | undefined;
  let emptySince = 0;
  for (const date of ctx.workingDates) {
    const teams = due(date);
    if (lastTeam !== undefined && teams[0] !== lastTeam && emptySince < ctx.bufferDays) {
      bufferDates.push(date);
      emptySince++;
      continue;
    }
    days.push({ date, teams });
    taken(teams);
    lastTeam = teams[teams.length - 1];
    emptySince = 0;
  }
  return { days, bufferDates };
}

/** Turn-based layout: a turn is one slot of one office day, and turns take the labels of `sequence` in order, wrapping round. */
function byTurns(sequence: readonly string[], ctx: PatternContext): PatternLayout {
  let next = 0;
  const due = () =>
    Array.from({ length: ctx.slotCount }, (_, s) => sequence[(next + s) % sequence.length]!);
  return layOut(ctx, due, () => {
    next += ctx.slotCount;
  });
}

/** 'daily': teams take turns by working day (by slot when a day has several): A, B, C, A, … */
export const daily: PatternStrategy = (ctx) => byTurns(ctx.teamLabels, ctx);

/** 'cycle': the explicit label sequence, one label per turn (slot of an office day), repeated. */
export const cycle: PatternStrategy = (ctx) => byTurns(ctx.cycle, ctx);

/**
 * 'weekly': one team per ISO week (Monday–Sunday) in label order, holding every slot of that week's
 * working days. The turn passes at a week boundary only once the team has had an office day, so a
 * week without working days, or one wholly taken by buffer days, does not use up a team's turn.
 */
export const weekly: PatternStrategy = (ctx) => {
  let turn = 0;
  let week: number | undefined;
  let hadOfficeDay = false;
  const due = (date: IsoDate) => {
    const key = isoWeekIndex(date);
    if (week !== undefined && key !== week && hadOfficeDay) {
      turn++;
      hadOfficeDay = false;
    }
    week = key;
    return Array.from(
      { length: ctx.slotCount },
      () => ctx.teamLabels[turn % ctx.teamLabels.length]!,
    );
  };
  return layOut(ctx, due, () => {
    hadOfficeDay = true;
  });
};

/** The strategies by pattern kind. */
export const PATTERNS = { daily, weekly, cycle } as const satisfies Record<string, PatternStrategy>;
