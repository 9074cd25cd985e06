import { folded } from '../glossary.ts';
import type { Member, Position, RemoteAccess } from '../types.ts';

/** E-mails are unique per department regardless of case, full-width letters and surrounding spaces. */
export const emailKey = (email: string): string => folded(email);

/** A Slack member ID as stored: trimmed, upper case (Slack's own spelling); blank or null: none. */
export const slackUserIdOf = (value: string | null | undefined): string | null =>
  value?.trim().toUpperCase() || null;

/**
 * One person as a roster states them. A field left out is not stated: a sync leaves it as it is
 * (a file without a フリガナ column keeps everyone's kana); `null` or `[]` clears it.
 */
export interface RosterEntry {
  name: string;
  email: string;
  kana?: string | null;
  skills?: string[];
  position?: Position;
  remoteAccess?: RemoteAccess;
  /** The member's Slack member ID (U…), whom the slash command answers. */
  slackUserId?: string | null;
}

/** The fields a roster sets, and whether the member is active. */
export interface MemberFields {
  name: string;
  kana: string | null;
  email: string;
  skills: string[];
  position: Position;
  remoteAccess: RemoteAccess;
  /** Absent on a member stored before Slack IDs: the same as null. */
  slackUserId?: string | null;
  active: boolean;
}
export type FieldName = keyof MemberFields;
/** What a sync changes of one member: each field's value before and after. */
export type FieldChanges = { [K in FieldName]?: { from: MemberFields[K]; to: MemberFields[K] } };

/** What a sync does: who is added, changed (reactivation included), deactivated, and how many stay. */
export interface RosterPlan {
  /** New members, with the defaults of what the roster left out. */
  added: Omit<MemberFields, 'active'>[];
  updated: { member: Member; changes: FieldChanges }[];
  deactivated: Member[];
  unchanged: number;
}

/** A member's fields as the roster entry states them over what is stored. */
function stated(m: Omit<MemberFields, 'active'>, e: RosterEntry): Omit<MemberFields, 'active'> {
  return {
    name: e.name.trim(),
    email: e.email.trim(),
    kana: e.kana === undefined ? m.kana : e.kana?.trim() || null,
    skills: e.skills === undefined ? m.skills : [...new Set(e.skills)],
    position: e.position ?? m.position,
    remoteAccess: e.remoteAccess ?? m.remoteAccess,
    slackUserId:
      e.slackUserId === undefined ? (m.slackUserId ?? null) : slackUserIdOf(e.slackUserId),
  };
}

const NEW: Omit<MemberFields, 'active' | 'name' | 'email'> = {
  kana: null,
  skills: [],
  position: 'staff',
  remoteAccess: 'company-pc',
  slackUserId: null,
};

const sameSkills = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The roster as a whole against the department's members, matched by e-mail: entries nobody has
 * are added, entries that differ from their member (or match a deactivated one) are changed, and
 * active members no entry names are deactivated. Entries are unique by e-mail (the caller says
 * which line repeats one). Skills compare as a set: Excel reordering them is no change.
 */
export function planRoster(
  members: readonly Member[],
  entries: readonly RosterEntry[],
): RosterPlan {
  const byKey = new Map(members.map((m) => [m.emailKey, m]));
  const named = new Set<string>();
  const plan: RosterPlan = { added: [], updated: [], deactivated: [], unchanged: 0 };
  for (const e of entries) {
    const key = emailKey(e.email);
    named.add(key);
    const member = byKey.get(key);
    if (!member) {
      plan.added.push(stated({ ...NEW, name: e.name, email: e.email }, e));
      continue;
    }
    // Listed: active (a deactivated member comes back).
    const changes = fieldChanges(member, { ...stated(member, e), active: true });
    if (Object.keys(changes).length) plan.updated.push({ member, changes });
    else plan.unchanged++;
  }
  plan.deactivated = members.filter((m) => m.active && !named.has(m.emailKey));
  return plan;
}

/** What differs between a member's fields and the fields they are to have; skills as a set. */
export function fieldChanges(before: MemberFields, after: MemberFields): FieldChanges {
  const changes: FieldChanges = {};
  for (const f of ['name', 'kana', 'email', 'position', 'remoteAccess', 'active'] as const)
    if (after[f] !== before[f]) Object.assign(changes, { [f]: { from: before[f], to: after[f] } });
  if ((after.slackUserId ?? null) !== (before.slackUserId ?? null))
    changes.slackUserId = { from: before.slackUserId ?? null, to: after.slackUserId ?? null };
  if (!sameSkills(after.skills, before.skills))
    changes.skills = { from: before.skills, to: after.skills };
  return changes;
}

/** A member with the plan's changes made. */
export function withChanges(member: Member, changes: FieldChanges): Member {
  const next = { ...member };
  for (const [f, c] of Object.entries(changes)) Object.assign(next, { [f]: c.to });
  return next;
}
