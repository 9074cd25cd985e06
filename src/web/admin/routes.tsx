import { Hono } from 'hono';
import { visibleDepartments } from '../../app/departments/index.ts';
import type { WebEnv } from '../shared/env.ts';
import { t } from '../shared/i18n.ts';
import { render } from '../shared/layout.tsx';
import { homeOf } from '../shared/session.ts';

/** The admin's pages: every department, each opening the chief's view. */
export function adminPages() {
  const r = new Hono<WebEnv>();
  r.get('/departments', async (c) => {
    const lang = c.var.lang;
    if (c.var.actor.role !== 'admin') return c.redirect(homeOf(c), 303);
    const departments = await visibleDepartments(c.var.deps, c.var.actor);
    return render(
      c,
      t(lang, 'departments'),
      departments.length ? (
        <ul>
          {departments.map((d) => (
            <li>
              <a href={`/departments/${d.id}`}>{d.name}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'noDepartments')}</p>
      ),
    );
  });

  return r;
}
