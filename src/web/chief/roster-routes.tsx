import { Hono } from 'hono';
import type { FieldError, Failure } from '../../app/failure.ts';
import { readDepartment } from '../../app/departments/index.ts';
import { addMembers, readMember, type MemberView } from '../../app/members/index.ts';
import { changeMember, rosterCsv, syncRoster } from '../../app/roster/index.ts';
import { rosterFromCsv } from '../../contract/roster-input.ts';
import { validate } from '../../contract/schemas.ts';
import type { RosterEntry } from '../../domain/roster/index.ts';
import type { Position, RemoteAccess } from '../../domain/types.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { ErrorSummary, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
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
import {
  ActiveForm,
  MemberForm,
  memberFormValues,
  RosterPreview,
  RosterSyncForm,
  type MemberFormValues,
} from './roster.tsx';

type Status = 200 | 409 | 412 | 422;
const errorsOf = (f: Failure): FieldError[] => ('errors' in f ? (f.errors ?? []) : []);

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

/** The member form's input as the API takes it (skills at ; 、 or ,; an empty reading is none). */
function memberInput(v: MemberFormValues) {
  return {
    name: v.name,
    kana: v.kana || null,
    email: v.email.normalize('NFKC'),
    skills: [
      ...new Set(
        v.skills
          .split(/[;；、,，]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ],
    position: v.position as Position,
    remoteAccess: v.remoteAccess as RemoteAccess,
  };
}

const formOf = (body: Record<string, unknown>): MemberFormValues => ({
  name: text(body, 'name'),
  kana: text(body, 'kana'),
  email: text(body, 'email'),
  skills: text(body, 'skills'),
  position: text(body, 'position'),
  remoteAccess: text(body, 'remoteAccess'),
});

const fieldOfMember = (path: string): string | null =>
  /^(?:\/members\/\d+)?\/(name|kana|email|skills|position|remoteAccess)/.exec(path)?.[1] ?? null;

/** The member's page: the form, and deactivation or reactivation with its effects. */
async function memberPage(
  c: WebContext,
  member: MemberView,
  extra: {
    values?: MemberFormValues;
    errors?: FormErrors;
    activeErrors?: FormErrors;
    confirm?: Parameters<typeof ActiveForm>[0]['confirm'];
    notice?: string;
  } = {},
  status: Status = 200,
) {
  const lang = c.var.lang;
  return render(
    c,
    t(lang, 'editMember', { name: member.name }),
    <>
      {extra.notice ? (
        <p class="notice" role="status">
          {extra.notice}
        </p>
      ) : null}
      <p>
        <a href={`/departments/${member.departmentId}`}>{t(lang, 'back')}</a>
      </p>
      <MemberForm
        lang={lang}
        csrf={c.var.csrf}
        action={`/members/${member.id}`}
        values={extra.values ?? memberFormValues(member)}
        errors={extra.errors ?? {}}
      />
      <ActiveForm
        lang={lang}
        csrf={c.var.csrf}
        member={member}
        errors={extra.activeErrors ?? {}}
        confirm={extra.confirm}
      />
    </>,
    status,
  );
}

/** The chief's roster pages: sync with a preview, the CSV download, add, edit, (de)activate one member. */
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

  r.get('/departments/:id/members/new', chief, async (c) => {
    // The form of another department's chief is refused like its post.
    valueOrPage(await readDepartment(c.var.deps, c.var.actor, c.req.param('id')));
    return newMemberPage(c, c.req.param('id'), memberFormValues(), {});
  });

  r.post('/departments/:id/members/new', chief, async (c) => {
    const id = c.req.param('id');
    const values = formOf(await c.req.parseBody());
    const input = memberInput(values);
    const bad = validate('members-create', { members: [input] });
    const added = bad.length
      ? ({ ok: false, error: { kind: 'invalid', detail: '', errors: bad } } as const)
      : await addMembers(c.var.deps, c.var.actor, id, [input]);
    if (!added.ok) {
      if (notAboutTheForm(added.error)) return failurePage(c, added.error);
      const errors = errorsOnFields(errorsOf(added.error), fieldOfMember, c.var.lang);
      return newMemberPage(c, id, values, errors, 422);
    }
    return c.redirect(`/members/${added.value[0]!.id}?saved=1`, 303);
  });

  r.get('/members/:id', chief, async (c) => {
    const member = valueOrPage(await readMember(c.var.deps, c.var.actor, c.req.param('id')));
    const lang = c.var.lang;
    const done = c.req.query('saved')
      ? 'memberSaved'
      : c.req.query('done') === 'deactivated'
        ? 'memberDeactivated'
        : c.req.query('done') === 'reactivated'
          ? 'memberReactivated'
          : null;
    return memberPage(c, member, done ? { notice: t(lang, done, { name: member.name }) } : {});
  });

  r.post('/members/:id', chief, async (c) => {
    const id = c.req.param('id');
    const member = valueOrPage(await readMember(c.var.deps, c.var.actor, id));
    const values = formOf(await c.req.parseBody());
    const input = memberInput(values);
    const bad = validate('member-update', input);
    const changed = bad.length
      ? ({ ok: false, error: { kind: 'invalid', detail: '', errors: bad } } as const)
      : await changeMember(c.var.deps, c.var.actor, id, input);
    if (!changed.ok) {
      if (notAboutTheForm(changed.error)) return failurePage(c, changed.error);
      const errors = errorsOnFields(errorsOf(changed.error), fieldOfMember, c.var.lang);
      return memberPage(c, member, { values, errors }, 422);
    }
    return c.redirect(`/members/${id}?saved=1`, 303);
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const)
    r.post(`/members/:id/${path}`, chief, async (c) => {
      const id = c.req.param('id');
      const member = valueOrPage(await readMember(c.var.deps, c.var.actor, id));
      const body = await c.req.parseBody();
      const confirmed = text(body, 'confirm') === 'yes';
      const out = await changeMember(
        c.var.deps,
        c.var.actor,
        id,
        { active },
        { preview: !confirmed, effectiveDate: text(body, 'effectiveDate') || undefined },
      );
      if (!out.ok) {
        if (notAboutTheForm(out.error)) return failurePage(c, out.error);
        const errors = errorsOnFields(errorsOf(out.error), () => 'effectiveDate', c.var.lang);
        return memberPage(c, member, { activeErrors: errors }, 422);
      }
      if (!confirmed)
        return memberPage(c, member, {
          confirm: { effectiveDate: out.value.effectiveDate, effects: out.value.effects },
        });
      return c.redirect(`/members/${id}?done=${path}d`, 303);
    });

  return r;
}

function newMemberPage(
  c: WebContext,
  departmentId: string,
  values: MemberFormValues,
  errors: FormErrors,
  status: Status = 200,
) {
  return render(
    c,
    t(c.var.lang, 'addMember'),
    <MemberForm
      lang={c.var.lang}
      csrf={c.var.csrf}
      action={`/departments/${departmentId}/members/new`}
      values={values}
      errors={errors}
    />,
    status,
  );
}
