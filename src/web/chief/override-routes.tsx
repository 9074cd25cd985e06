import { Hono } from 'hono';
import type { Failure } from '../../app/failure.ts';
import {
  createOverride,
  listOverrides,
  undoOverride,
  type OverrideOutcome,
} from '../../app/overrides/index.ts';
import { loadRotation, scheduleOf } from '../../app/rotations/index.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import type { OverrideRequest } from '../../domain/override/index.ts';
import { ok, type Result } from '../../domain/result.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { addError, text, type FormErrors, errorsOf } from '../shared/form.tsx';
import { fieldMessage, t } from '../shared/i18n.ts';
import { failurePage, formStatus, notAboutTheForm, refuseRole, render } from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import {
  OverrideForms,
  OverrideList,
  OverridePreview,
  overrideFieldOf,
  type OverrideTarget,
  type OverrideValues,
} from './override-page.tsx';

/**
 * The rotation and the day an override page is about, as the actor may read them: one read of the
 * rotation (not its report, whose N-1 survivability a form has no use for) and that day's schedule.
 */
async function loadTarget(
  c: WebContext,
  id: string,
  asked: string | undefined,
): Promise<Result<OverrideTarget & { today: string }, Failure>> {
  const loaded = await loadRotation(c.var.deps, c.var.actor, id);
  if (!loaded.ok) return loaded;
  const snap = loaded.value;
  const date = asked && isIsoDate(asked) ? asked : snap.today;
  const day = await scheduleOf(c.var.deps, snap, { from: date, to: date });
  if (!day.ok) return day;
  const d = day.value.days[0];
  return ok({
    rotationId: id,
    name: snap.rotation.name,
    version: snap.rotation.version,
    timezone: snap.department.timezone,
    teams: snap.teams.map((x) => ({ id: x.id, label: x.label })),
    slots: snap.pattern.slots?.length ? [...snap.pattern.slots] : [snap.calendar.officeHours],
    date,
    office: d
      ? (d.slots?.map((s) => ({ slot: s.slot, teamId: s.teamId })) ??
        (d.officeTeamId ? [{ slot: 0, teamId: d.officeTeamId }] : []))
      : [],
    kind: d?.kind ?? 'uncovered',
    today: snap.today,
  });
}

const valuesOf = (body: Record<string, unknown>): OverrideValues => ({
  kind: text(body, 'kind'),
  date: text(body, 'date'),
  otherDate: text(body, 'otherDate'),
  teamId: text(body, 'teamId'),
  slot: text(body, 'slot'),
  reason: text(body, 'reason'),
});

/** The override a filled form stands for. */
function requestOf(v: OverrideValues): OverrideRequest {
  if (v.kind === 'swap') return { kind: 'swap', dates: [v.date, v.otherDate] };
  if (v.kind === 'assign')
    return {
      kind: 'assign',
      date: v.date,
      teamId: v.teamId,
      ...(v.slot !== '' ? { slot: Number(v.slot) } : {}),
    };
  return { kind: 'close', date: v.date, ...(v.reason ? { reason: v.reason } : {}) };
}

/** The form's messages for a refused override: each by its field, in the page's language. */
function refusalErrors(c: WebContext, f: Failure): FormErrors {
  const errors: FormErrors = {};
  for (const e of errorsOf(f))
    addError(errors, overrideFieldOf(e.path) ?? '', fieldMessage(c.var.lang, e));
  if (f.kind === 'stale' || (f.kind === 'conflict' && !Object.keys(errors).length))
    addError(errors, '', t(c.var.lang, 'override.changed'));
  return errors;
}

const version = (body: Record<string, unknown>): number | undefined => {
  const n = Number(text(body, 'version'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The chief's single-day overrides on the pages: the forms for a day, a preview, the list, undo. */
export function overridePages() {
  const r = new Hono<WebEnv>();
  const chief = roles(['admin', 'chief'], refuseRole);
  const readers = roles(['admin', 'chief', 'hr'], refuseRole);

  const formPage = async (
    c: WebContext,
    id: string,
    date: string | undefined,
    extra: { values?: OverrideValues; errors?: FormErrors; status?: 200 | 409 | 412 | 422 } = {},
  ) => {
    const target = await loadTarget(c, id, date);
    if (!target.ok) return failurePage(c, target.error);
    return render(
      c,
      `${t(c.var.lang, 'override.title')} — ${target.value.name}`,
      <OverrideForms
        lang={c.var.lang}
        csrf={c.var.csrf}
        target={target.value}
        {...(extra.values ? { values: extra.values } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />,
      extra.status ?? 200,
    );
  };

  r.get('/rotations/:id/overrides/new', chief, (c) =>
    formPage(c, c.req.param('id'), c.req.query('date')),
  );

  // The form's preview (nothing written) and its confirmation (written on the version previewed).
  const send = (preview: boolean) => async (c: WebContext) => {
    const id = c.req.param('id')!;
    const body = await c.req.parseBody();
    const values = valuesOf(body);
    const done = await createOverride(
      c.var.deps,
      c.var.actor,
      id,
      preview ? version(body) : (version(body) ?? 0),
      requestOf(values),
      { preview },
    );
    if (!done.ok) {
      if (notAboutTheForm(done.error)) return failurePage(c, done.error);
      return formPage(c, id, values.date, {
        values,
        errors: refusalErrors(c, done.error),
        status: formStatus(done.error),
      });
    }
    if (!preview) return c.redirect(`/rotations/${id}/overrides?done=made`, 303);
    const target = await loadTarget(c, id, values.date);
    if (!target.ok) return failurePage(c, target.error);
    return previewPage(c, target.value, done.value, `/rotations/${id}/overrides/apply`, {
      ...values,
      version: String(done.value.version),
    });
  };
  r.post('/rotations/:id/overrides/preview', chief, send(true));
  r.post('/rotations/:id/overrides/apply', chief, send(false));

  r.get('/rotations/:id/overrides', readers, async (c) => {
    const id = c.req.param('id');
    const [target, list] = await Promise.all([
      loadTarget(c, id, undefined),
      listOverrides(c.var.deps, c.var.actor, id),
    ]);
    if (!target.ok) return failurePage(c, target.error);
    if (!list.ok) return failurePage(c, list.error);
    const done = c.req.query('done');
    return render(
      c,
      `${t(c.var.lang, 'override.list')} — ${target.value.name}`,
      <OverrideList
        lang={c.var.lang}
        csrf={c.var.csrf}
        target={target.value}
        overrides={list.value.overrides}
        today={target.value.today}
        mayChange={c.var.actor.role !== 'hr'}
        {...(done === 'made' || done === 'undone'
          ? { notice: t(c.var.lang, done === 'made' ? 'override.done' : 'override.undone') }
          : {})}
      />,
    );
  });

  r.post('/rotations/:id/overrides/:oid/undo/:step{(?:preview|apply)}', chief, async (c) => {
    const { id, oid, step } = c.req.param();
    const body = await c.req.parseBody();
    const preview = step === 'preview';
    const target = await loadTarget(c, id, undefined);
    if (!target.ok) return failurePage(c, target.error);
    const done = await undoOverride(
      c.var.deps,
      c.var.actor,
      id,
      oid,
      preview ? target.value.version : (version(body) ?? 0),
      { preview },
    );
    if (!done.ok) {
      if (notAboutTheForm(done.error)) return failurePage(c, done.error);
      const list = await listOverrides(c.var.deps, c.var.actor, id);
      const errors = refusalErrors(c, done.error);
      return render(
        c,
        t(c.var.lang, 'override.list'),
        <OverrideList
          lang={c.var.lang}
          csrf={c.var.csrf}
          target={target.value}
          overrides={list.ok ? list.value.overrides : []}
          today={target.value.today}
          mayChange
          notice={Object.values(errors).flat().join(' ')}
        />,
        formStatus(done.error),
      );
    }
    if (!preview) return c.redirect(`/rotations/${id}/overrides?done=undone`, 303);
    return previewPage(
      c,
      target.value,
      done.value,
      `/rotations/${id}/overrides/${oid}/undo/apply`,
      {
        version: String(done.value.version),
      },
    );
  });

  return r;
}

function previewPage(
  c: WebContext,
  target: OverrideTarget & { today: string },
  outcome: OverrideOutcome,
  action: string,
  values: Record<string, string>,
) {
  const undo = action.endsWith('/undo/apply');
  return render(
    c,
    t(c.var.lang, undo ? 'override.undoTitle' : 'override.previewTitle'),
    <OverridePreview
      lang={c.var.lang}
      csrf={c.var.csrf}
      target={target}
      outcome={outcome}
      action={action}
      values={values}
      apply={undo ? 'override.undoApply' : 'override.apply'}
    />,
  );
}
