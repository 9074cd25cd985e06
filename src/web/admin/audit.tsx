import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import {
  exportAuditCsv,
  knownAuditActions,
  listAuditEntries,
  type AuditFilter,
} from '../../app/audit/index.ts';
import type { Role } from '../../app/actor.ts';
import { addDays, isIsoDate } from '../../domain/calendar/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import {
  addError,
  ColumnHeads,
  ErrorSummary,
  Input,
  Select,
  type FormErrors,
} from '../shared/form.tsx';
import { Instant } from '../shared/dates.tsx';
import { t, tOf } from '../shared/i18n.ts';
import { render, valueOrPage } from '../shared/layout.tsx';
import { AdminNav } from './fields.tsx';

const ROLES: Role[] = ['admin', 'hr', 'chief', 'staff'];
/** The most entries a page shows; the CSV takes up to the API's maximum. */
const PAGE_LIMIT = 500;
const CSV_LIMIT = 10000;

type Values = { from: string; to: string; action: string; role: string };

/** The filter a query asks for (dates are whole UTC days, `to` included), or the problems by field. */
function filterOf(c: WebContext): {
  values: Values;
  filter: Omit<AuditFilter, 'limit'> | null;
  errors: FormErrors;
} {
  const q = c.req.query();
  const values: Values = {
    from: (q.from ?? '').trim(),
    to: (q.to ?? '').trim(),
    action: (q.action ?? '').trim(),
    role: (q.role ?? '').trim(),
  };
  const errors: FormErrors = {};
  for (const f of ['from', 'to'] as const)
    if (values[f] && !isIsoDate(values[f])) addError(errors, f, t(c.var.lang, 'mustBeDate'));
  if (values.role && !(ROLES as string[]).includes(values.role))
    addError(errors, 'role', t(c.var.lang, 'issue.enum'));
  if (values.action.length > 200)
    addError(errors, 'action', t(c.var.lang, 'issue.too-long', { max: 200 }));
  if (Object.keys(errors).length) return { values, filter: null, errors };
  return {
    values,
    errors,
    filter: {
      from: values.from ? `${values.from}T00:00:00.000Z` : undefined,
      to: values.to ? `${addDays(values.to, 1)}T00:00:00.000Z` : undefined,
      action: values.action || undefined,
      role: (values.role || undefined) as Role | undefined,
    },
  };
}

/** The audit log, filtered, with its CSV export (admin). */
export function auditPages() {
  const r = new Hono<WebEnv>();

  r.get('/admin/audit', async (c) => {
    const lang = c.var.lang;
    const { values, filter, errors } = filterOf(c);
    const [entries, actions] = await Promise.all([
      filter ? listAuditEntries(c.var.deps, { ...filter, limit: PAGE_LIMIT + 1 }) : [],
      knownAuditActions(c.var.deps),
    ]);
    const query = new URLSearchParams(
      Object.entries(values).filter(([, v]) => v !== ''),
    ).toString();
    return render(
      c,
      t(lang, 'admin.audit'),
      <>
        <AdminNav lang={lang} here="/admin/audit" />
        <ErrorSummary lang={lang} errors={errors} />
        <form method="get" action="/admin/audit" id="audit-filter">
          <Input
            name="from"
            type="date"
            label={t(lang, 'admin.from')}
            value={values.from}
            errors={errors}
            hint={t(lang, 'admin.utcHint')}
          />
          <Input
            name="to"
            type="date"
            label={t(lang, 'admin.to')}
            value={values.to}
            errors={errors}
          />
          <Select
            name="action"
            label={t(lang, 'admin.action')}
            value={values.action}
            placeholder={t(lang, 'admin.all')}
            options={actions.map((a) => ({ value: a, label: tOf(lang, 'action', a) }))}
            errors={errors}
          />
          <Select
            name="role"
            label={t(lang, 'admin.tokenRole')}
            value={values.role}
            placeholder={t(lang, 'admin.all')}
            options={ROLES.map((x) => ({ value: x, label: tOf(lang, 'role', x) }))}
            errors={errors}
          />
          <button type="submit">{t(lang, 'admin.filter')}</button>
        </form>
        {filter ? (
          <p>
            <a class="button secondary" href={`/admin/audit.csv${query ? `?${query}` : ''}`}>
              {t(lang, 'admin.csvExport')}
            </a>
          </p>
        ) : null}
        {entries.length > PAGE_LIMIT ? (
          <p>{t(lang, 'admin.firstEntries', { count: PAGE_LIMIT })}</p>
        ) : null}
        <Table id="audit">
          <ColumnHeads
            lang={lang}
            keys={['admin.at', 'admin.tokenRole', 'admin.action', 'admin.subject', 'admin.summary']}
          />
          <tbody>
            {entries.slice(0, PAGE_LIMIT).map((e) => (
              <tr>
                <td>
                  {/* In UTC, the zone the filter's days are read in. */}
                  <Instant lang={lang} iso={e.at} zone="UTC" />
                </td>
                <td>{tOf(lang, 'role', e.actor.role)}</td>
                <td title={e.action}>{tOf(lang, 'action', e.action)}</td>
                <td>{`${tOf(lang, 'subject', e.subject.type)} ${e.subject.id}`}</td>
                <td>
                  <code translate="no">{JSON.stringify(e.summary)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
        {filter && entries.length === 0 ? <p>{t(lang, 'admin.noEntries')}</p> : null}
      </>,
      Object.keys(errors).length ? 422 : 200,
    );
  });

  r.get('/admin/audit.csv', async (c) => {
    // A bad filter is shown on the page, next to its field.
    const { filter } = filterOf(c);
    if (!filter) return c.redirect(`/admin/audit?${new URL(c.req.url).searchParams}`, 303);
    const csv = valueOrPage(
      await exportAuditCsv(c.var.deps, c.var.actor, { ...filter, limit: CSV_LIMIT }),
    );
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit.csv"',
      'cache-control': 'no-store',
    });
  });

  return r;
}
