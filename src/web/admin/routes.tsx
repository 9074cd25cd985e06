import { Hono } from 'hono';
import type { WebEnv } from '../shared/env.ts';
import { refuseRole } from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import { auditPages } from './audit.tsx';
import { departmentPages } from './departments.tsx';
import { notificationPages } from './notifications.tsx';
import { outboxPages } from './outbox.tsx';
import { settingsPages } from './settings.tsx';
import { ssoSettingsPages } from './sso.tsx';
import { tokenPages } from './tokens.tsx';
import { peoplePages } from './people.tsx';

/**
 * The admin's pages: departments (list, new, settings — a chief may change their own, as the API
 * allows) and, under /admin, the organisation's settings, notification targets, API tokens, the
 * audit log and the outbox (admin only).
 */
export function adminPages() {
  const r = new Hono<WebEnv>();
  r.use('/admin/*', roles(['admin'], refuseRole));
  r.route('/', departmentPages());
  r.route('/', settingsPages());
  r.route('/', ssoSettingsPages());
  r.route('/', notificationPages());
  r.route('/', tokenPages());
  r.route('/', peoplePages());
  r.route('/', auditPages());
  r.route('/', outboxPages());
  return r;
}
