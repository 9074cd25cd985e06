import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { engineOf } from '../engine.ts';
import { fromJson } from '../json.ts';
import type { StandbyWindow } from '../../domain/quarantine/index.ts';
import type { Membership, Team } from '../../domain/rotation/index.ts';
import type { IsoDate, RemoteAccess } from '../../domain/types.ts';
import { quarantinesIn, windowsOf } from './quarantines.ts';

/**
 * What remote demand and the boards are computed from, read in a handful of queries whatever the
 * number of departments: the published rotations overlapping [from, to] (of one department, or
 * all) with their scheduled office slots in the window, their teams and memberships, the active
 * members, and the quarantines.
 */
export interface DemandScope {
  from: string;
  to: string;
  /** One department; all when absent. */
  departmentId?: string;
}

/** The published rotations overlapping the scope's window (of one department, or all): a query to go on with. */
function publishedInScope(db: Kysely<DB>, s: DemandScope) {
  let q = db
    .selectFrom('rotations')
    .where('rotations.status', '=', 'published')
    .where('rotations.start_date', '<=', s.to)
    .where('rotations.end_date', '>=', s.from);
  if (s.departmentId) q = q.where('rotations.department_id', '=', s.departmentId);
  return q;
}

/** A scheduled office slot of a published rotation: which team, which date, and (when asked) when. */
export interface OfficeSlot {
  teamId: string;
  date: IsoDate;
  slot: number;
  start: string;
  end: string;
  status: 'scheduled';
}

/** A published rotation in scope, with its scheduled office slots inside the window. */
export interface PublishedRotation<Office = Pick<OfficeSlot, 'teamId' | 'date'>> {
  id: string;
  departmentId: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  bufferDates: IsoDate[];
  closedDates: IsoDate[];
  office: Office[];
}

/**
 * The published rotations in scope (by department, then start), each with its scheduled office
 * slots in the window — with their slot and times when `slots` is set, else team and date alone.
 * The slots come aggregated, one string per rotation ("date team,date team,…" or "date slot start
 * end team,…"), not a row each: the rows were most of what an organisation's capacity read (73,500
 * of them for 300 departments over a year), and each is no more than those few words.
 */
export async function publishedRotations(
  db: Kysely<DB>,
  s: DemandScope,
  slots: true,
): Promise<PublishedRotation<OfficeSlot>[]>;
export async function publishedRotations(
  db: Kysely<DB>,
  s: DemandScope,
  slots?: false,
): Promise<PublishedRotation[]>;
export async function publishedRotations(
  db: Kysely<DB>,
  s: DemandScope,
  slots = false,
): Promise<PublishedRotation<OfficeSlot>[] | PublishedRotation[]> {
  // Ids and times have no spaces or commas (ids are made here, times are HH:MM).
  const entry = slots
    ? sql`shifts.date || ' ' || shifts.slot || ' ' || shifts.start_time || ' ' || shifts.end_time || ' ' || shifts.team_id`
    : sql`shifts.date || ' ' || shifts.team_id`;
  const joined =
    engineOf(db) === 'postgres'
      ? sql<string | null>`string_agg(${entry}, ',')`
      : sql<string | null>`group_concat(${entry}, ',')`;
  const rows = await publishedInScope(db, s)
    .select((eb) => [
      'rotations.id',
      'rotations.department_id',
      'rotations.name',
      'rotations.start_date',
      'rotations.end_date',
      'rotations.buffer_dates',
      'rotations.closed_dates',
      eb
        .selectFrom('shifts')
        .select(joined.as('office'))
        .whereRef('shifts.rotation_id', '=', 'rotations.id')
        .where('shifts.status', '=', 'scheduled')
        .where('shifts.date', '>=', s.from)
        .where('shifts.date', '<=', s.to)
        .as('office'),
    ])
    .orderBy('rotations.department_id')
    .orderBy('rotations.start_date')
    .orderBy('rotations.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    bufferDates: fromJson(r.buffer_dates),
    closedDates: fromJson(r.closed_dates),
    office: r.office ? (slots ? officeSlots(r.office) : officeDays(r.office)) : [],
  }));
}

/** "date team,date team,…" as team and date. */
function officeDays(text: string): Pick<OfficeSlot, 'teamId' | 'date'>[] {
  const teams: string[] = [];
  const out: Pick<OfficeSlot, 'teamId' | 'date'>[] = [];
  for (let at = 0; at < text.length;) {
    const end = endOf(text, ',', at);
    out.push({ teamId: interned(text, at + 11, end, teams), date: text.slice(at, at + 10) });
    at = end + 1;
  }
  return out;
}

/** "date slot start end team,…" as office slots. */
function officeSlots(text: string): OfficeSlot[] {
  const teams: string[] = [];
  const out: OfficeSlot[] = [];
  for (let at = 0; at < text.length;) {
    const end = endOf(text, ',', at);
    const slotEnd = endOf(text, ' ', at + 11);
    const startEnd = endOf(text, ' ', slotEnd + 1);
    const endEnd = endOf(text, ' ', startEnd + 1);
    out.push({
      teamId: interned(text, endEnd + 1, end, teams),
      date: text.slice(at, at + 10),
      slot: Number(text.slice(at + 11, slotEnd)),
      start: text.slice(slotEnd + 1, startEnd),
      end: text.slice(startEnd + 1, endEnd),
      status: 'scheduled',
    });
    at = end + 1;
  }
  return out;
}

/** Where the word starting at `from` ends: the next `sep`, or the end of the text. */
function endOf(text: string, sep: string, from: number): number {
  const i = text.indexOf(sep, from);
  return i < 0 ? text.length : i;
}

/**
 * text[from, to) as one of `known` when it is one (else added): a rotation's few team ids, each
 * one string for all its slots, so that the thousands of lookups by team hash each id once.
 */
function interned(text: string, from: number, to: number, known: string[]): string {
  for (const id of known) if (id.length === to - from && text.startsWith(id, from)) return id;
  const id = text.slice(from, to);
  known.push(id);
  return id;
}

/** The teams of the rotations in scope, in order. */
export async function publishedTeams(db: Kysely<DB>, s: DemandScope): Promise<Team[]> {
  const rows = await publishedInScope(db, s)
    .innerJoin('teams', 'teams.rotation_id', 'rotations.id')
    .select(['teams.id', 'teams.label', 'teams.rotation_id', 'teams.ordinal'])
    .orderBy('teams.ordinal')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    label: t.label,
    rotationId: t.rotation_id,
    ordinal: t.ordinal,
  }));
}

/**
 * The memberships of the rotations in scope that meet the window, by rotation and member, each
 * member's in the order their schedule reads them (from date, id). The columns are named as the
 * record's fields in the query (thousands of rows: no second copy); the rotations are a subquery,
 * not a join, so that SQLite reads the memberships by their (rotation, member) index in that order
 * rather than sorting them all.
 */
export async function publishedMemberships(
  db: Kysely<DB>,
  s: DemandScope,
): Promise<(Membership & { rotationId: string })[]> {
  return db
    .selectFrom('memberships')
    .select([
      'member_id as memberId',
      'team_id as teamId',
      'from_date as fromDate',
      'to_date as toDate',
      'office_from as officeFrom',
      'rotation_id as rotationId',
    ])
    .where('rotation_id', 'in', publishedInScope(db, s).select('rotations.id'))
    .where('from_date', '<=', s.to)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', s.from)]))
    .orderBy('rotation_id')
    .orderBy('member_id')
    .orderBy('from_date')
    .orderBy('id')
    .execute();
}

/** The standby windows of the quarantines in force at some point of the scope. */
export async function demandWindows(db: Kysely<DB>, s: DemandScope): Promise<StandbyWindow[]> {
  return windowsOf(db, await quarantinesIn(db, s.departmentId, s));
}

/** Active members who need a thin-client seat or a loan PC when they are not in the office. */
export async function membersNeedingRemote(
  db: Kysely<DB>,
  departmentId?: string,
): Promise<{ id: string; remoteAccess: RemoteAccess }[]> {
  let q = db
    .selectFrom('members')
    .select(['id', 'remote_access as remoteAccess'])
    .where('active', '=', 1)
    .where('remote_access', 'in', ['thin-client', 'loan-pc']);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  return q.execute();
}
