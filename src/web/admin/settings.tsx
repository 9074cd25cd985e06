import { countText } from '../shared/dates.tsx';
import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import { visibleDepartments, type DepartmentView } from '../../app/departments/index.ts';
import {
  readSettings,
  updateSettings,
  type SettingsUpdate,
  type SettingsView,
} from '../../app/settings/index.ts';
import type { FieldError } from '../../app/failure.ts';
import { validate } from '../../contract/schemas.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import {
  ColumnHeads,
  Csrf,
  ErrorSummary,
  Input,
  Select,
  text,
  errorsOf,
  errorsOnFields,
} from '../shared/form.tsx';
import { t, type TextKey, failureMessage } from '../shared/i18n.ts';
import { failurePage, formStatus, notAboutTheForm, render } from '../shared/layout.tsx';
import { AdminNav, Notice, noErrors, type FormState } from './fields.tsx';

const POLICY_FIELDS = [
  'quarantineDays',
  'exposureWindowDays',
  'returnSeparationDays',
  'exposureLookbackDays',
] as const;

type Values = Record<string, string>;

/** A count as typed: empty is "not set" (null); digits a number; anything else as is, for the schema to name. */
const count = (v: string): number | string | null =>
  v === '' ? null : /^\d{1,9}$/.test(v) ? Number(v) : v;
const shown = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : String(n);

const resField = (kind: 'thin' | 'loan', departmentId: string) => `res-${kind}-${departmentId}`;

function currentValues(s: SettingsView, departments: DepartmentView[]): Values {
  const v: Values = { thinClientSeats: shown(s.thinClientSeats), loanPcs: shown(s.loanPcs) };
  for (const d of departments) {
    const r = s.reservations.find((x) => x.departmentId === d.id);
    v[resField('thin', d.id)] = shown(r?.thinClientSeats);
    v[resField('loan', d.id)] = shown(r?.loanPcs);
  }
  for (const f of POLICY_FIELDS) v[f] = s.policySet.includes(f) ? String(s.policy[f]) : '';
  v.exposureScope = s.policySet.includes('exposureScope') ? s.policy.exposureScope : '';
  return v;
}

function settingsPage(
  c: WebContext,
  s: SettingsView,
  departments: DepartmentView[],
  values: Values,
  form: FormState & { which?: 'capacity' | 'policy' },
  status: 200 | 409 | 422 = 200,
) {
  const lang = c.var.lang;
  const capErrors = form.which === 'capacity' ? form.errors : {};
  const polErrors = form.which === 'policy' ? form.errors : {};
  const saved = c.req.query('saved');
  // Every policy field is a number of days.
  const policyHint = (f: (typeof POLICY_FIELDS)[number]) =>
    t(lang, 'admin.policyDefaultHint', { value: countText(lang, 'days', s.policy[f]) });
  return render(
    c,
    t(lang, 'admin.settings'),
    <>
      <AdminNav lang={lang} here="/admin/settings" />
      <Notice text={saved ? t(lang, 'admin.saved') : undefined} />
      <ErrorSummary lang={lang} errors={form.errors} detail={form.detail} />
      <h2>{t(lang, 'admin.capacity')}</h2>
      <form method="post" action="/admin/settings/capacity" id="capacity-form">
        <Csrf token={c.var.csrf} />
        <p class="hint">{t(lang, 'admin.countHint')}</p>
        <Input
          name="thinClientSeats"
          type="number"
          min={0}
          label={t(lang, 'admin.thinClientSeats')}
          value={values.thinClientSeats}
          errors={capErrors}
        />
        <Input
          name="loanPcs"
          type="number"
          min={0}
          label={t(lang, 'admin.loanPcs')}
          value={values.loanPcs}
          errors={capErrors}
        />
        {departments.length ? (
          <Table id="reservations">
            <caption>{t(lang, 'admin.reservations')}</caption>
            <ColumnHeads
              lang={lang}
              keys={['admin.deptName', 'admin.thinClientSeats', 'admin.loanPcs']}
            />
            <tbody>
              {departments.map((d) => (
                <tr>
                  <th scope="row">{d.name}</th>
                  {(['thin', 'loan'] as const).map((k) => (
                    <td>
                      <Input
                        name={resField(k, d.id)}
                        type="number"
                        min={0}
                        label={t(lang, k === 'thin' ? 'admin.reserveThin' : 'admin.reserveLoan', {
                          name: d.name,
                        })}
                        value={values[resField(k, d.id)]}
                        errors={capErrors}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
        <button type="submit">{t(lang, 'save')}</button>
      </form>
      <h2>{t(lang, 'admin.policy')}</h2>
      <form method="post" action="/admin/settings/policy" id="policy-form">
        <Csrf token={c.var.csrf} />
        {POLICY_FIELDS.map((f) => (
          <Input
            name={f}
            type="number"
            min={0}
            label={t(lang, `admin.policy.${f}` as TextKey)}
            hint={policyHint(f)}
            value={values[f]}
            errors={polErrors}
          />
        ))}
        <Select
          name="exposureScope"
          label={t(lang, 'admin.policy.exposureScope')}
          value={values.exposureScope}
          placeholder={t(lang, 'admin.policyDefault')}
          options={[
            { value: 'day', label: t(lang, 'admin.scope.day') },
            { value: 'slot', label: t(lang, 'admin.scope.slot') },
          ]}
          errors={polErrors}
        />
        <button type="submit">{t(lang, 'save')}</button>
      </form>
      <h2>{t(lang, 'admin.sso')}</h2>
      <p>
        <a href="/admin/settings/sso">{t(lang, 'admin.ssoLink')}</a>
      </p>
    </>,
    status,
  );
}

async function load(c: WebContext) {
  const [s, departments] = await Promise.all([
    readSettings(c.var.deps),
    visibleDepartments(c.var.deps, c.var.actor),
  ]);
  return { s, departments };
}

/** Saves a change through the API's schema and use case; a refusal comes back on its form. */
async function save(
  c: WebContext,
  which: 'capacity' | 'policy',
  request: (body: Record<string, unknown>, d: DepartmentView[]) => SettingsUpdate,
  fieldOf: (path: string, d: DepartmentView[]) => string | null,
) {
  const body = await c.req.parseBody();
  const { s, departments } = await load(c);
  const values = { ...currentValues(s, departments) };
  for (const k of Object.keys(values)) if (k in body) values[k] = text(body, k);
  const input = request(body, departments);
  const problems: FieldError[] = validate('settings-update', input);
  const answer = problems.length ? null : await updateSettings(c.var.deps, c.var.actor, input);
  if (answer?.ok) return c.redirect(`/admin/settings?saved=${which}`, 303);
  if (answer && notAboutTheForm(answer.error)) return failurePage(c, answer.error);
  const f = answer?.error;
  const errors = errorsOnFields(
    f ? errorsOf(f) : problems,
    (p) => fieldOf(p, departments),
    c.var.lang,
  );
  return settingsPage(
    c,
    s,
    departments,
    values,
    { which, errors, detail: f ? failureMessage(c.var.lang, f) : undefined },
    f ? (formStatus(f) as 409 | 422) : 422,
  );
}

/** Organisation settings: remote capacity with each department's reservation, and the quarantine policy (admin). */
export function settingsPages() {
  const r = new Hono<WebEnv>();

  r.get('/admin/settings', async (c) => {
    const { s, departments } = await load(c);
    return settingsPage(c, s, departments, currentValues(s, departments), noErrors);
  });

  r.post('/admin/settings/capacity', (c) =>
    save(
      c,
      'capacity',
      (body, departments) => ({
        thinClientSeats: count(text(body, 'thinClientSeats')) as number | null,
        loanPcs: count(text(body, 'loanPcs')) as number | null,
        reservations: departments.map((d) => ({
          departmentId: d.id,
          thinClientSeats: count(text(body, resField('thin', d.id))) as number | null,
          loanPcs: count(text(body, resField('loan', d.id))) as number | null,
        })),
      }),
      (path, departments) => {
        const top = /^\/(thinClientSeats|loanPcs)$/.exec(path)?.[1];
        if (top) return top;
        const m = /^\/reservations\/(\d+)(?:\/(thinClientSeats|loanPcs))?/.exec(path);
        const d = m ? departments[Number(m[1])] : undefined;
        if (!m || !d) return null;
        return resField(m[2] === 'loanPcs' ? 'loan' : 'thin', d.id);
      },
    ),
  );

  r.post('/admin/settings/policy', (c) =>
    save(
      c,
      'policy',
      (body) => {
        const policy: Record<string, unknown> = {};
        for (const f of POLICY_FIELDS) policy[f] = count(text(body, f));
        policy.exposureScope = text(body, 'exposureScope') || null;
        return { policy } as SettingsUpdate;
      },
      (path) => /^\/policy\/(\w+)$/.exec(path)?.[1] ?? null,
    ),
  );

  return r;
}
