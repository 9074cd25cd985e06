import { orgSettings, policyOverridesSet } from '../../db/repos/settings.ts';
import { DEFAULT_POLICY, type Policy } from '../../domain/quarantine/index.ts';
import type { Deps } from '../deps.ts';

/** The organisation's policy: the design's defaults with what an admin has set over them. */
export async function loadPolicy(deps: Deps): Promise<Policy> {
  return { ...DEFAULT_POLICY, ...(await policyOverridesSet(deps.db)) };
}

/** The organisation's policy (with the fields an admin set) and capacity, from one read of its settings. */
export async function loadOrgSettings(deps: Deps) {
  const { capacity, overrides, webhooks } = await orgSettings(deps.db);
  return { policy: { ...DEFAULT_POLICY, ...overrides } as Policy, overrides, capacity, webhooks };
}
