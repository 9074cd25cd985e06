import type { SplitMember } from '../types.ts';

/** A required skill: every team holds at least `min` members with `skill`. */
export interface RequiredSkill {
  skill: string;
  min: number;
}

/** What the chief asks of a split. Member ids refer to `SplitMember.id`. */
export interface SplitOptions {
  teamCount: number;
  requiredSkills?: RequiredSkill[];
  /** Pairs of members who must be in different teams. */
  separate?: [string, string][];
  /** Groups of members who must be in one team. */
  together?: string[][];
  /** Office seats: no team may be larger. */
  maxTeamSize?: number;
  /** Seed for tie-breaks and the local search; the same input and seed give the same split. Default 0. */
  seed?: number;
  /** Keep every chief apart from every deputy (hard) and spread chiefs/deputies over teams (soft). Default true. */
  keepLeadersApart?: boolean;
}

/** One team of a split. */
export interface SplitTeam {
  label: string;
  memberIds: string[];
}

/** Why a team looks as it does, as plain data. */
export interface TeamExplanation {
  label: string;
  size: number;
  /** Each required skill as the split enforces it (merged by name), and the team's members holding it. */
  requiredSkills: { skill: string; min: number; holderIds: string[] }[];
  /** Each keep-apart pair (in id order) with a member in this team, and the team the other member went to ('' for none). */
  separatePairs: {
    pair: [string, string];
    memberId: string;
    otherMemberId: string;
    otherTeam: string;
  }[];
  /** Keep-together groups whose first member (by id) is in this team, each sorted, without repeats. */
  togetherGroups: string[][];
  /** Chiefs and deputies in this team (never both when leaders are kept apart). */
  leaders: { chiefIds: string[]; deputyIds: string[] };
  /** Members needing each remote-access resource when they work from home. */
  remote: { thinClient: number; loanPc: number; companyPc: number };
  /** How many members hold each skill (all skills seen in the department, sorted by name). */
  skills: { skill: string; count: number }[];
}

/** Balance figures of a split (spread = largest minus smallest team value). */
export interface SplitSummary {
  sizes: number[];
  sizeSpread: number;
  thinClientSpread: number;
  loanPcSpread: number;
  leaderSpread: number;
  /** True when sizes within 1 of each other were impossible (together groups, maxTeamSize, other constraints). */
  sizeBalanceRelaxed: boolean;
}

/** A successful split: teams labelled A, B, …, and its balance (why each team looks as it does: `explainTeams`). */
export interface Split {
  teams: SplitTeam[];
  summary: SplitSummary;
}

export type SplitIssueCode =
  | 'invalid-team-count'
  | 'invalid-option'
  | 'duplicate-member'
  | 'unknown-member'
  | 'too-few-members'
  | 'too-few-units'
  | 'seats-shortage'
  | 'group-too-large'
  | 'skill-shortage'
  | 'together-separate-conflict'
  /** Proven: more units than teams are all kept apart from one another. */
  | 'separate-clique'
  | 'together-leaders-conflict'
  | 'needs-two-teams'
  /** Proven: no split meets the named constraint together with the others. */
  | 'unsatisfiable'
  /** Not proven: the bounded search ran out of work before finding a split; one may exist. */
  | 'search-budget'
  /** Not proven: a constraint the closest split found still breaks (reported with `search-budget`). */
  | 'closest-split-unmet';

/** The constraint an issue is about, as plain data. */
export type SplitConstraintRef =
  | { kind: 'teamCount'; teamCount: number }
  | { kind: 'members'; memberIds: string[] }
  | { kind: 'requiredSkill'; skill: string; min: number }
  | { kind: 'separate'; pair: [string, string] }
  | { kind: 'together'; group: string[] }
  | { kind: 'maxTeamSize'; maxTeamSize: number }
  | { kind: 'leaders'; chiefIds: string[]; deputyIds: string[] }
  | { kind: 'seed'; seed: number };

/**
 * The values a reason speaks of, for templates in any language: counts, limits, a skill, team labels,
 * and `variant` where one code has several wordings (the kind of constraint it names).
 */
export type ReasonParams = Record<string, string | number>;

/** The members a reason names, by placeholder: ids, resolved to names where the reason is rendered. */
export type ReasonMembers = Record<string, string[]>;

/**
 * One unmet constraint: a machine-readable code, where it is in the options, what it is, a reason in
 * English for developers, and the same reason as data (`params`, `members`) for templates.
 */
export interface SplitIssue {
  code: SplitIssueCode;
  /** JSON Pointers into SplitOptions of every entry involved, e.g. '/requiredSkills/0', '/separate/3'. */
  paths: string[];
  constraint: SplitConstraintRef;
  reason: string;
  params: ReasonParams;
  members: ReasonMembers;
}

/** Why a team looks as it does, one sentence as data: what it says (`code`) and of what. */
export interface TeamReason {
  code: 'skill-met' | 'skill-missed' | 'apart' | 'together' | 'chiefs' | 'deputies' | 'remote';
  params: ReasonParams;
  members: ReasonMembers;
}

/**
 * Why no split was returned. `exhaustive` is true when the failure is certain (an option is invalid,
 * a necessary check failed, or a complete search proved no split exists); false when a bounded
 * search on a large problem gave up.
 */
export interface SplitError {
  issues: SplitIssue[];
  exhaustive: boolean;
}

export type { SplitMember };
