import {
  policyOverrides,
  capacitySettingsOf,
  findOrgSettings,
  listReservations,
} from '../../db/repos/settings.ts';
import { DEFAULT_POLICY, type Policy } from '../../domain/policy.ts';
import type { Deps } from '../deps.ts';

/** The organisation's policy: the design's defaults with what an admin has set over them. */
export async function loadPolicy(deps: Deps): Promise<Policy> {
  const row = await findOrgSettings(deps.db);
  return { ...DEFAULT_POLICY, ...policyOverrides(row?.policy) };
}

/** The organisation's policy (with the fields an admin set) and capacity, from one read of its settings. */
export async function loadOrgSettings(deps: Deps) {
  const [row, reservations] = await Promise.all([
    findOrgSettings(deps.db),
    listReservations(deps.db),
  ]);
  const overrides = policyOverrides(row?.policy);
  return {
    policy: { ...DEFAULT_POLICY, ...overrides } as Policy,
    overrides,
    capacity: capacitySettingsOf(row, reservations),
  };
}
