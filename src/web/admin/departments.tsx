import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import {
  createDepartment,
  readDepartment,
  updateDepartment,
  visibleDepartments,
} from '../../app/departments/index.ts';
import type { Failure } from '../../app/failure.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { ColumnHeads, errorsOf } from '../shared/form.tsx';
import { hoursText } from '../shared/dates.tsx';
import { t, failureMessage } from '../shared/i18n.ts';
import {
  failurePage,
  formStatus,
  notAboutTheForm,
  refuseRole,
  render,
  valueOrPage,
} from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import {
  DepartmentForm,
  departmentErrors,
  departmentRequest,
  departmentValues,
  NEW_DEPARTMENT,
  valuesOfDepartment,
  type DepartmentValues,
} from './department-form.tsx';
import { AdminNav, Notice, type FormState } from './fields.tsx';

async function listPage(c: WebContext) {
  const lang = c.var.lang;
  const departments = await visibleDepartments(c.var.deps, c.var.actor);
  return render(
    c,
    t(lang, 'departments'),
    <>
      <AdminNav lang={lang} here="/departments" />
      <p>
        <a class="button" href="/departments/new">
          {t(lang, 'admin.newDepartment')}
        </a>
      </p>
      {departments.length ? (
        <Table id="departments">
          <ColumnHeads
            lang={lang}
            keys={['admin.deptName', 'admin.timezone', 'admin.officeHours', 'admin.settingsLink']}
          />
          <tbody>
            {departments.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/departments/${d.id}`}>{d.name}</a>
                </th>
                <td>{d.timezone}</td>
                <td>{hoursText(lang, d.officeHours.start, d.officeHours.end)}</td>
                <td>
                  <a href={`/departments/${d.id}/settings`}>
                    {t(lang, 'admin.editSettingsOf', { name: d.name })}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t(lang, 'admin.noDepartmentsYet')}</p>
      )}
    </>,
  );
}

function formPage(
  c: WebContext,
  o: { title: string; action: string; submit: string; values: DepartmentValues; notice?: string },
  form: FormState,
  status: 200 | 409 | 412 | 422 = 200,
) {
  const lang = c.var.lang;
  return render(
    c,
    o.title,
    <>
      {c.var.actor.role === 'admin' ? <AdminNav lang={lang} here="" /> : null}
      <Notice text={o.notice} />
      <DepartmentForm
        lang={lang}
        csrf={c.var.csrf}
        action={o.action}
        submit={o.submit}
        values={o.values}
        errors={form.errors}
        detail={form.detail}
      />
    </>,
    status,
  );
}

/** A refused write: its field errors on the form, or the failure's page when it is not about the input. */
function refused(
  c: WebContext,
  f: Failure,
  o: Parameters<typeof formPage>[1],
): Response | Promise<Response> {
  if (notAboutTheForm(f)) return failurePage(c, f);
  const errors = departmentErrors(o.values, errorsOf(f), c.var.lang);
  return formPage(c, o, { errors, detail: failureMessage(c.var.lang, f) }, formStatus(f));
}

/**
 * Departments: the list and a new one (admin); a department's settings (admin, and a chief their
 * own, as `PATCH /v1/departments/{id}` allows).
 */
export function departmentPages() {
  const r = new Hono<WebEnv>();
  const admin = roles(['admin'], refuseRole);
  const settings = roles(['admin', 'chief'], refuseRole);

  r.get('/departments', admin, (c) => listPage(c));

  const newForm = (c: WebContext, values: DepartmentValues) => ({
    title: t(c.var.lang, 'admin.newDepartment'),
    action: '/departments/new',
    submit: t(c.var.lang, 'admin.create'),
    values,
  });
  r.get('/departments/new', admin, (c) => formPage(c, newForm(c, NEW_DEPARTMENT), { errors: {} }));
  r.post('/departments/new', admin, async (c) => {
    const values = departmentValues(await c.req.parseBody());
    const o = newForm(c, values);
    const { input, errors } = departmentRequest(values, 'department-create', c.var.lang);
    if (!input) return formPage(c, o, { errors }, 422);
    const made = await createDepartment(c.var.deps, c.var.actor, input);
    if (!made.ok) return refused(c, made.error, o);
    return c.redirect(`/departments/${made.value.id}/settings?created=1`, 303);
  });

  const editForm = (c: WebContext, id: string, name: string, values: DepartmentValues) => ({
    title: t(c.var.lang, 'admin.settingsOf', { name }),
    action: `/departments/${id}/settings`,
    submit: t(c.var.lang, 'save'),
    values,
  });
  r.get('/departments/:id/settings', settings, async (c) => {
    const id = c.req.param('id');
    const d = valueOrPage(await readDepartment(c.var.deps, c.var.actor, id));
    const q = c.req.query();
    const notice = q.created
      ? t(c.var.lang, 'admin.departmentCreated')
      : q.saved
        ? t(c.var.lang, 'admin.saved')
        : undefined;
    return formPage(
      c,
      { ...editForm(c, id, d.name, valuesOfDepartment(d)), ...(notice ? { notice } : {}) },
      { errors: {} },
    );
  });
  r.post('/departments/:id/settings', settings, async (c) => {
    const id = c.req.param('id');
    const d = valueOrPage(await readDepartment(c.var.deps, c.var.actor, id));
    const values = departmentValues(await c.req.parseBody());
    const o = editForm(c, id, d.name, values);
    const { input, errors } = departmentRequest(values, 'department-update', c.var.lang);
    if (!input) return formPage(c, o, { errors }, 422);
    const done = await updateDepartment(c.var.deps, c.var.actor, id, input);
    if (!done.ok) return refused(c, done.error, o);
    return c.redirect(`/departments/${id}/settings?saved=1`, 303);
  });

  return r;
}
