import type { Language } from '../../domain/types.ts';
import { Input, Select, type FormErrors, type Option } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { departmentOptions, memberLabel, pick, type Directory } from './directory.ts';

/** Where the picker stands: the department chosen and the search typed (both in the page's query). */
export interface PickerState {
  dept: string;
  q: string;
}

/** Hidden fields that carry the picker's state through another form of the page. */
export function KeepPicker({ state }: { state: PickerState }) {
  return (
    <>
      <input type="hidden" name="dept" value={state.dept} />
      <input type="hidden" name="q" value={state.q} />
    </>
  );
}

/**
 * The first step, without script: a GET form that chooses the department and searches it by
 * name, reading (フリガナ) or e-mail; the server answers with the page narrowed to the matches.
 * `keep` carries other fields of the page's query through.
 */
export function PickerStep(p: {
  lang: Language;
  dir: Directory;
  action: string;
  state: PickerState;
  keep?: Record<string, string>;
}) {
  const { lang } = p;
  return (
    <form method="get" action={p.action} class="picker" id="picker" role="search">
      {Object.entries(p.keep ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <Select
        name="dept"
        label={t(lang, 'pickDepartment')}
        value={p.state.dept}
        options={departmentOptions(p.dir)}
        placeholder={t(lang, 'pickDepartmentChoose')}
      />
      <Input
        name="q"
        type="search"
        label={t(lang, 'pickSearch')}
        hint={t(lang, 'pickSearchHint')}
        value={p.state.q}
        autocomplete="off"
      />
      <button type="submit" class="secondary">
        {t(lang, 'pickNarrow')}
      </button>
    </form>
  );
}

const prefixed = (prefix: string, options: Option[]): Option[] =>
  options.map((o) => ({ ...o, value: `${prefix}:${o.value}` }));

/** The hint under a narrowed choice: what to do first, or that nothing matched. */
function pickHint(lang: Language, state: PickerState, found: number): string | undefined {
  if (!state.dept) return t(lang, 'pickDepartmentFirst');
  if (!found) return t(lang, state.q ? 'pickNoMatch' : 'pickNobody');
  return state.q ? t(lang, 'pickFound', { count: found, q: state.q }) : undefined;
}

/** The second step: the mark form's subject, only what the picker found (a team, a person, or a positive case). */
export function SubjectSelect(p: {
  lang: Language;
  dir: Directory;
  state: PickerState;
  value: string;
  errors: FormErrors;
}) {
  const { lang, dir } = p;
  const found = p.state.dept ? pick(dir, p.state.dept, p.state.q) : { teams: [], members: [] };
  const teams = found.teams.map((tm) => ({ value: tm.id, label: tm.name }));
  const members = found.members.map((m) => ({ value: m.id, label: memberLabel(dir, m) }));
  return (
    <Select
      name="subject"
      label={t(lang, 'subject')}
      value={p.value}
      placeholder={t(lang, 'subjectChoose')}
      hint={pickHint(lang, p.state, teams.length + members.length)}
      groups={[
        { label: t(lang, 'teamsGroup'), options: prefixed('team', teams) },
        { label: t(lang, 'membersGroup'), options: prefixed('member', members) },
        { label: t(lang, 'positiveGroup'), options: prefixed('positive', members) },
      ].filter((g) => g.options.length)}
      errors={p.errors}
    />
  );
}

/** A member of the picked department (the exposure lookup's case), as found by the search. */
export function MemberSelect(p: {
  lang: Language;
  dir: Directory;
  state: PickerState;
  value: string;
  errors: FormErrors;
}) {
  const { lang, dir } = p;
  const found = p.state.dept ? pick(dir, p.state.dept, p.state.q).members : [];
  // The member asked about stays choosable even when a later search would not find them.
  const chosen = dir.memberOf.get(p.value);
  const members = chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  return (
    <Select
      name="memberId"
      label={t(lang, 'member')}
      value={p.value}
      options={members.map((m) => ({ value: m.id, label: memberLabel(dir, m) }))}
      placeholder={t(lang, 'chooseMember')}
      hint={pickHint(lang, p.state, members.length)}
      errors={p.errors}
    />
  );
}
