import { Hono } from 'hono';
import { readSettings, updateSettings, type SettingsUpdate } from '../../app/settings/index.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../../contract/env.ts';
import { allow } from '../middleware/auth.ts';
import { unwrap } from '../unwrap.ts';

/** /v1/settings: the organisation's policy and remote capacity (admin; HR reads). */
export function settingsRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', allow('admin', 'hr'), async (c) => c.json(await readSettings(c.var.deps)));
  r.patch('/', allow('admin'), async (c) => {
    const input = await readJson<SettingsUpdate>(c, 'settings-update');
    return c.json(unwrap(await updateSettings(c.var.deps, c.var.actor, input)));
  });
  return r;
}
