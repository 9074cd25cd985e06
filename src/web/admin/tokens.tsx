import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import { DEFAULT_ZONE } from '../../app/capacity/index.ts';
import { visibleDepartments, type DepartmentView } from '../../app/departments/index.ts';
import { membersOf } from '../../app/members/index.ts';
import {
  allTokens,
  issueToken,
  revokeToken,
  type IssuedToken,
  type TokenInput,
} from '../../app/tokens/index.ts';
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
import { Instant, instantText } from '../shared/dates.tsx';
import { t, tOf, failureMessage } from '../shared/i18n.ts';
import { failurePage, render, valueOrPage } from '../shared/layout.tsx';
import { AdminNav, Notice, noErrors, type FormState } from './fields.tsx';

type Values = { role: string; label: string; departmentId: string; memberId: string };
const EMPTY: Values = { role: '', label: '', departmentId: '', memberId: '' };
const ROLES = ['admin', 'hr', 'chief', 'staff'] as const;

async function directory(c: WebContext) {
  const departments = await visibleDepartments(c.var.deps, c.var.actor);
  const members = await Promise.all(
    departments.map(async (d) => ({
      department: d,
      members: valueOrPage(await membersOf(c.var.deps, c.var.actor, d.id, true)).members,
    })),
  );
  return { departments, members };
}

async function tokensPage(
  c: WebContext,
  o: { values?: Values; issued?: IssuedToken; form?: FormState } = {},
  status: 200 | 201 | 422 = 200,
) {
  const lang = c.var.lang;
  const [tokens, dir] = await Promise.all([allTokens(c.var.deps), directory(c)]);
  const deptName = new Map(dir.departments.map((d: DepartmentView) => [d.id, d.name]));
  const memberName = new Map(dir.members.flatMap((g) => g.members.map((m) => [m.id, m.name])));
  const v = o.values ?? EMPTY;
  const errors = o.form?.errors ?? {};
  const scope = (x: { departmentId: string | null; memberId: string | null }) =>
    [
      x.departmentId ? (deptName.get(x.departmentId) ?? x.departmentId) : '',
      x.memberId ? (memberName.get(x.memberId) ?? x.memberId) : '',
    ]
      .filter(Boolean)
      .join(' / ') || t(lang, 'admin.everyDepartment');
  return render(
    c,
    t(lang, 'admin.tokens'),
    <>
      <AdminNav lang={lang} here="/admin/tokens" />
      <Notice text={c.req.query('revoked') ? t(lang, 'admin.tokenRevoked') : undefined} />
      {o.issued ? (
        <div class="notice" role="status" id="issued-token">
          <p>{t(lang, 'admin.tokenIssued', { label: o.issued.label })}</p>
          <div class="copy-row" data-name={t(lang, 'admin.tokenSecret')}>
            <label for="new-token">{t(lang, 'admin.tokenSecret')}</label>
            <input id="new-token" type="text" readonly value={o.issued.token} />
            <button type="button" data-copy="new-token" data-done={t(lang, 'copied')}>
              {t(lang, 'copy')}
            </button>
          </div>
          <p id="copy-status" role="status" aria-live="polite"></p>
          <p>{t(lang, 'admin.tokenOnce')}</p>
        </div>
      ) : null}
      <h2>{t(lang, 'admin.issueToken')}</h2>
      <ErrorSummary lang={lang} errors={errors} detail={o.form?.detail} />
      <form method="post" action="/admin/tokens" id="token-form">
        <Csrf token={c.var.csrf} />
        <Select
          name="role"
          label={t(lang, 'admin.tokenRole')}
          value={v.role}
          placeholder={t(lang, 'admin.choose')}
          options={ROLES.map((r) => ({ value: r, label: tOf(lang, 'role', r) }))}
          errors={errors}
        />
        <Input name="label" label={t(lang, 'admin.tokenLabel')} value={v.label} errors={errors} />
        <Select
          name="departmentId"
          label={t(lang, 'admin.tokenDepartment')}
          hint={t(lang, 'admin.tokenDepartmentHint')}
          value={v.departmentId}
          placeholder={t(lang, 'admin.none')}
          options={dir.departments.map((d) => ({ value: d.id, label: d.name }))}
          errors={errors}
        />
        <Select
          name="memberId"
          label={t(lang, 'admin.tokenMember')}
          hint={t(lang, 'admin.tokenMemberHint')}
          value={v.memberId}
          placeholder={t(lang, 'admin.none')}
          groups={dir.members.map((g) => ({
            label: g.department.name,
            options: g.members.map((m) => ({ value: m.id, label: `${m.name} <${m.email}>` })),
          }))}
          errors={errors}
        />
        <button type="submit">{t(lang, 'admin.issue')}</button>
      </form>
      <h2>{t(lang, 'admin.tokenList')}</h2>
      <Table id="tokens">
        <ColumnHeads
          lang={lang}
          keys={[
            'admin.tokenLabel',
            'admin.tokenRole',
            'admin.tokenScope',
            'admin.createdAt',
            'admin.tokenState',
          ]}
        />
        <tbody>
          {tokens.map((k) => (
            <tr data-token={k.id}>
              <th scope="row">{k.label}</th>
              <td>{tOf(lang, 'role', k.role)}</td>
              <td>{scope(k)}</td>
              <td>
                <Instant lang={lang} iso={k.createdAt} zone={DEFAULT_ZONE} />
              </td>
              <td>
                {k.revokedAt ? (
                  t(lang, 'admin.revokedAt', { at: instantText(lang, k.revokedAt, DEFAULT_ZONE) })
                ) : (
                  <form method="post" action={`/admin/tokens/${k.id}/revoke`}>
                    <Csrf token={c.var.csrf} />
                    <button type="submit" class="secondary">
                      {t(lang, 'admin.revoke', { label: k.label })}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>,
    status,
  );
}

const fieldOf = (path: string) => /^\/(role|label|departmentId|memberId)$/.exec(path)?.[1] ?? null;

/** API tokens for integrations: issue (the secret shown once, here), list, revoke (admin). */
export function tokenPages() {
  const r = new Hono<WebEnv>();
  r.get('/admin/tokens', (c) => tokensPage(c));
  r.post('/admin/tokens', async (c) => {
    const body = await c.req.parseBody();
    const values: Values = {
      role: text(body, 'role'),
      label: text(body, 'label'),
      departmentId: text(body, 'departmentId'),
      memberId: text(body, 'memberId'),
    };
    const input: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v) input[k] = v;
    const problems = validate('token-create', input);
    const issued = problems.length
      ? null
      : await issueToken(c.var.deps, c.var.actor, input as unknown as TokenInput);
    if (issued?.ok) return tokensPage(c, { issued: issued.value }, 201);
    const f = issued?.error;
    const errors = errorsOnFields(f ? errorsOf(f) : problems, fieldOf, c.var.lang);
    return tokensPage(
      c,
      { values, form: { errors, detail: f ? failureMessage(c.var.lang, f) : undefined } },
      422,
    );
  });
  r.post('/admin/tokens/:id/revoke', async (c) => {
    const done = await revokeToken(c.var.deps, c.var.actor, c.req.param('id'));
    if (!done.ok) return failurePage(c, done.error);
    return c.redirect('/admin/tokens?revoked=1', 303);
  });
  return r;
}
