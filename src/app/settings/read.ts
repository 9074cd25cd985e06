import type { Deps } from '../deps.ts';
import { loadOrgSettings } from './policy.ts';
import { settingsView, type SettingsView } from './view.ts';

/** The organisation's settings (admin; HR reads). */
export async function readSettings(deps: Deps): Promise<SettingsView> {
  const { capacity, overrides, webhooks } = await loadOrgSettings(deps);
  return settingsView(capacity, overrides, capacity.updatedAt, webhooks);
}
