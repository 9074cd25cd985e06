import type { Language } from '../../domain/types.ts';
import { Csrf, ErrorSummary, Input, Select, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { departmentOptions, type Directory } from './directory.ts';
import { KeepPicker, PickerStep, SubjectSelect, type PickerState } from './picker.tsx';
import { CurrentTable, HistoryTable, type QuarantineRowView } from './tables.tsx';

export interface MarkValues {
  subject: string;
  startDate: string;
  endDate: string;
  reason: string;
}

/** The history's filters (query `hdept`, `hteam`, `hfrom`, `hto`). */
export interface HistoryFilter {
  hdept: string;
  hteam: string;
  hfrom: string;
  hto: string;
}

/** The mark form: who (from the picker), the window and the reason; previewed before anything is saved. */
export function MarkFields(p: {
  lang: Language;
  dir: Directory;
  picker: PickerState;
  values: MarkValues;
  errors: FormErrors;
}) {
  const { lang, values, errors } = p;
  return (
    <>
      <KeepPicker state={p.picker} />
      <SubjectSelect
        lang={lang}
        dir={p.dir}
        state={p.picker}
        value={values.subject}
        errors={errors}
      />
      <Input
        name="startDate"
        type="date"
        label={t(lang, 'startOrOnsetDate')}
        value={values.startDate}
        errors={errors}
      />
      <Input
        name="endDate"
        type="date"
        label={t(lang, 'endDate')}
        value={values.endDate}
        errors={errors}
      />
      <Input name="reason" label={t(lang, 'reason')} value={values.reason} errors={errors} />
    </>
  );
}

function HistoryFilterForm(p: {
  lang: Language;
  dir: Directory;
  picker: PickerState;
  filter: HistoryFilter;
  errors: FormErrors;
}) {
  const { lang, dir, filter, errors } = p;
  const teams = dir.teams.filter((tm) => !filter.hdept || tm.departmentId === filter.hdept);
  return (
    <form method="get" action="/quarantines#history" id="history-filter" novalidate>
      <KeepPicker state={p.picker} />
      <Select
        name="hdept"
        label={t(lang, 'department')}
        value={filter.hdept}
        options={departmentOptions(dir)}
        placeholder={t(lang, 'allDepartments')}
        errors={errors}
      />
      <Select
        name="hteam"
        label={t(lang, 'team')}
        value={filter.hteam}
        options={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
        placeholder={t(lang, 'allTeams')}
        errors={errors}
      />
      <Input
        name="hfrom"
        type="date"
        label={t(lang, 'historyFrom')}
        value={filter.hfrom}
        errors={errors}
      />
      <Input
        name="hto"
        type="date"
        label={t(lang, 'historyTo')}
        value={filter.hto}
        errors={errors}
      />
      <button type="submit" class="secondary">
        {t(lang, 'filter')}
      </button>
    </form>
  );
}

/** HR's page: the quarantines in force or to come (each lifted after a preview), marking one, and the history. */
export function QuarantinesPage(p: {
  lang: Language;
  csrf: string;
  dir: Directory;
  current: QuarantineRowView[];
  history: QuarantineRowView[];
  picker: PickerState;
  filter: HistoryFilter;
  values: MarkValues;
  errors: FormErrors;
  detail?: string | undefined;
  notice?: string | undefined;
}) {
  const { lang, dir, errors } = p;
  return (
    <>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary lang={lang} errors={errors} detail={p.detail} />
      <h2>{t(lang, 'activeQuarantines')}</h2>
      <CurrentTable lang={lang} csrf={p.csrf} dir={dir} rows={p.current} errors={errors} />
      <h2 id="mark">{t(lang, 'markQuarantine')}</h2>
      <PickerStep
        lang={lang}
        dir={dir}
        action="/quarantines#mark"
        state={p.picker}
        keep={{ ...p.filter }}
      />
      <form method="post" action="/quarantines/preview" novalidate>
        <Csrf token={p.csrf} />
        <MarkFields lang={lang} dir={dir} picker={p.picker} values={p.values} errors={errors} />
        <button type="submit">{t(lang, 'preview')}</button>
      </form>
      <h2 id="history">{t(lang, 'quarantineHistory')}</h2>
      <HistoryFilterForm
        lang={lang}
        dir={dir}
        picker={p.picker}
        filter={p.filter}
        errors={errors}
      />
      <HistoryTable lang={lang} dir={dir} rows={p.history} />
    </>
  );
}
