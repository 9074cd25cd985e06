import { Hono } from 'hono';
import { readDepartmentBoard, readOrganisationBoard } from '../../app/board/index.ts';
import type { WebEnv } from '../shared/env.ts';
import { t } from '../shared/i18n.ts';
import { failurePage, refuseRole, render } from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import { DepartmentBoardPage } from './department-page.tsx';
import { OrganisationBoardPage } from './organisation-page.tsx';

/** The boards: a department's day (its chief's landing page; HR and admin read it) and the organisation's (HR, admin). */
export function boardPages() {
  const r = new Hono<WebEnv>();

  r.get('/departments/:id/board', roles(['admin', 'chief', 'hr'], refuseRole), async (c) => {
    const date = c.req.query('date') || undefined;
    const board = await readDepartmentBoard(c.var.deps, c.var.actor, c.req.param('id'), date);
    if (!board.ok) return failurePage(c, board.error);
    const lang = c.var.lang;
    return render(
      c,
      t(lang, 'board.title', { department: board.value.departmentName }),
      <DepartmentBoardPage lang={lang} board={board.value} canEdit={c.var.actor.role !== 'hr'} />,
    );
  });

  r.get('/board', roles(['admin', 'hr'], refuseRole), async (c) => {
    const date = c.req.query('date') || undefined;
    const board = await readOrganisationBoard(c.var.deps, c.var.actor, date);
    if (!board.ok) return failurePage(c, board.error);
    return render(
      c,
      t(c.var.lang, 'board.orgTitle'),
      <OrganisationBoardPage lang={c.var.lang} board={board.value} />,
    );
  });

  return r;
}
