import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import {
  readDepartment,
  updateDepartment,
  visibleDepartments,
  type DepartmentView,
} from '../../app/departments/index.ts';
import type { Failure, FieldError } from '../../app/failure.ts';
import type { Result } from '../../domain/result.ts';
import { validate } from '../../contract/schemas.ts';
import { readSettings, updateSettings } from '../../app/settings/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import {
  ColumnHeads,
  Csrf,
  ErrorSummary,
  Input,
  text,
  errorsOf,
  errorsOnFields,
} from '../shared/form.tsx';
import { t, type TextKey, failureMessage } from '../shared/i18n.ts';
import {
  failurePage,
  formStatus,
  notAboutTheForm,
  render,
  valueOrPage,
} from '../shared/layout.tsx';
import { AdminNav, Notice, noErrors, type FormState } from './fields.tsx';

/** The two chat webhooks a department has: what each is called on the page and in the API. */
const KINDS = {
  slack: {
    field: (id: string) => `webhook-${id}`,
    action: (id: string) => `/admin/notifications/${id}`,
    input: (url: string | null) => ({ slackWebhookUrl: url }),
    configured: (d: DepartmentView) => d.slackWebhookConfigured,
    keys: [
      'admin.orgWebhook',
      'admin.orgWebhookSet',
      'admin.orgWebhookUnset',
      'admin.departmentWebhooks',
    ],
  },
  teams: {
    field: (id: string) => `teams-${id}`,
    action: (id: string) => `/admin/notifications/${id}/teams`,
    input: (url: string | null) => ({ teamsWebhookUrl: url }),
    configured: (d: DepartmentView) => d.teamsWebhookConfigured,
    keys: ['admin.orgTeams', 'admin.orgTeamsSet', 'admin.orgTeamsUnset', 'admin.departmentTeams'],
  },
} as const satisfies Record<string, { keys: readonly TextKey[] } & Record<string, unknown>>;
type Kind = keyof typeof KINDS;

/** A webhook URL as the page may show it once saved: its origin only (the path is the secret). */
function masked(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return `${new URL(url).origin}/••••••••`;
  } catch {
    return '••••••••';
  }
}

function WebhookSection(props: {
  c: WebContext;
  kind: Kind;
  /** The environment's webhook (the operator's fallback). */
  org: string | undefined;
  /** Has an admin stored the organisation's own (it comes before the environment's)? */
  stored: boolean;
  departments: DepartmentView[];
  form: FormState;
}) {
  const { c, form } = props;
  const lang = c.var.lang;
  const k = KINDS[props.kind];
  const [heading, set, unset, perDepartment] = k.keys;
  const org = masked(props.org);
  const field = `org-${props.kind}`;
  return (
    <>
      <h2>{t(lang, heading)}</h2>
      <p id={props.kind === 'slack' ? 'org-webhook' : 'org-teams'}>
        {props.stored
          ? t(lang, 'admin.orgStored')
          : org
            ? t(lang, set, { url: org })
            : t(lang, unset)}
      </p>
      <form method="post" action={`/admin/webhooks/${props.kind}`}>
        <Csrf token={c.var.csrf} />
        <Input
          name={field}
          type="url"
          autocomplete="off"
          label={t(lang, props.kind === 'slack' ? 'admin.orgSlackNew' : 'admin.orgTeamsNew')}
          errors={form.errors}
        />
        <button type="submit">{t(lang, 'save')}</button>
      </form>
      {props.stored ? (
        <form method="post" action={`/admin/webhooks/${props.kind}/clear`}>
          <Csrf token={c.var.csrf} />
          <button type="submit" class="secondary">
            {t(lang, 'admin.orgClear')}
          </button>
        </form>
      ) : null}
      <h2>{t(lang, perDepartment)}</h2>
      <p class="hint">
        {t(lang, props.kind === 'slack' ? 'admin.webhookHint' : 'admin.teamsHint')}
      </p>
      <Table id={props.kind === 'slack' ? 'webhooks' : 'teams-webhooks'}>
        <ColumnHeads lang={lang} keys={['admin.deptName', 'admin.webhookState', 'admin.change']} />
        <tbody>
          {props.departments.map((d) => (
            <tr>
              <th scope="row">{d.name}</th>
              <td data-department={d.id}>
                {k.configured(d)
                  ? t(lang, 'admin.webhookConfigured')
                  : t(lang, 'admin.webhookFallback')}
              </td>
              <td>
                <form method="post" action={k.action(d.id)}>
                  <Csrf token={c.var.csrf} />
                  <Input
                    name={k.field(d.id)}
                    type="url"
                    autocomplete="off"
                    label={t(
                      lang,
                      props.kind === 'slack' ? 'admin.webhookOf' : 'admin.teamsWebhookOf',
                      {
                        name: d.name,
                      },
                    )}
                    errors={form.errors}
                  />
                  <button type="submit">{t(lang, 'save')}</button>
                </form>
                {k.configured(d) ? (
                  <form method="post" action={`${k.action(d.id)}/clear`}>
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
    </>
  );
}

async function notificationsPage(
  c: WebContext,
  departments: DepartmentView[],
  form: FormState,
  status: 200 | 409 | 422 = 200,
) {
  const lang = c.var.lang;
  const settings = await readSettings(c.var.deps);
  const q = c.req.query();
  const notice = q.saved
    ? t(lang, 'admin.webhookSaved')
    : q.cleared
      ? t(lang, 'admin.webhookCleared')
      : undefined;
  const section = { c, departments, form };
  return render(
    c,
    t(lang, 'admin.notifications'),
    <>
      <AdminNav lang={lang} here="/admin/notifications" />
      <Notice text={notice} />
      <ErrorSummary lang={lang} errors={form.errors} detail={form.detail} />
      <WebhookSection
        {...section}
        kind="slack"
        org={c.var.deps.slackWebhookUrl}
        stored={settings.slackWebhookConfigured}
      />
      <WebhookSection
        {...section}
        kind="teams"
        org={c.var.deps.teamsWebhookUrl}
        stored={settings.teamsWebhookConfigured}
      />
    </>,
    status,
  );
}

/**
 * What saving a webhook came to: back to the list, or the page with the problems by `field` (the
 * schema's, else the use case's); a failure that is not about the form gets its own page.
 */
async function webhookOutcome(
  c: WebContext,
  url: string | null,
  field: string,
  problems: FieldError[],
  done: Result<unknown, Failure> | null,
) {
  if (done?.ok) return c.redirect(`/admin/notifications?${url ? 'saved' : 'cleared'}=1`, 303);
  if (done && notAboutTheForm(done.error)) return failurePage(c, done.error);
  const f = done?.error;
  const errors = errorsOnFields(f ? errorsOf(f) : problems, () => field, c.var.lang);
  return notificationsPage(
    c,
    await visibleDepartments(c.var.deps, c.var.actor),
    { errors, detail: f ? failureMessage(c.var.lang, f) : undefined },
    f ? (formStatus(f) as 409 | 422) : 422,
  );
}

/** The page again with `field` said to be required. */
async function urlRequired(c: WebContext, field: string) {
  return notificationsPage(
    c,
    await visibleDepartments(c.var.deps, c.var.actor),
    { errors: { [field]: [t(c.var.lang, 'issue.required')] } },
    422,
  );
}

async function setWebhook(c: WebContext, kind: Kind, id: string, url: string | null) {
  // Unknown department: its page, before anything about the form.
  valueOrPage(await readDepartment(c.var.deps, c.var.actor, id));
  const k = KINDS[kind];
  const input = k.input(url);
  const problems = validate('department-update', input);
  const done = problems.length ? null : await updateDepartment(c.var.deps, c.var.actor, id, input);
  return webhookOutcome(c, url, k.field(id), problems, done);
}

/** Notification targets: the organisation's Slack and Teams webhooks (the operator's) and each department's own (admin). */
export function notificationPages() {
  const r = new Hono<WebEnv>();
  r.get('/admin/notifications', async (c) =>
    notificationsPage(c, await visibleDepartments(c.var.deps, c.var.actor), noErrors),
  );
  const save = (kind: Kind) => async (c: WebContext) => {
    const id = c.req.param('id')!;
    const field = KINDS[kind].field(id);
    const url = text(await c.req.parseBody(), field);
    if (!url) return urlRequired(c, field);
    return setWebhook(c, kind, id, url);
  };
  // The organisation's own webhook (before the department routes: `organisation` is no department).
  const saveOrg = async (c: WebContext, kind: Kind, url: string | null) => {
    const input = kind === 'slack' ? { slackWebhookUrl: url } : { teamsWebhookUrl: url };
    const problems = validate('settings-update', input);
    const done = problems.length ? null : await updateSettings(c.var.deps, c.var.actor, input);
    return webhookOutcome(c, url, `org-${kind}`, problems, done);
  };
  r.post('/admin/webhooks/:kind{(?:slack|teams)}', async (c) => {
    const kind = c.req.param('kind') as Kind;
    const url = text(await c.req.parseBody(), `org-${kind}`);
    if (!url) return urlRequired(c, `org-${kind}`);
    return saveOrg(c, kind, url);
  });
  r.post('/admin/webhooks/:kind{(?:slack|teams)}/clear', (c) =>
    saveOrg(c, c.req.param('kind') as Kind, null),
  );
  r.post('/admin/notifications/:id', save('slack'));
  r.post('/admin/notifications/:id/clear', (c) => setWebhook(c, 'slack', c.req.param('id'), null));
  r.post('/admin/notifications/:id/teams', save('teams'));
  r.post('/admin/notifications/:id/teams/clear', (c) =>
    setWebhook(c, 'teams', c.req.param('id'), null),
  );
  return r;
}
