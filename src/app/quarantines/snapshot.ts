import {
  findQuarantine,
  listQuarantines,
  quarantineOf,
  rotationSwapsOf,
  swapOf,
} from '../../db/repos/quarantines.ts';
import { findDepartment } from '../../db/repos/departments.ts';
import type { DepartmentRow, QuarantineRow } from '../../db/schema.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import type { LiftInput, LiftRotation } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import { loadCapacityBasis, type CapacityBasis } from '../capacity/index.ts';
import { loadOrgSettings } from '../settings/index.ts';
import { loadNoticeDirectory, type NoticeDirectory } from './notify.ts';
import { loadRotationStates, type RotationState } from './rotation-state.ts';

/** Everything a lift is decided and written on, read once at the start of the request. */
export interface LiftSnapshot extends LiftInput {
  /** The request's instant; `today` is its date in the department's zone. */
  at: string;
  department: DepartmentRow;
  /** The stored quarantine, for the answer. */
  row: QuarantineRow;
  rotation: (LiftRotation & RotationState) | null;
  exposureWindowDays: number;
  directory: NoticeDirectory;
  /** Remote capacity and demand from the lift date to the quarantine's end (none past its end). */
  capacity: CapacityBasis | null;
}

/**
 * Reads what lifting quarantine `id` from `date` needs: the quarantine, its department, the policy,
 * for a team its rotation, and remote demand over what the lift changes.
 */
export async function loadLiftSnapshot(
  deps: Deps,
  id: string,
  date: string,
): Promise<Result<LiftSnapshot, Failure>> {
  const row = await findQuarantine(deps.db, id);
  if (!row) return err(notFound(`No quarantine ${id}.`));
  const now = deps.now();
  const rotationId = row.subject === 'team' ? row.rotation_id : null;
  const [department, quarantines, settings, states, swaps] = await Promise.all([
    findDepartment(deps.db, row.department_id),
    listQuarantines(deps.db, row.department_id),
    loadOrgSettings(deps),
    loadRotationStates(deps, rotationId ? [rotationId] : []),
    rotationId ? rotationSwapsOf(deps.db, rotationId) : [],
  ]);
  const state = rotationId ? states.get(rotationId)! : null;
  const { policy } = settings;
  const [directory, capacity] = await Promise.all([
    loadNoticeDirectory(deps, department!, states),
    date <= row.end_date
      ? loadCapacityBasis(
          deps,
          row.department_id,
          { from: date, to: row.end_date },
          { settings: settings.capacity, quarantines },
        )
      : null,
  ]);
  return ok({
    today: dateInZone(now, department!.timezone),
    at: now.toISOString(),
    department: department!,
    row,
    quarantine: quarantineOf(row),
    quarantines: quarantines.map(quarantineOf),
    rotation: state && { ...state, swaps: swaps.map(swapOf) },
    returnSeparationDays: policy.returnSeparationDays,
    exposureWindowDays: policy.exposureWindowDays,
    directory,
    capacity,
  });
}
