import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import {
  readDepartment,
  updateDepartment,
  visibleDepartments,
  type DepartmentView,
} from '../../app/departments/index.ts';
import { validate } from '../../contract/schemas.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { ColumnHeads, Csrf, ErrorSummary, Input, text } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import {
  failurePage,
  formStatus,
  notAboutTheForm,
  render,
  valueOrPage,
} from '../shared/layout.tsx';
import { adminErrors, AdminNav, Notice, noErrors, type FormState } from './fields.tsx';

const field = (departmentId: string) => `webhook-${departmentId}`;

/** A webhook URL as the page may show it once saved: its origin only (the path is the secret). */
function masked(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return `${new URL(url).origin}/••••••••`;
  } catch {
    return '••••••••';
  }
}

function notificationsPage(
  c: WebContext,
  departments: DepartmentView[],
  form: FormState,
  status: 200 | 409 | 422 = 200,
) {
  const lang = c.var.lang;
  const org = masked(c.var.deps.slackWebhookUrl);
  const q = c.req.query();
  const notice = q.saved
    ? t(lang, 'admin.webhookSaved')
    : q.cleared
      ? t(lang, 'admin.webhookCleared')
      : undefined;
  return render(
    c,
    t(lang, 'admin.notifications'),
    <>
      <AdminNav lang={lang} here="/admin/notifications" />
      <Notice text={notice} />
      <ErrorSummary lang={lang} errors={form.errors} detail={form.detail} />
      <h2>{t(lang, 'admin.orgWebhook')}</h2>
      <p id="org-webhook">
        {org ? t(lang, 'admin.orgWebhookSet', { url: org }) : t(lang, 'admin.orgWebhookUnset')}
      </p>
      <h2>{t(lang, 'admin.departmentWebhooks')}</h2>
      <p class="hint">{t(lang, 'admin.webhookHint')}</p>
      <Table id="webhooks">
        <ColumnHeads lang={lang} keys={['admin.deptName', 'admin.webhookState', 'admin.change']} />
        <tbody>
          {departments.map((d) => (
            <tr>
              <th scope="row">{d.name}</th>
              <td data-department={d.id}>
                {d.slackWebhookConfigured
                  ? t(lang, 'admin.webhookConfigured')
                  : t(lang, 'admin.webhookFallback')}
              </td>
              <td>
                <form method="post" action={`/admin/notifications/${d.id}`}>
                  <Csrf token={c.var.csrf} />
                  <Input
                    name={field(d.id)}
                    type="url"
                    autocomplete="off"
                    label={t(lang, 'admin.webhookOf', { name: d.name })}
                    errors={form.errors}
                  />
                  <button type="submit">{t(lang, 'save')}</button>
                </form>
                {d.slackWebhookConfigured ? (
                  <form method="post" action={`/admin/notifications/${d.id}/clear`}>
                    <Csrf token={c.var.csrf} />
                    <button type="submit" class="secondary">
                      {t(lang, 'admin.webhookClear', { name: d.name })}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>,
    status,
  );
}

async function setWebhook(c: WebContext, id: string, url: string | null) {
  // Unknown department: its page, before anything about the form.
  valueOrPage(await readDepartment(c.var.deps, c.var.actor, id));
  const input = { slackWebhookUrl: url };
  const problems = validate('department-update', input);
  const done = problems.length ? null : await updateDepartment(c.var.deps, c.var.actor, id, input);
  if (done?.ok) return c.redirect(`/admin/notifications?${url ? 'saved' : 'cleared'}=1`, 303);
  if (done && notAboutTheForm(done.error)) return failurePage(c, done.error);
  const f = done?.error;
  const errors = adminErrors(
    f && 'errors' in f ? (f.errors ?? []) : problems,
    () => field(id),
    c.var.lang,
  );
  const departments = await visibleDepartments(c.var.deps, c.var.actor);
  return notificationsPage(
    c,
    departments,
    { errors, detail: f?.detail },
    f ? (formStatus(f) as 409 | 422) : 422,
  );
}

/** Notification targets: the organisation's Slack webhook (the operator's) and each department's own (admin). */
export function notificationPages() {
  const r = new Hono<WebEnv>();
  r.get('/admin/notifications', async (c) =>
    notificationsPage(c, await visibleDepartments(c.var.deps, c.var.actor), noErrors),
  );
  r.post('/admin/notifications/:id', async (c) => {
    const id = c.req.param('id');
    const url = text(await c.req.parseBody(), field(id));
    if (!url)
      return notificationsPage(
        c,
        await visibleDepartments(c.var.deps, c.var.actor),
        { errors: { [field(id)]: [t(c.var.lang, 'issue.required')] } },
        422,
      );
    return setWebhook(c, id, url);
  });
  r.post('/admin/notifications/:id/clear', (c) => setWebhook(c, c.req.param('id'), null));
  return r;
}
