import { Hono } from 'hono';
import { readMonthSheet, rotationScheduleCsv } from '../../app/rotations/index.ts';
import type { DayView } from '../../domain/rotation/index.ts';
import type { WebEnv } from '../shared/env.ts';
import { t } from '../shared/i18n.ts';
import { failurePage, refuseRole, render, valueOrPage } from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import { monthText } from '../shared/dates.tsx';
import { MonthSheetView } from './month-sheet.tsx';
import { isWorkingDay } from './sheet-day.tsx';

/** The month sheet and its CSV: the chief's, and HR's and admin's to read. */
export function sheetPages() {
  const r = new Hono<WebEnv>();
  const readers = roles(['admin', 'chief', 'hr'], refuseRole);

  r.get('/rotations/:id/month', readers, async (c) => {
    const id = c.req.param('id');
    const lang = c.var.lang;
    const found = await readMonthSheet(
      c.var.deps,
      c.var.actor,
      id,
      c.req.query('month') || undefined,
    );
    if (!found.ok) return failurePage(c, found.error);
    const sheet = found.value;
    // Only the chief changes a day (the override form is theirs); HR and admin read.
    const chief = c.var.actor.role === 'chief';
    const changeHref = (day: DayView) =>
      chief && day.date >= sheet.today && isWorkingDay(sheet, day)
        ? `/rotations/${id}/overrides/new?date=${day.date}`
        : null;
    const first = sheet.days[0]?.date;
    const last = sheet.days.at(-1)?.date;
    const csvHref = `/rotations/${id}/schedule.csv${first && last ? `?from=${first}&to=${last}` : ''}`;
    return render(
      c,
      t(lang, 'sheetTitle', {
        department: sheet.department.name,
        rotation: sheet.rotation.name,
        month: monthText(lang, sheet.month),
      }),
      <MonthSheetView ctx={{ lang, sheet, changeHref }} csvHref={csvHref} />,
    );
  });

  // The API's export for a signed-in reader, as a download.
  r.get('/rotations/:id/schedule.csv', readers, async (c) => {
    const range = { from: c.req.query('from') || undefined, to: c.req.query('to') || undefined };
    const out = valueOrPage(
      await rotationScheduleCsv(c.var.deps, c.var.actor, c.req.param('id'), range),
    );
    return c.body(out.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.filename.ascii}"; filename*=UTF-8''${encodeURIComponent(out.filename.utf8)}`,
      'cache-control': 'no-store',
    });
  });

  return r;
}
