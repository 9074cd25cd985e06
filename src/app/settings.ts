import { checkCapacitySettings, type CapacitySettings } from '../domain/capacity.ts';
import { err, ok, type Result } from '../domain/result.ts';
import { listDepartments } from '../db/repos/departments.ts';
import { deleteReservationQuery, upsertOrgSettingsQuery, upsertReservationQuery } from '../db/repos/settings.ts';
import type { Actor } from './actor.ts';
import { auditEntry } from './audit.ts';
import type { Deps } from './deps.ts';
import { invalid, type Failure, type FieldError } from './failure.ts';
import { loadCapacitySettings } from './remote-demand.ts';

/** A change to the organisation's remote capacity: the fields given; each reservation given replaces that department's. */
export interface SettingsUpdate {
  thinClientSeats?: number | null;
  loanPcs?: number | null;
  reservations?: { departmentId: string; thinClientSeats?: number | null; loanPcs?: number | null }[];
}

export type SettingsView = CapacitySettings & { updatedAt: string | null };

/** The organisation's settings (admin; HR reads). */
export function readSettings(deps: Deps): Promise<SettingsView> {
  return loadCapacitySettings(deps);
}

/** Changes the organisation's capacity and reservations; reservations must fit in what it has. */
export async function updateSettings(deps: Deps, actor: Actor, input: SettingsUpdate): Promise<Result<SettingsView, Failure>> {
  const current = await loadCapacitySettings(deps);
  const given = input.reservations ?? [];
  const known = new Set((await listDepartments(deps.db, given.map((r) => r.departmentId))).map((d) => d.id));
  const errors: FieldError[] = [];
  const pathOf = new Map<string, string>();
  given.forEach((r, i) => {
    if (pathOf.has(r.departmentId)) errors.push({ path: `/reservations/${i}/departmentId`, message: `is already given at ${pathOf.get(r.departmentId)}` });
    else if (!known.has(r.departmentId)) errors.push({ path: `/reservations/${i}/departmentId`, message: 'no department with this id' });
    pathOf.set(r.departmentId, pathOf.get(r.departmentId) ?? `/reservations/${i}`);
  });
  if (errors.length) return err(invalid('The settings are not valid.', errors));

  const next: CapacitySettings = {
    thinClientSeats: input.thinClientSeats !== undefined ? input.thinClientSeats : current.thinClientSeats,
    loanPcs: input.loanPcs !== undefined ? input.loanPcs : current.loanPcs,
    reservations: [
      ...current.reservations.filter((r) => !pathOf.has(r.departmentId)),
      ...given
        .map((r) => ({ departmentId: r.departmentId, thinClientSeats: r.thinClientSeats ?? null, loanPcs: r.loanPcs ?? null }))
        .filter((r) => r.thinClientSeats !== null || r.loanPcs !== null),
    ].sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0)),
  };
  const violations = checkCapacitySettings(next, pathOf);
  if (violations.length) return err(invalid('The reservations do not fit in the organisation’s capacity.', violations));

  const at = deps.now().toISOString();
  const kept = new Set(next.reservations.map((r) => r.departmentId));
  await deps.atomic([
    upsertOrgSettingsQuery(deps.db, { thin_client_seats: next.thinClientSeats, loan_pcs: next.loanPcs, updated_at: at, updated_by: actor.tokenId }),
    ...given.map((r) =>
      kept.has(r.departmentId)
        ? upsertReservationQuery(deps.db, { department_id: r.departmentId, thin_client_seats: r.thinClientSeats ?? null, loan_pcs: r.loanPcs ?? null, updated_at: at })
        : deleteReservationQuery(deps.db, r.departmentId),
    ),
    auditEntry(deps, actor, at, 'settings.update', { type: 'settings', id: 'organisation' }, {
      changed: Object.keys(input).sort(),
      before: { thinClientSeats: current.thinClientSeats, loanPcs: current.loanPcs, reservations: current.reservations },
      after: next,
    }),
  ]);
  return ok({ ...next, updatedAt: at });
}
