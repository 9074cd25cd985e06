import { Hono } from 'hono';
import {
  liftQuarantine,
  lookUpExposure,
  listQuarantineDirectory,
  listQuarantines,
  type ExposureAnswer,
  markQuarantine,
  previewQuarantine,
  type QuarantineRequest,
} from '../../app/quarantines/index.ts';
import type { Failure } from '../../app/failure.ts';
import { isIsoDate, maxDate, minDate } from '../../domain/calendar/index.ts';
import { validate } from '../../contract/schemas.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { addError, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
import {
  ExposurePage,
  parseSubject,
  PreviewPage,
  QuarantinesPage,
  subjectName,
  type Directory,
  type MarkValues,
} from './pages.tsx';
import { t } from '../shared/i18n.ts';
import {
  failurePage,
  formStatus,
  notAboutTheForm,
  refuseRole,
  render,
  valueOrPage,
} from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';

/** Names of the teams and members HR may pick (three queries, whatever the organisation's size). */
async function directory(c: WebContext): Promise<Directory & { todayOf: Map<string, string> }> {
  const { lang } = c.var;
  const found = valueOrPage(await listQuarantineDirectory(c.var.deps, c.var.actor));
  const dir = {
    teams: [] as Directory['teams'],
    members: [] as Directory['members'],
    teamName: new Map<string, string>(),
    teamLabel: new Map<string, string>(),
    memberName: new Map<string, string>(),
    departmentName: new Map<string, string>(),
    todayOf: new Map<string, string>(),
  };
  for (const d of found.departments) {
    dir.departmentName.set(d.id, d.name);
    dir.todayOf.set(d.id, d.today);
  }
  const byDepartment = <T extends { departmentId: string }>(xs: T[]): T[] =>
    found.departments.flatMap((d) => xs.filter((x) => x.departmentId === d.id));
  for (const m of byDepartment(found.members)) {
    dir.memberName.set(m.id, m.name);
    if (m.active)
      dir.members.push({
        value: m.id,
        label: `${dir.departmentName.get(m.departmentId)} — ${m.name} <${m.email}>`,
      });
  }
  for (const tm of byDepartment(found.teams)) {
    const label = t(lang, 'teamLabel', { label: tm.label });
    const name = `${dir.departmentName.get(tm.departmentId)} ${tm.rotationName} ${label}`;
    dir.teamName.set(tm.id, name);
    dir.teamLabel.set(tm.id, label);
    if (tm.endDate >= dir.todayOf.get(tm.departmentId)!)
      dir.teams.push({ value: tm.id, label: name });
  }
  return dir;
}

const markFieldOf = (path: string): string | null =>
  /^\/(teamId|memberId|positiveMemberId)$/.test(path)
    ? 'subject'
    : path === '/onsetDate'
      ? 'startDate'
      : (/^\/(startDate|endDate|reason)$/.exec(path)?.[1] ?? null);

/** The quarantine request a filled mark form stands for, or the problems next to each field. */
function markRequest(
  body: Record<string, unknown>,
  c: WebContext,
): { values: MarkValues; request: QuarantineRequest | null; errors: FormErrors } {
  const lang = c.var.lang;
  const values: MarkValues = {
    subject: text(body, 'subject'),
    startDate: text(body, 'startDate'),
    endDate: text(body, 'endDate'),
    reason: text(body, 'reason'),
  };
  const errors: FormErrors = {};
  const subject = parseSubject(values.subject);
  if (!subject.teamId && !subject.memberId && !subject.positiveMemberId)
    addError(errors, 'subject', t(lang, 'subjectChoose'));
  if (subject.positiveMemberId && values.endDate)
    addError(errors, 'endDate', t(lang, 'positiveNoEndDate'));
  if (!isIsoDate(values.startDate)) addError(errors, 'startDate', t(lang, 'mustBeDate'));
  if (values.endDate && !isIsoDate(values.endDate))
    addError(errors, 'endDate', t(lang, 'mustBeDate'));
  if (Object.keys(errors).length) return { values, request: null, errors };
  const reason = values.reason ? { reason: values.reason } : {};
  // A positive case: the date is the onset; the policy sets who is exposed and for how long.
  const request: QuarantineRequest = subject.positiveMemberId
    ? { positiveMemberId: subject.positiveMemberId, onsetDate: values.startDate, ...reason }
    : {
        ...subject,
        startDate: values.startDate,
        ...(values.endDate ? { endDate: values.endDate } : {}),
        ...reason,
      };
  const invalid = validate('quarantine-create', request);
  return invalid.length
    ? { values, request: null, errors: errorsOnFields(invalid, markFieldOf, lang) }
    : { values, request, errors: {} };
}

async function quarantinesPage(
  c: WebContext,
  form: { values?: MarkValues; errors?: FormErrors; detail?: string } = {},
  status: 200 | 409 | 412 | 422 = 200,
) {
  const dir = await directory(c);
  const active = valueOrPage(await listQuarantines(c.var.deps, c.var.actor, { active: true })).map(
    (q) => ({
      ...q,
      liftDefault: maxDate(q.effectiveFrom, dir.todayOf.get(q.departmentId) ?? q.effectiveFrom),
    }),
  );
  const q = c.req.query();
  const lang = c.var.lang;
  // The notice after a redirect, from its query: counts as whole numbers, the lift date a real date (a crafted link shows nothing odd).
  const count = (v: string | undefined) => Math.max(0, Math.trunc(Number(v) || 0));
  const notice = q.marked
    ? t(lang, 'marked', { swaps: count(q.swaps), uncovered: count(q.uncovered) })
    : q.lifted && isIsoDate(q.lifted)
      ? t(lang, 'lifted', { date: q.lifted, count: count(q.back) })
      : undefined;
  const values = form.values ?? {
    subject: '',
    startDate: [...dir.todayOf.values()][0] ?? '',
    endDate: '',
    reason: '',
  };
  return render(
    c,
    t(lang, 'quarantines'),
    <QuarantinesPage
      lang={lang}
      csrf={c.var.csrf}
      dir={dir}
      active={active}
      values={values}
      errors={form.errors ?? {}}
      detail={form.detail}
      notice={notice}
    />,
    status,
  );
}

/** A refused quarantine: its field errors on the form, or the failure page when it is not about the input. */
function refused(c: WebContext, values: MarkValues, f: Failure) {
  if (notAboutTheForm(f)) return failurePage(c, f);
  const errors = 'errors' in f && f.errors ? errorsOnFields(f.errors, markFieldOf, c.var.lang) : {};
  return quarantinesPage(c, { values, errors, detail: f.detail }, formStatus(f));
}

/** HR's pages (admin too): active quarantines, mark (preview, then confirm), lift, exposure lookup. */
export function hrPages() {
  const r = new Hono<WebEnv>();
  const hr = roles(['admin', 'hr'], refuseRole);

  r.get('/quarantines', hr, (c) => quarantinesPage(c));

  r.post('/quarantines/preview', hr, async (c) => {
    const { values, request, errors } = markRequest(await c.req.parseBody(), c);
    if (!request) return quarantinesPage(c, { values, errors }, 422);
    const preview = await previewQuarantine(c.var.deps, c.var.actor, request);
    if (!preview.ok) return refused(c, values, preview.error);
    const p = preview.value;
    if (p.alreadyMarked || !p.capacityEffect)
      return quarantinesPage(c, { values, detail: t(c.var.lang, 'alreadyMarked') }, 200);
    const dir = await directory(c);
    const view = {
      subjects: p.quarantines.map((q) => subjectName(dir, q)),
      startDate: p.quarantines.map((q) => q.startDate).reduce(minDate),
      endDate: p.quarantines.map((q) => q.endDate).reduce(maxDate),
      swaps: p.swaps,
      uncovered: p.uncovered,
      newShortageDates: p.capacityEffect.newShortageDates,
    };
    return render(
      c,
      t(c.var.lang, 'previewTitle'),
      <PreviewPage
        lang={c.var.lang}
        csrf={c.var.csrf}
        dir={dir}
        values={values}
        preview={view}
        idempotencyKey={crypto.randomUUID()}
      />,
    );
  });

  r.post('/quarantines', hr, async (c) => {
    const body = await c.req.parseBody();
    const { values, request, errors } = markRequest(body, c);
    if (!request) return quarantinesPage(c, { values, errors }, 422);
    // The key made at preview time: a double click or a resent form marks once.
    const key = text(body, 'idempotencyKey');
    const made = await markQuarantine(
      c.var.deps,
      c.var.actor,
      request,
      /^[\x21-\x7e]{1,200}$/.test(key) ? key : undefined,
    );
    if (!made.ok) return refused(c, values, made.error);
    if (made.value.alreadyMarked)
      return quarantinesPage(c, { values, detail: t(c.var.lang, 'alreadyMarked') }, 200);
    const q = new URLSearchParams({
      marked: made.value.id,
      swaps: String(made.value.swaps.length),
      uncovered: String(made.value.uncovered.length),
    });
    return c.redirect(`/quarantines?${q}`, 303);
  });

  r.post('/quarantines/:id/lift', hr, async (c) => {
    const id = c.req.param('id');
    const date = text(await c.req.parseBody(), 'date');
    const field = `lift-${id}`;
    if (!isIsoDate(date))
      return quarantinesPage(c, { errors: { [field]: [t(c.var.lang, 'mustBeDate')] } }, 422);
    const done = await liftQuarantine(c.var.deps, c.var.actor, id, date);
    if (!done.ok) {
      const f = done.error;
      if (notAboutTheForm(f)) return failurePage(c, f);
      const errors =
        'errors' in f && f.errors ? errorsOnFields(f.errors, () => field, c.var.lang) : {};
      return quarantinesPage(c, { errors, detail: f.detail }, formStatus(f));
    }
    return c.redirect(
      `/quarantines?${new URLSearchParams({ lifted: date, back: String(done.value.handedBack.length) })}`,
      303,
    );
  });

  r.get('/exposures', hr, async (c) => {
    const lang = c.var.lang;
    const dir = await directory(c);
    const values = {
      memberId: c.req.query('memberId') ?? '',
      from: c.req.query('from') ?? '',
      to: c.req.query('to') ?? '',
    };
    const errors: FormErrors = {};
    let answer: ExposureAnswer | null = null;
    let detail: string | undefined;
    if (values.memberId) {
      for (const f of ['from', 'to'] as const)
        if (values[f] && !isIsoDate(values[f])) addError(errors, f, t(lang, 'mustBeDate'));
      if (!Object.keys(errors).length) {
        const found = await lookUpExposure(c.var.deps, c.var.actor, values.memberId, {
          ...(values.from ? { from: values.from } : {}),
          ...(values.to ? { to: values.to } : {}),
        });
        if (found.ok) answer = found.value;
        else {
          detail = found.error.detail;
          Object.assign(
            errors,
            errorsOnFields(
              'errors' in found.error ? (found.error.errors ?? []) : [],
              (p) => (p === '?to' ? 'to' : p === '?from' ? 'from' : 'memberId'),
              c.var.lang,
            ),
          );
        }
      }
    }
    const status = Object.keys(errors).length || detail ? 422 : 200;
    return render(
      c,
      t(lang, 'exposure'),
      <ExposurePage
        lang={lang}
        dir={dir}
        values={values}
        errors={errors}
        detail={detail}
        answer={answer}
      />,
      status,
    );
  });

  return r;
}
