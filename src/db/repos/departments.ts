import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { parameterGroups } from '../chunks.ts';
import type { DB, DepartmentPatch, DepartmentRow, NewDepartmentRow } from '../schema.ts';
import type { DepartmentCalendar } from '../../domain/types.ts';

/** One department by id, or undefined. */
export function findDepartment(db: Kysely<DB>, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** All departments, or only the given ones, by name. */
export async function listDepartments(
  db: Kysely<DB>,
  onlyIds?: readonly string[],
): Promise<DepartmentRow[]> {
  const q = db.selectFrom('departments').selectAll().orderBy('name').orderBy('id');
  if (!onlyIds) return q.execute();
  // Within D1's parameter limit, however many ids are asked for; merged back into name order.
  const groups = await Promise.all(
    parameterGroups([...new Set(onlyIds)]).map((ids) => q.where('id', 'in', ids).execute()),
  );
  return groups
    .flat()
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
}

export function insertDepartmentQuery(db: Kysely<DB>, row: NewDepartmentRow): CompiledQuery {
  return db.insertInto('departments').values(row).compile();
}

/** Changes a department; any change may alter what its feeds show, so its data version moves too. */
export function updateDepartmentQuery(
  db: Kysely<DB>,
  id: string,
  patch: DepartmentPatch,
): CompiledQuery {
  return db
    .updateTable('departments')
    .set({ ...patch, data_version: sql<number>`data_version + 1` })
    .where('id', '=', id)
    .compile();
}

/** Marks that something the department's schedules depend on changed (invalidates rendered feeds). */
/**
 * Marks a change of the department's plan. With `expected` (the version the change was decided on),
 * the whole atomic write fails when another change came first: see isDataVersionConflict.
 */
export function bumpDataVersionQuery(db: Kysely<DB>, id: string, expected?: number): CompiledQuery {
  const next =
    expected === undefined
      ? sql<number>`data_version + 1`
      : sql<number>`case when data_version = ${expected} then data_version + 1 else null end`;
  return db.updateTable('departments').set({ data_version: next }).where('id', '=', id).compile();
}

/** Did an atomic write fail because the department's plan changed after the write was decided? */
export const isDataVersionConflict = (e: unknown): boolean =>
  e instanceof Error && /NOT NULL constraint failed: departments\.data_version/i.test(e.message);

/** A department's calendar as the domain sees it. */
export function calendarOf(d: DepartmentRow): DepartmentCalendar {
  return {
    timezone: d.timezone,
    workdays: JSON.parse(d.workdays) as number[],
    holidays: d.holidays as 'jp' | 'none',
    closedDates: JSON.parse(d.closed_dates) as string[],
    officeHours: { start: d.office_start, end: d.office_end },
  };
}
