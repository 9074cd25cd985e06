import { quarantineById, quarantinesIn } from '../../db/repos/quarantines.ts';
import { rotationSwapsOf } from '../../db/repos/swaps.ts';
import { departmentById } from '../../db/repos/departments.ts';
import { dateInZone } from '../../domain/calendar/index.ts';
import type { LiftInput, LiftRotation, QuarantineRecord } from '../../domain/quarantine/index.ts';
import type { Department } from '../../domain/types.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Deps } from '../deps.ts';
import { notFound, type Failure } from '../failure.ts';
import { loadCapacityBasis, type CapacityBasis } from '../capacity/index.ts';
import { loadOrgSettings } from '../settings/index.ts';
import { loadNoticeDirectory, type NoticeDirectory } from './notices.ts';
import { loadRotationStates, type RotationState } from './rotation-state.ts';

/** Everything a lift is decided and written on, read once at the start of the request. */
export interface LiftSnapshot extends LiftInput {
  /** The request's instant; `today` is its date in the department's zone. */
  at: string;
  department: Department;
  /** The quarantine to lift, as stored (the answer shows it). */
  quarantine: QuarantineRecord;
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
  const quarantine = await quarantineById(deps.db, id);
  if (!quarantine) return err(notFound(`No quarantine ${id}.`));
  const now = deps.now();
  const rotationId = quarantine.subject === 'team' ? quarantine.rotationId : null;
  const [department, quarantines, settings, states, swaps] = await Promise.all([
    departmentById(deps.db, quarantine.departmentId),
    quarantinesIn(deps.db, quarantine.departmentId),
    loadOrgSettings(deps),
    loadRotationStates(deps, rotationId ? [rotationId] : []),
    rotationId ? rotationSwapsOf(deps.db, rotationId) : [],
  ]);
  const state = rotationId ? states.get(rotationId)! : null;
  const { policy } = settings;
  const [directory, capacity] = await Promise.all([
    loadNoticeDirectory(deps, department!, states),
    date <= quarantine.endDate
      ? loadCapacityBasis(
          deps,
          quarantine.departmentId,
          { from: date, to: quarantine.endDate },
          { settings: settings.capacity, quarantines },
        )
      : null,
  ]);
  return ok({
    today: dateInZone(now, department!.timezone),
    at: now.toISOString(),
    department: department!,
    quarantine,
    quarantines,
    rotation: state && { ...state, swaps },
    returnSeparationDays: policy.returnSeparationDays,
    exposureWindowDays: policy.exposureWindowDays,
    directory,
    capacity,
  });
}
