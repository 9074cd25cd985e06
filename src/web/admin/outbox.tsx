import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import { DEFAULT_ZONE } from '../../app/capacity/index.ts';
import { visibleDepartments } from '../../app/departments/index.ts';
import {
  OUTBOX_STATUSES,
  outboxMessages,
  retryOutboxMessage,
  type OutboxStatus,
} from '../../app/outbox/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { ColumnHeads, Csrf, ErrorSummary, Select, type FormErrors } from '../shared/form.tsx';
import { Instant, countText, instantText } from '../shared/dates.tsx';
import { t, tOf, failureMessage } from '../shared/i18n.ts';
import { failurePage, notAboutTheForm, render } from '../shared/layout.tsx';
import { AdminNav, Notice } from './fields.tsx';

const LIMIT = 500;

async function outboxPage(c: WebContext, detail?: string, status: 200 | 409 = 200) {
  const lang = c.var.lang;
  const asked = c.req.query('status') ?? '';
  const known = (OUTBOX_STATUSES as readonly string[]).includes(asked);
  const errors: FormErrors = asked && !known ? { status: [t(lang, 'issue.enum')] } : {};
  const [messages, departments] = await Promise.all([
    outboxMessages(c.var.deps, {
      limit: LIMIT,
      ...(known ? { status: asked as OutboxStatus } : {}),
    }),
    visibleDepartments(c.var.deps, c.var.actor),
  ]);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  // A message is dated in its department's zone; one to nobody's department in the default one.
  const zoneOf = new Map(departments.map((d) => [d.id, d.timezone]));
  const zone = (id: string | null) => (id && zoneOf.get(id)) || DEFAULT_ZONE;
  return render(
    c,
    t(lang, 'admin.outbox'),
    <>
      <AdminNav lang={lang} here="/admin/outbox" />
      <Notice text={c.req.query('retried') ? t(lang, 'admin.retried') : undefined} />
      <ErrorSummary lang={lang} errors={errors} detail={detail} />
      <form method="get" action="/admin/outbox" id="outbox-filter">
        <Select
          name="status"
          label={t(lang, 'admin.outboxStatus')}
          value={asked}
          placeholder={t(lang, 'admin.all')}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: tOf(lang, 'outbox', s) }))}
          errors={errors}
        />
        <button type="submit">{t(lang, 'admin.filter')}</button>
      </form>
      <Table id="outbox">
        <ColumnHeads
          lang={lang}
          keys={[
            'admin.createdAt',
            'admin.deptName',
            'admin.channel',
            'admin.recipient',
            'admin.messageSubject',
            'admin.outboxStatus',
            'admin.attempts',
            'admin.lastError',
            'admin.change',
          ]}
        />
        <tbody>
          {messages.map((m) => (
            <tr data-message={m.id} data-status={m.status}>
              <td>
                <Instant lang={lang} iso={m.createdAt} zone={zone(m.departmentId)} />
              </td>
              <td>{m.departmentId ? (deptName.get(m.departmentId) ?? m.departmentId) : ''}</td>
              <td>{tOf(lang, 'channel', m.channel)}</td>
              <td>{m.recipient}</td>
              <td>{m.subject}</td>
              <td>
                {tOf(lang, 'outbox', m.status)}
                {m.nextAttemptAt
                  ? ` (${t(lang, 'admin.nextAttempt', { at: instantText(lang, m.nextAttemptAt, zone(m.departmentId)) })})`
                  : ''}
              </td>
              <td>{countText(lang, 'times', m.attempts)}</td>
              <td>{m.lastError ?? ''}</td>
              <td>
                {m.status === 'failed' ? (
                  <form method="post" action={`/admin/outbox/${m.id}/retry`}>
                    <Csrf token={c.var.csrf} />
                    <button type="submit">{t(lang, 'admin.retry')}</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {messages.length === 0 ? <p>{t(lang, 'admin.noMessages')}</p> : null}
    </>,
    Object.keys(errors).length ? 422 : status,
  );
}

/** The notification outbox: each message's state, and a failed one put back in the queue (admin). */
export function outboxPages() {
  const r = new Hono<WebEnv>();
  r.get('/admin/outbox', (c) => outboxPage(c));
  r.post('/admin/outbox/:id/retry', async (c) => {
    const done = await retryOutboxMessage(c.var.deps, c.var.actor, c.req.param('id'));
    if (done.ok) return c.redirect('/admin/outbox?retried=1', 303);
    if (notAboutTheForm(done.error)) return failurePage(c, done.error);
    return outboxPage(c, failureMessage(c.var.lang, done.error), 409);
  });
  return r;
}
