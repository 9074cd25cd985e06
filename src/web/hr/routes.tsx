import { Hono } from 'hono';
import {
  liftQuarantine,
  markQuarantine,
  previewLift,
  previewQuarantine,
  type QuarantineRequest,
} from '../../app/quarantines/index.ts';
import type { Failure } from '../../app/failure.ts';
import { isIsoDate, maxDate, minDate } from '../../domain/calendar/index.ts';
import { validate } from '../../contract/schemas.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { addError, errorsOf, errorsOnFields, text, type FormErrors } from '../shared/form.tsx';
import { t, failureMessage } from '../shared/i18n.ts';
import { failurePage, formStatus, notAboutTheForm, refuseRole, render } from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';
import { loadDirectory, subjectName } from './directory.ts';
import { exposurePages } from './exposure-routes.tsx';
import { LiftPreviewPage, MarkPreviewPage } from './previews.tsx';
import type { MarkValues } from './quarantines-page.tsx';
import { pickerState, quarantinesPage } from './quarantines-view.tsx';

const markFieldOf = (path: string): string | null =>
  /^\/(teamId|memberId|positiveMemberId)$/.test(path)
    ? 'subject'
    : path === '/onsetDate'
      ? 'startDate'
      : (/^\/(startDate|endDate|reason)$/.exec(path)?.[1] ?? null);

/** The subject select's value: `team:<id>`, `member:<id>`, or `positive:<member id>` (a positive case: every team exposed). */
function parseSubject(value: string): {
  teamId?: string;
  memberId?: string;
  positiveMemberId?: string;
} {
  const m = /^(team|member|positive):(.+)$/.exec(value);
  if (!m) return {};
  return m[1] === 'team'
    ? { teamId: m[2]! }
    : m[1] === 'member'
      ? { memberId: m[2]! }
      : { positiveMemberId: m[2]! };
}

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

const pickerOf = (body: Record<string, unknown>) => ({
  dept: text(body, 'dept'),
  q: text(body, 'q'),
});

/** A refused quarantine: its field errors on the form, or the failure page when it is not about the input. */
function refused(
  c: WebContext,
  values: MarkValues,
  picker: { dept: string; q: string },
  f: Failure,
) {
  if (notAboutTheForm(f)) return failurePage(c, f);
  const errors = errorsOnFields(errorsOf(f), markFieldOf, c.var.lang);
  return quarantinesPage(
    c,
    { values, picker, errors, detail: failureMessage(c.var.lang, f) },
    formStatus(f),
  );
}

/** A refused lift (or its preview): the problem next to that quarantine's lift date. */
function liftRefused(c: WebContext, id: string, f: Failure) {
  if (notAboutTheForm(f)) return failurePage(c, f);
  const field = `lift-${id}`;
  const errors = errorsOnFields(errorsOf(f), () => field, c.var.lang);
  // Already lifted, or the plan changed meanwhile: nothing to put by a field, so said on top.
  if (f.kind === 'conflict' || f.kind === 'stale')
    addError(errors, '', t(c.var.lang, 'liftConflict'));
  return quarantinesPage(c, { errors, detail: failureMessage(c.var.lang, f) }, formStatus(f));
}

/** HR's pages (admin too): quarantines (mark and lift, each previewed first; the history), the exposure lookup and the health-centre list. */
export function hrPages() {
  const r = new Hono<WebEnv>();
  const hr = roles(['admin', 'hr'], refuseRole);

  r.get('/quarantines', hr, (c) => quarantinesPage(c));

  r.post('/quarantines/preview', hr, async (c) => {
    const body = await c.req.parseBody();
    const picker = pickerOf(body);
    const { values, request, errors } = markRequest(body, c);
    if (!request) return quarantinesPage(c, { values, picker, errors }, 422);
    const preview = await previewQuarantine(c.var.deps, c.var.actor, request);
    if (!preview.ok) return refused(c, values, picker, preview.error);
    const p = preview.value;
    if (p.alreadyMarked || !p.capacityEffect)
      return quarantinesPage(c, { values, picker, detail: t(c.var.lang, 'alreadyMarked') }, 200);
    const dir = await loadDirectory(c);
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
      <MarkPreviewPage
        lang={c.var.lang}
        csrf={c.var.csrf}
        dir={dir}
        picker={pickerState(dir, { ...picker, subject: values.subject })}
        values={values}
        preview={view}
        idempotencyKey={crypto.randomUUID()}
      />,
    );
  });

  r.post('/quarantines', hr, async (c) => {
    const body = await c.req.parseBody();
    const picker = pickerOf(body);
    const { values, request, errors } = markRequest(body, c);
    if (!request) return quarantinesPage(c, { values, picker, errors }, 422);
    // The key made at preview time: a double click or a resent form marks once.
    const key = text(body, 'idempotencyKey');
    const made = await markQuarantine(
      c.var.deps,
      c.var.actor,
      request,
      /^[\x21-\x7e]{1,200}$/.test(key) ? key : undefined,
    );
    if (!made.ok) return refused(c, values, picker, made.error);
    if (made.value.alreadyMarked)
      return quarantinesPage(c, { values, picker, detail: t(c.var.lang, 'alreadyMarked') }, 200);
    const q = new URLSearchParams({
      marked: made.value.id,
      swaps: String(made.value.swaps.length),
      uncovered: String(made.value.uncovered.length),
    });
    return c.redirect(`/quarantines?${q}`, 303);
  });

  // A lift is previewed like a mark: what goes back, what stays and why, remote capacity; nothing written.
  r.post('/quarantines/:id/lift/preview', hr, async (c) => {
    const id = c.req.param('id');
    const date = text(await c.req.parseBody(), 'date');
    if (!isIsoDate(date))
      return quarantinesPage(c, { errors: { [`lift-${id}`]: [t(c.var.lang, 'mustBeDate')] } }, 422);
    const preview = await previewLift(c.var.deps, c.var.actor, id, date);
    if (!preview.ok) return liftRefused(c, id, preview.error);
    const dir = await loadDirectory(c);
    return render(
      c,
      t(c.var.lang, 'liftPreviewTitle'),
      <LiftPreviewPage lang={c.var.lang} csrf={c.var.csrf} dir={dir} outcome={preview.value} />,
    );
  });

  r.post('/quarantines/:id/lift', hr, async (c) => {
    const id = c.req.param('id');
    const date = text(await c.req.parseBody(), 'date');
    if (!isIsoDate(date))
      return quarantinesPage(c, { errors: { [`lift-${id}`]: [t(c.var.lang, 'mustBeDate')] } }, 422);
    const done = await liftQuarantine(c.var.deps, c.var.actor, id, date);
    if (!done.ok) return liftRefused(c, id, done.error);
    return c.redirect(
      `/quarantines?${new URLSearchParams({ lifted: date, back: String(done.value.handedBack.length) })}`,
      303,
    );
  });

  r.route('/', exposurePages(hr));
  return r;
}
