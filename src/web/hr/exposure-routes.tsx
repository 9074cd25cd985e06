import { Hono, type MiddlewareHandler } from 'hono';
import {
  healthCentreCsv,
  healthCentreFileName,
  lookUpExposure,
  makeHealthCentreList,
  type ExposureAnswer,
} from '../../app/quarantines/index.ts';
import type { Failure } from '../../app/failure.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { addError, errorsOnFields, type FormErrors, errorsOf } from '../shared/form.tsx';
import { t, failureMessage } from '../shared/i18n.ts';
import { failurePage, render } from '../shared/layout.tsx';
import { loadDirectory } from './directory.ts';
import { ExposurePage, type ExposureValues } from './exposure-page.tsx';
import { HealthCentrePage } from './health-centre-page.tsx';
import { pickerState } from './quarantines-view.tsx';

const valuesOf = (c: WebContext): ExposureValues => ({
  memberId: c.req.query('memberId') ?? '',
  from: c.req.query('from') ?? '',
  to: c.req.query('to') ?? '',
});

/** The dates of a lookup that are not dates, next to their fields. */
function badDates(c: WebContext, values: ExposureValues): FormErrors {
  const errors: FormErrors = {};
  for (const f of ['from', 'to'] as const)
    if (values[f] && !isIsoDate(values[f])) addError(errors, f, t(c.var.lang, 'mustBeDate'));
  return errors;
}

/** A refused lookup's problems, each next to its field (the range's ends, else the member). */
function lookupErrors(c: WebContext, f: Failure): FormErrors {
  if (f.kind === 'not-found') return { memberId: [t(c.var.lang, 'memberUnknown')] };
  return errorsOnFields(
    errorsOf(f),
    (p) => (p === '?to' ? 'to' : p === '?from' ? 'from' : 'memberId'),
    c.var.lang,
  );
}

/** The exposure page for the query: the picker, the lookup and, when asked, its answer (or its problems). */
async function exposurePage(c: WebContext, refusal?: Failure) {
  const lang = c.var.lang;
  const dir = await loadDirectory(c);
  const values = valuesOf(c);
  const errors = badDates(c, values);
  let answer: ExposureAnswer | null = null;
  let detail = refusal ? failureMessage(lang, refusal) : undefined;
  if (refusal) Object.assign(errors, lookupErrors(c, refusal));
  else if (values.memberId && !Object.keys(errors).length) {
    const found = await lookUpExposure(c.var.deps, c.var.actor, values.memberId, {
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
    });
    if (found.ok) answer = found.value;
    else {
      detail = failureMessage(lang, found.error);
      Object.assign(errors, lookupErrors(c, found.error));
    }
  }
  const member = dir.memberOf.get(values.memberId);
  const picker = pickerState(dir, {
    dept: c.req.query('dept') || member?.departmentId,
    q: c.req.query('q'),
  });
  const status = Object.keys(errors).length || detail ? 422 : 200;
  return render(
    c,
    t(lang, 'exposure'),
    <ExposurePage
      lang={lang}
      dir={dir}
      picker={picker}
      values={values}
      errors={errors}
      detail={detail}
      answer={answer}
    />,
    status,
  );
}

/** The health-centre list for the query, made (and audited), or the lookup page with what is wrong. */
async function listOrRefusal(c: WebContext, form: 'csv' | 'page') {
  const values = valuesOf(c);
  if (!values.memberId || Object.keys(badDates(c, values)).length)
    return { refused: await exposurePage(c, undefined) } as const;
  const made = await makeHealthCentreList(c.var.deps, c.var.actor, values.memberId, values, form);
  if (!made.ok)
    return {
      refused:
        made.error.kind === 'forbidden'
          ? await failurePage(c, made.error)
          : await exposurePage(c, made.error),
    } as const;
  return { list: made.value } as const;
}

/** The exposure lookup and the health-centre list (printable page and CSV), for HR and admin. */
export function exposurePages(hr: MiddlewareHandler<WebEnv>) {
  const r = new Hono<WebEnv>();

  r.get('/exposures', hr, (c) => exposurePage(c));

  r.get('/exposures/list', hr, async (c) => {
    const made = await listOrRefusal(c, 'page');
    if ('refused' in made) return made.refused;
    const { list } = made;
    // A document for the health centre on the department's behalf: in the department's language.
    c.set('lang', list.department.language);
    const query = new URLSearchParams({
      memberId: list.case.memberId,
      from: list.from,
      to: list.to,
    });
    return render(
      c,
      t(list.department.language, 'healthCentreTitle'),
      <HealthCentrePage list={list} csv={`/exposures/list.csv?${query}`} />,
    );
  });

  r.get('/exposures/list.csv', hr, async (c) => {
    const made = await listOrRefusal(c, 'csv');
    if ('refused' in made) return made.refused;
    const name = healthCentreFileName(made.list);
    return c.body(healthCentreCsv(made.list), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
      'cache-control': 'no-store',
    });
  });

  return r;
}
