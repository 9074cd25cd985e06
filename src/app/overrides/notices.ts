import type { CompiledQuery } from 'kysely';
import { insertOutboxQueries } from '../../db/repos/outbox.ts';
import { groupBy } from '../../domain/collections.ts';
import type { MovedSlot } from '../../domain/override/index.ts';
import { inOfficeOn, type ShiftRecord } from '../../domain/rotation/index.ts';
import type { Person } from '../../notify/messages.ts';
import { composeOverrideMessages, type OverrideNotice } from '../../notify/override-notice.ts';
import type { Deps } from '../deps.ts';
import { notificationTargets } from '../outbox/index.ts';
import { loadNoticeDirectory } from '../quarantines/index.ts';
import type { OverrideSnapshot } from './snapshot.ts';

/** What an override (or its undo) changed, as its notices and its answer tell it. */
export interface OverrideChange {
  kind: OverrideNotice['kind'];
  overrideId: string;
  close: boolean;
  reason: string | null;
  moved: readonly MovedSlot[];
  /** The rotation's shifts after the change. */
  after: readonly ShiftRecord[];
  closedDates: readonly string[];
  capacity?: OverrideNotice['capacity'];
}

/** One person whose own days change, with each such day as it is now (no team: remote). */
export interface AffectedPerson {
  person: Person;
  days: OverrideNotice['people'][number]['days'];
}

/**
 * The people whose own days change: the members of each team that gains or loses a slot, who are
 * in the office with it on that day (a member moved in waits for the bridging rule); each with
 * their days as they are after the change.
 */
export async function affectedPeople(
  deps: Deps,
  snap: OverrideSnapshot,
  change: OverrideChange,
): Promise<{ people: AffectedPerson[]; chiefs: Person[] }> {
  const directory = (await loadNoticeDirectory(deps, snap.department, new Map()))(null);
  const label = (id: string) => snap.teams.find((t) => t.id === id)?.label ?? '?';
  const dates = [...new Set(change.moved.map((m) => m.date))].sort();
  const scheduled = change.after.filter((s) => s.status === 'scheduled' && dates.includes(s.date));
  const officeOn = groupBy(scheduled, (s) => s.date);
  const days = new Map<string, AffectedPerson['days']>();
  for (const date of dates) {
    const teams = new Set(
      change.moved.filter((x) => x.date === date).flatMap((x) => [x.fromTeamId, x.toTeamId]),
    );
    for (const m of snap.memberships) {
      if (!teams.has(m.teamId) || !inOfficeOn(m, date)) continue;
      const inOffice = (officeOn.get(date) ?? []).some((s) => s.teamId === m.teamId);
      const list = days.get(m.memberId) ?? days.set(m.memberId, []).get(m.memberId)!;
      list.push({
        date,
        teamLabel: inOffice ? label(m.teamId) : null,
        closed: change.closedDates.includes(date),
      });
    }
  }
  return {
    people: [...days].flatMap(([id, d]) =>
      directory.member(id).map((person) => ({ person, days: d })),
    ),
    chiefs: directory.chiefs,
  };
}

/**
 * The outbox rows telling the people whose own days change their days as they are now; the chiefs
 * and the department's channel get the summary. Same outbox and templates as a quarantine's
 * notices, in the same atomic batch as the change.
 */
export function overrideNoticeQueries(
  deps: Deps,
  snap: OverrideSnapshot,
  change: OverrideChange,
  affected: { people: AffectedPerson[]; chiefs: Person[] },
): CompiledQuery[] {
  const label = (id: string | null) =>
    id === null ? null : (snap.teams.find((t) => t.id === id)?.label ?? '?');
  const notice: OverrideNotice = {
    kind: change.kind,
    overrideId: change.overrideId,
    department: snap.department,
    by: snap.actorRole,
    close: change.close,
    reason: change.reason,
    people: affected.people,
    chiefs: affected.chiefs,
    moved: change.moved.map((m) => ({
      date: m.date,
      fromTeamLabel: label(m.fromTeamId),
      toTeamLabel: label(m.toTeamId),
    })),
    ...(change.capacity ? { capacity: change.capacity } : {}),
  };
  const rows = composeOverrideMessages(notice, {
    ...notificationTargets(deps, snap.department),
    at: snap.at,
    newId: deps.newId,
  });
  return insertOutboxQueries(deps.db, rows);
}
