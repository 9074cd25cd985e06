import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import { visibleDepartments } from '../../app/departments/index.ts';
import type { InvitationIssued } from '../../app/people/index.ts';
import { invite, peopleFor, resetCredentials } from '../../app/people/index.ts';
import { validate } from '../../contract/schemas.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import {
  ColumnHeads,
  Csrf,
  ErrorSummary,
  errorsOnFields,
  Input,
  Select,
  text,
  type FormErrors,
  errorsOf,
} from '../shared/form.tsx';
import { t, tOf } from '../shared/i18n.ts';
import { failurePage, notAboutTheForm, render, valueOrPage } from '../shared/layout.tsx';
import { AdminNav } from './fields.tsx';

/** A link shown once, after an invitation or a reset. */
const Issued = ({ message, issued }: { message: string; issued: InvitationIssued }) => (
  <div class="notice" role="status">
    <p>{message}</p>
    <p>
      <code id="invitation-url">{issued.url}</code>
    </p>
  </div>
);

async function peoplePage(
  c: WebContext,
  o: {
    errors?: FormErrors;
    values?: Record<string, string>;
    issued?: { message: string; issued: InvitationIssued };
  } = {},
  status: 200 | 201 | 403 | 404 | 409 | 422 = 200,
) {
  const lang = c.var.lang;
  const [people, departments] = await Promise.all([
    peopleFor(c.var.deps, c.var.actor),
    visibleDepartments(c.var.deps, c.var.actor),
  ]);
  const list = valueOrPage(people);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const errors = o.errors ?? {};
  const v = o.values ?? {};
  return render(
    c,
    t(lang, 'admin.people'),
    <>
      <AdminNav lang={lang} here="/admin/people" />
      {o.issued ? <Issued {...o.issued} /> : null}
      {list.length ? (
        <Table id="people">
          <ColumnHeads
            lang={lang}
            keys={['name', 'email', 'role', 'department', 'credentials', 'status']}
          />
          <tbody>
            {list.map((p) => (
              <tr>
                <th scope="row">{p.name}</th>
                <td>{p.email}</td>
                <td>{tOf(lang, 'role', p.role)}</td>
                <td>{p.departmentId ? (deptName.get(p.departmentId) ?? '—') : '—'}</td>
                <td>
                  {[
                    p.passkeys ? `${t(lang, 'passkeys')} ${p.passkeys}` : '',
                    p.totp ? t(lang, 'totpStatus') : '',
                  ]
                    .filter(Boolean)
                    .join('・') || '—'}
                </td>
                <td>
                  <form method="post" action={`/admin/people/${p.id}/reset`} class="inline">
                    <Csrf token={c.var.csrf} />
                    <button type="submit" class="secondary">
                      {t(lang, 'resetCredentials')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t(lang, 'noPeople')}</p>
      )}
      <h2>{t(lang, 'inviteTitle')}</h2>
      <p>{t(lang, 'inviteIntro')}</p>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action="/admin/people">
        <Csrf token={c.var.csrf} />
        <Input name="name" label={t(lang, 'name')} value={v.name} errors={errors} />
        <Input
          name="email"
          type="email"
          label={t(lang, 'email')}
          value={v.email}
          errors={errors}
          required
        />
        <Select
          name="role"
          label={t(lang, 'role')}
          value={v.role}
          options={(['hr', 'chief', 'admin'] as const).map((r) => ({
            value: r,
            label: tOf(lang, 'role', r),
          }))}
          errors={errors}
        />
        <Select
          name="departmentId"
          label={t(lang, 'department')}
          value={v.departmentId}
          placeholder="—"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          errors={errors}
        />
        <button type="submit">{t(lang, 'invite')}</button>
      </form>
    </>,
    status,
  );
}

const fieldOf = (path: string) => /^\/(name|email|role|departmentId)/.exec(path)?.[1] ?? null;

/** The admin's people: who signs in with which role and credentials; invite; reset. */
export function peoplePages() {
  const r = new Hono<WebEnv>();

  r.get('/admin/people', (c) => peoplePage(c));

  r.post('/admin/people', async (c) => {
    const body = await c.req.parseBody();
    const values = {
      name: text(body, 'name'),
      email: text(body, 'email'),
      role: text(body, 'role'),
      departmentId: text(body, 'departmentId'),
    };
    const input = {
      email: values.email,
      role: values.role as 'hr',
      ...(values.name ? { name: values.name } : {}),
      ...(values.departmentId ? { departmentId: values.departmentId } : {}),
    };
    const bad = validate('invitation-create', input);
    const issued = bad.length
      ? ({ ok: false, error: { kind: 'invalid', detail: '', errors: bad } } as const)
      : await invite(c.var.deps, c.var.actor, input);
    if (!issued.ok) {
      if (notAboutTheForm(issued.error)) return failurePage(c, issued.error);
      const errs = errorsOf(issued.error);
      return peoplePage(c, { values, errors: errorsOnFields(errs, fieldOf, c.var.lang) }, 422);
    }
    const message = t(c.var.lang, 'invited', { name: values.name || values.email });
    return peoplePage(c, { issued: { message, issued: issued.value } }, 201);
  });

  r.post('/admin/people/:id/reset', async (c) => {
    const issued = await resetCredentials(c.var.deps, c.var.actor, c.req.param('id'));
    if (!issued.ok) return failurePage(c, issued.error);
    const person = valueOrPage(await peopleFor(c.var.deps, c.var.actor)).find(
      (p) => p.id === c.req.param('id'),
    );
    const message = t(c.var.lang, 'resetDone', { name: person?.name ?? '' });
    return peoplePage(c, { issued: { message, issued: issued.value } }, 201);
  });

  return r;
}
