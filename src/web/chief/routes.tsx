import { Hono } from 'hono';
import { readDepartment } from '../../app/departments/index.ts';
import { addMembers, membersOf } from '../../app/members/index.ts';
import { loadPolicy } from '../../app/settings/index.ts';
import {
  moveMember,
  createRotation,
  publishRotation,
  readRotation,
  rotationsOf,
} from '../../app/rotations/index.ts';
import { addDays, dateInZone, isIsoDate } from '../../domain/calendar/index.ts';
import { membersFromCsv } from '../../contract/roster-input.ts';
import { DepartmentPage, RotationForm } from './pages.tsx';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { addError, errorsOf, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
import { countText } from '../shared/dates.tsx';
import { t, failureMessage, fieldMessage } from '../shared/i18n.ts';
import { failurePage, formStatus, notAboutTheForm, refuseRole, render } from '../shared/layout.tsx';
import { sheetPages } from './sheet-routes.tsx';
import { rosterPages } from './roster-routes.tsx';
import { memberPages } from './member-routes.tsx';
import { inviteAllPages } from './invite-all.tsx';
import { overridePages } from './override-routes.tsx';
import { RotationPage, type MoveResult } from './report.tsx';
import {
  rotationFieldOf,
  rotationFormValues,
  rotationRequestOf,
  usedRows,
  type RotationFormValues,
} from './rotation-form.ts';
import { roles } from '../shared/session.ts';
import type { FieldError } from '../../app/failure.ts';

type Status = 200 | 409 | 412 | 422;

/** The chief and admin change a department's members and rotations; HR reads them (as the API lets it). */
const canEdit = (c: WebContext): boolean =>
  c.var.actor.role === 'chief' || c.var.actor.role === 'admin';

async function departmentPage(
  c: WebContext,
  id: string,
  extra: {
    csvErrors?: FieldError[];
    formErrors?: FormErrors;
    added?: number;
    notice?: string;
  } = {},
  status: Status = 200,
) {
  const [members, rotations, dept] = await Promise.all([
    membersOf(c.var.deps, c.var.actor, id),
    rotationsOf(c.var.deps, c.var.actor, id),
    readDepartment(c.var.deps, c.var.actor, id),
  ]);
  if (!members.ok) return failurePage(c, members.error);
  if (!rotations.ok) return failurePage(c, rotations.error);
  if (!dept.ok) return failurePage(c, dept.error);
  return render(
    c,
    dept.value.name,
    <DepartmentPage
      lang={c.var.lang}
      csrf={c.var.csrf}
      departmentId={id}
      editable={canEdit(c)}
      members={members.value.members}
      rotations={rotations.value}
      today={dateInZone(c.var.deps.now(), dept.value.timezone)}
      {...extra}
    />,
    status,
  );
}

async function rotationFormPage(
  c: WebContext,
  departmentId: string,
  values: RotationFormValues | null,
  errors: FormErrors = {},
  status: Status = 200,
  detail?: string,
) {
  const dept = await readDepartment(c.var.deps, c.var.actor, departmentId);
  if (!dept.ok) return failurePage(c, dept.error);
  const members = await membersOf(c.var.deps, c.var.actor, departmentId, true);
  if (!members.ok) return failurePage(c, members.error);
  const start = addDays(dateInZone(c.var.deps.now(), dept.value.timezone), 7);
  const skills = [...new Set(members.value.members.flatMap((m) => m.skills))].sort();
  const v: RotationFormValues = values ?? {
    name: '',
    startDate: start,
    endDate: addDays(start, 90),
    teamCount: '3',
    pattern: 'daily',
    cycle: '',
    bufferDays: '0',
    skills: skills.map((skill) => ({ skill, min: '0' })),
    pairs: [],
  };
  const action = `/departments/${departmentId}/rotations/new`;
  return render(
    c,
    `${t(c.var.lang, 'newRotation')} — ${dept.value.name}`,
    <RotationForm
      lang={c.var.lang}
      csrf={c.var.csrf}
      action={action}
      values={v}
      members={members.value.members}
      errors={errors}
      detail={detail}
    />,
    status,
  );
}

interface RotationExtra {
  errors?: FormErrors;
  detail?: string;
  /** The query of the redirect after a move. */
  movedQuery?: Record<string, string>;
  justPublished?: boolean;
  move?: { memberId: string; toTeamId: string; effectiveDate: string };
}

async function rotationPage(
  c: WebContext,
  id: string,
  extra: RotationExtra = {},
  status: Status = 200,
) {
  const view = await readRotation(c.var.deps, c.var.actor, id);
  if (!view.ok) return failurePage(c, view.error);
  const [members, dept, policy] = await Promise.all([
    membersOf(c.var.deps, c.var.actor, view.value.departmentId),
    readDepartment(c.var.deps, c.var.actor, view.value.departmentId),
    loadPolicy(c.var.deps),
  ]);
  if (!members.ok) return failurePage(c, members.error);
  if (!dept.ok) return failurePage(c, dept.error);
  const today = dateInZone(c.var.deps.now(), dept.value.timezone);
  const names = new Map(members.value.members.map((m) => [m.id, m.name]));
  const labels = new Map(view.value.teams.map((tm) => [tm.id, tm.label]));
  const { movedQuery, ...rest } = extra;
  const moved = movedQuery
    ? movedFrom(
        movedQuery,
        (m) => names.get(m),
        (tm) => labels.get(tm),
      )
    : null;
  return render(
    c,
    `${view.value.name} — ${dept.value.name}`,
    <RotationPage
      lang={c.var.lang}
      csrf={c.var.csrf}
      view={view.value}
      members={members.value.members}
      outageDays={policy.quarantineDays}
      exposureDays={policy.exposureWindowDays}
      today={today}
      editable={canEdit(c)}
      moved={moved}
      {...rest}
    />,
    status,
  );
}

/** The notice after a move, from what its redirect carries (the bridging date included). */
/** The notice after a move, from the redirect's query: only when it names a known member and team and real dates (a crafted link shows nothing). */
function movedFrom(
  q: Record<string, string>,
  nameOf: (id: string) => string | undefined,
  labelOf: (id: string) => string | undefined,
): MoveResult | null {
  const name = nameOf(q.moved ?? '');
  const label = labelOf(q.to ?? '');
  if (
    !name ||
    !label ||
    !isIsoDate(q.on ?? '') ||
    !isIsoDate(q.officeFrom ?? '') ||
    (q.last && !isIsoDate(q.last))
  )
    return null;
  return { name, label, date: q.on!, officeFrom: q.officeFrom!, last: q.last || null };
}

const moveFieldOf = (path: string): string | null =>
  path === '/officeFrom'
    ? 'effectiveDate'
    : (/^\/(memberId|toTeamId|effectiveDate)$/.exec(path)?.[1] ?? null);

/** The chief's pages (admin too; HR reads the department, its rotations and month sheets): members and the roster CSV, create and publish rotations, the month sheet, moves. */
export function chiefPages() {
  const r = new Hono<WebEnv>();
  const chief = roles(['admin', 'chief'], refuseRole);
  const readers = roles(['admin', 'chief', 'hr'], refuseRole);
  r.route('/', rosterPages());
  r.route('/', memberPages());
  r.route('/', inviteAllPages());
  r.route('/', overridePages());
  r.route('/', sheetPages());

  r.get('/departments/:id', readers, (c) => {
    const synced = /^(\d+)\.(\d+)\.(\d+)$/.exec(c.req.query('synced') ?? '');
    return departmentPage(c, c.req.param('id'), {
      added: Math.max(0, Math.trunc(Number(c.req.query('added')) || 0)),
      ...(synced
        ? {
            notice: t(c.var.lang, 'rosterSynced', {
              added: countText(c.var.lang, 'people', Number(synced[1])),
              updated: countText(c.var.lang, 'people', Number(synced[2])),
              deactivated: countText(c.var.lang, 'people', Number(synced[3])),
            }),
          }
        : {}),
    });
  });

  r.post('/departments/:id/members', chief, async (c) => {
    const id = c.req.param('id');
    const lang = c.var.lang;
    const file = (await c.req.parseBody()).csv;
    if (typeof file === 'string' || !file || file.size === 0)
      return departmentPage(c, id, { formErrors: { csv: [t(lang, 'csvChoose')] } }, 422);
    const parsed = membersFromCsv(new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok)
      return departmentPage(
        c,
        id,
        { csvErrors: parsed.error.errors, formErrors: { csv: [t(lang, 'csvErrors')] } },
        422,
      );
    const added = await addMembers(
      c.var.deps,
      c.var.actor,
      id,
      parsed.value.members,
      parsed.value.lines,
    );
    if (!added.ok) {
      if (added.error.kind !== 'invalid' && added.error.kind !== 'conflict')
        return failurePage(c, added.error);
      const f = added.error;
      // A refusal of the whole file (another request took an e-mail meanwhile) is said by the field.
      const rows = f.errors ?? [];
      const said = rows.length ? t(lang, 'csvErrors') : failureMessage(lang, f);
      return departmentPage(c, id, { csvErrors: rows, formErrors: { csv: [said] } }, 422);
    }
    return c.redirect(`/departments/${id}?added=${added.value.length}`, 303);
  });

  r.get('/departments/:id/rotations/new', chief, (c) =>
    rotationFormPage(c, c.req.param('id'), null),
  );

  r.post('/departments/:id/rotations/new', chief, async (c) => {
    const id = c.req.param('id');
    const values = rotationFormValues(await c.req.parseBody());
    const { request, errors } = rotationRequestOf(values, c.var.lang);
    if (!request) return rotationFormPage(c, id, values, errors, 422);
    const made = await createRotation(c.var.deps, c.var.actor, id, request);
    if (!made.ok) {
      const f = made.error;
      if (f.kind !== 'invalid' && f.kind !== 'conflict') return failurePage(c, f);
      return rotationFormPage(
        c,
        id,
        values,
        errorsOnFields(f.errors ?? [], rotationFieldOf(usedRows(values)), c.var.lang),
        422,
        failureMessage(c.var.lang, f),
      );
    }
    return c.redirect(`/rotations/${made.value.id}`, 303);
  });

  r.get('/rotations/:id', readers, (c) =>
    rotationPage(c, c.req.param('id'), {
      movedQuery: c.req.query(),
      justPublished: c.req.query('published') === '1',
    }),
  );

  r.post('/rotations/:id/publish', chief, async (c) => {
    const id = c.req.param('id');
    const version = Number(text(await c.req.parseBody(), 'version'));
    const done = await publishRotation(c.var.deps, c.var.actor, id, version);
    if (!done.ok) {
      const f = done.error;
      if (notAboutTheForm(f)) return failurePage(c, f);
      const detail = [
        failureMessage(c.var.lang, f),
        ...errorsOf(f).map((e) => fieldMessage(c.var.lang, e)),
      ].join(' ');
      return rotationPage(c, id, { detail }, formStatus(f));
    }
    return c.redirect(`/rotations/${id}?published=1`, 303);
  });

  r.post('/rotations/:id/moves', chief, async (c) => {
    const id = c.req.param('id');
    const lang = c.var.lang;
    const body = await c.req.parseBody();
    const move = {
      memberId: text(body, 'memberId'),
      toTeamId: text(body, 'toTeamId'),
      effectiveDate: text(body, 'effectiveDate'),
    };
    const errors: FormErrors = {};
    if (!move.memberId) addError(errors, 'memberId', t(lang, 'chooseMember'));
    if (!move.toTeamId) addError(errors, 'toTeamId', t(lang, 'chooseTeam'));
    if (!isIsoDate(move.effectiveDate)) addError(errors, 'effectiveDate', t(lang, 'mustBeDate'));
    if (Object.keys(errors).length) return rotationPage(c, id, { errors, move }, 422);
    const done = await moveMember(c.var.deps, c.var.actor, id, Number(text(body, 'version')), move);
    if (!done.ok) {
      const f = done.error;
      if (notAboutTheForm(f)) return failurePage(c, f);
      const fieldErrors = errorsOnFields(errorsOf(f), moveFieldOf, lang);
      return rotationPage(
        c,
        id,
        { errors: fieldErrors, detail: failureMessage(lang, f), move },
        formStatus(f),
      );
    }
    const o = done.value;
    const q = new URLSearchParams({
      moved: o.memberId,
      to: o.toTeamId ?? '',
      on: o.effectiveDate,
      officeFrom: o.officeFrom ?? '',
      last: o.lastOfficeDayWithOldTeam ?? '',
    });
    return c.redirect(`/rotations/${id}?${q}#move-result`, 303);
  });

  return r;
}
