import { Hono } from 'hono';
import { readDepartment } from '../../app/departments/index.ts';
import { addMembers, readMember, type MemberView } from '../../app/members/index.ts';
import { changeMember } from '../../app/roster/index.ts';
import { validate } from '../../contract/schemas.ts';
import type { Position, RemoteAccess } from '../../domain/types.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { errorsOf, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import {
  failurePage,
  notAboutTheForm,
  refuseRole,
  render,
  valueOrPage,
} from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import {
  ActiveForm,
  MemberForm,
  memberFormValues,
  type MemberFormValues,
} from './member-forms.tsx';

type Status = 200 | 409 | 412 | 422;

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

/** One member's pages: add one, edit one, deactivate or reactivate with the effects first. */
export function memberPages() {
  const r = new Hono<WebEnv>();
  const chief = roles(['admin', 'chief'], refuseRole);

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
