import { Hono } from 'hono';
import type { FieldError, Failure } from '../../app/failure.ts';
import { rosterCsv, syncRoster } from '../../app/roster/index.ts';
import { rosterFromCsv } from '../../contract/roster-input.ts';
import { validate } from '../../contract/schemas.ts';
import type { RosterEntry } from '../../domain/roster/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { ErrorSummary, errorsOf, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import {
  failurePage,
  notAboutTheForm,
  refuseRole,
  render,
  valueOrPage,
} from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import { RowErrors } from './pages.tsx';
import { RosterPreview, RosterSyncForm } from './roster.tsx';

type Status = 200 | 409 | 412 | 422;

/** The sync form again, with what is wrong next to its fields and each wrong row by line. */
function syncPage(
  c: WebContext,
  id: string,
  errors: FormErrors,
  rows: FieldError[],
  status: Status,
) {
  const lang = c.var.lang;
  return render(
    c,
    t(lang, 'rosterSync'),
    <>
      <ErrorSummary lang={lang} errors={errors} />
      {rows.length ? <RowErrors lang={lang} rows={rows} /> : null}
      <RosterSyncForm lang={lang} csrf={c.var.csrf} departmentId={id} errors={errors} />
    </>,
    status,
  );
}

/** A sync's failure on the sync form: a date by its field, rows in the table; others as a page. */
function syncFailure(c: WebContext, id: string, f: Failure) {
  if (notAboutTheForm(f)) return failurePage(c, f);
  const lang = c.var.lang;
  if (f.kind === 'stale')
    return syncPage(c, id, { 'roster-file': [t(lang, 'rosterStale')] }, [], 412);
  const errors = errorsOf(f);
  const dates = errors.filter((e) => e.path === '/effectiveDate');
  const rows = errors.filter((e) => e.path !== '/effectiveDate');
  const fields = errorsOnFields(dates, () => 'roster-effective', lang);
  if (rows.length || !dates.length) fields['roster-file'] = [t(lang, 'csvErrors')];
  return syncPage(c, id, fields, rows, f.kind === 'conflict' ? 409 : 422);
}

/** The chief's roster pages: sync with a preview, the CSV download. */
export function rosterPages() {
  const r = new Hono<WebEnv>();
  const chief = roles(['admin', 'chief'], refuseRole);

  r.get('/departments/:id/members.csv', roles(['admin', 'chief', 'hr'], refuseRole), async (c) => {
    const out = valueOrPage(await rosterCsv(c.var.deps, c.var.actor, c.req.param('id')));
    return c.body(out.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${out.filename}"`,
      'cache-control': 'no-store',
    });
  });

  r.post('/departments/:id/roster', chief, async (c) => {
    const id = c.req.param('id');
    const lang = c.var.lang;
    const body = await c.req.parseBody();
    const file = body.roster;
    if (typeof file === 'string' || !file || file.size === 0)
      return syncPage(c, id, { 'roster-file': [t(lang, 'csvChoose')] }, [], 422);
    const parsed = rosterFromCsv(new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok)
      return syncPage(c, id, { 'roster-file': [t(lang, 'csvErrors')] }, parsed.error.errors, 422);
    const effectiveDate = text(body, 'effectiveDate') || undefined;
    const plan = await syncRoster(c.var.deps, c.var.actor, id, parsed.value.members, {
      preview: true,
      effectiveDate,
      lines: parsed.value.lines,
    });
    if (!plan.ok) return syncFailure(c, id, plan.error);
    return render(
      c,
      t(lang, 'rosterPreview'),
      <RosterPreview
        lang={lang}
        csrf={c.var.csrf}
        departmentId={id}
        plan={plan.value}
        roster={JSON.stringify(parsed.value.members)}
      />,
    );
  });

  // The roster the preview showed, carried in its form: checked again, applied on its version.
  r.post('/departments/:id/roster/apply', chief, async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    let members: unknown;
    try {
      members = JSON.parse(text(body, 'roster'));
    } catch {
      members = null;
    }
    const bad = validate('roster-sync', { members });
    if (bad.length) return syncFailure(c, id, { kind: 'invalid', detail: '', errors: bad });
    const out = await syncRoster(c.var.deps, c.var.actor, id, members as RosterEntry[], {
      preview: false,
      ifMatch: Number(text(body, 'version')),
      effectiveDate: text(body, 'effectiveDate') || undefined,
    });
    if (!out.ok) return syncFailure(c, id, out.error);
    const n = [out.value.added, out.value.updated, out.value.deactivated].map((x) => x.length);
    return c.redirect(`/departments/${id}?synced=${n.join('.')}`, 303);
  });

  return r;
}
