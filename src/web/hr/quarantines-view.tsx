import { listQuarantines, quarantineState } from '../../app/quarantines/index.ts';
import { loadPolicy } from '../../app/settings/index.ts';
import { addDays, isIsoDate, maxDate, minDate } from '../../domain/calendar/index.ts';
import type { WebContext } from '../shared/env.ts';
import { addError, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { render, valueOrPage } from '../shared/layout.tsx';
import { countText, dayText } from '../shared/dates.tsx';
import { loadDirectory, pickedDepartment, type Directory } from './directory.ts';
import type { PickerState } from './picker.tsx';
import { QuarantinesPage, type HistoryFilter, type MarkValues } from './quarantines-page.tsx';
import type { QuarantineRowView } from './tables.tsx';

/** The picker's state from a query or a form: the department asked for (or the subject's), and the search. */
export function pickerState(
  dir: Directory,
  asked: { dept?: string | undefined; q?: string | undefined; subject?: string | undefined },
): PickerState {
  const id = /^(?:team|member|positive):(.+)$/.exec(asked.subject ?? '')?.[1] ?? '';
  const ofSubject = dir.teamOf.get(id)?.departmentId ?? dir.memberOf.get(id)?.departmentId ?? '';
  return {
    dept: pickedDepartment(dir, asked.dept || ofSubject),
    q: (asked.q ?? '').trim().slice(0, 100),
  };
}

/** The history's filters from the query; a date that is not one is named next to its field. */
function historyFilter(c: WebContext, dir: Directory, errors: FormErrors): HistoryFilter {
  const q = c.req.query();
  const filter = {
    hdept: dir.departmentOf.has(q.hdept ?? '') ? q.hdept! : '',
    hteam: dir.teamOf.has(q.hteam ?? '') ? q.hteam! : '',
    hfrom: q.hfrom ?? '',
    hto: q.hto ?? '',
  };
  for (const f of ['hfrom', 'hto'] as const)
    if (filter[f] && !isIsoDate(filter[f])) addError(errors, f, t(c.var.lang, 'mustBeDate'));
  if (!errors.hfrom && !errors.hto && filter.hfrom && filter.hto && filter.hto < filter.hfrom)
    addError(errors, 'hto', t(c.var.lang, 'toBeforeFrom'));
  return filter;
}

/** The notice after a redirect, from its query: counts as whole numbers, the lift date a real date (a crafted link shows nothing odd). */
function noticeOf(c: WebContext): string | undefined {
  const q = c.req.query();
  const lang = c.var.lang;
  const count = (v: string | undefined) => Math.max(0, Math.trunc(Number(v) || 0));
  if (q.marked) return t(lang, 'marked', { swaps: count(q.swaps), uncovered: count(q.uncovered) });
  if (q.lifted && isIsoDate(q.lifted))
    return t(lang, 'lifted', {
      date: dayText(lang, q.lifted),
      count: countText(lang, 'days', count(q.back)),
    });
  return undefined;
}

/** HR's quarantines page, with the mark form as given (and its problems next to the fields). */
export async function quarantinesPage(
  c: WebContext,
  form: {
    values?: MarkValues;
    picker?: { dept?: string; q?: string };
    errors?: FormErrors;
    detail?: string;
  } = {},
  status: 200 | 409 | 412 | 422 = 200,
) {
  const lang = c.var.lang;
  const dir = await loadDirectory(c);
  const errors: FormErrors = { ...(form.errors ?? {}) };
  const filter = historyFilter(c, dir, errors);
  const refused = Boolean(errors.hfrom || errors.hto);
  // One read for both lists: in force (or to come) at the top, the rest in the history below.
  const [listed, policy] = await Promise.all([
    listQuarantines(c.var.deps, c.var.actor, {}),
    loadPolicy(c.var.deps),
  ]);
  const rows: QuarantineRowView[] = valueOrPage(listed).map((q) => {
    const today = dir.departmentOf.get(q.departmentId)?.today ?? q.effectiveFrom;
    // A person's quarantine leads to who shared the office with them: from the policy's
    // look-back before its start (a positive case: before onset) until today.
    const from = addDays(q.onsetDate ?? q.startDate, -policy.exposureLookbackDays);
    const exposureHref = q.memberId
      ? `/exposures?${new URLSearchParams({ memberId: q.memberId, from: minDate(from, today), to: today })}`
      : null;
    return {
      ...q,
      state: quarantineState(q, today),
      today,
      liftDefault: maxDate(q.effectiveFrom, today),
      exposureHref,
    };
  });
  const current = rows.filter((q) => q.active);
  const history = rows.filter(
    (q) =>
      !q.active &&
      !refused &&
      (!filter.hdept || q.departmentId === filter.hdept) &&
      (!filter.hteam || q.teamId === filter.hteam) &&
      (!filter.hfrom || q.endDate >= filter.hfrom) &&
      (!filter.hto || q.startDate <= filter.hto),
  );
  const picker = pickerState(dir, {
    dept: form.picker?.dept ?? c.req.query('dept'),
    q: form.picker?.q ?? c.req.query('q'),
    subject: form.values?.subject,
  });
  const values = form.values ?? {
    subject: '',
    startDate: dir.departmentOf.get(picker.dept)?.today ?? dir.departments[0]?.today ?? '',
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
      current={current}
      history={history}
      picker={picker}
      filter={filter}
      values={values}
      errors={errors}
      detail={form.detail}
      notice={noticeOf(c)}
    />,
    refused && status === 200 ? 422 : status,
  );
}
