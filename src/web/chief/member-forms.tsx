import type { MemberView } from '../../app/members/index.ts';
import type { Language } from '../../domain/types.ts';
import { Csrf, ErrorSummary, Input, Select, type FormErrors } from '../shared/form.tsx';
import { t, tOf } from '../shared/i18n.ts';
import { Effects } from './roster.tsx';
import type { RosterEffects } from '../../app/roster/index.ts';

/** The values of the member form, as typed. */
export interface MemberFormValues {
  name: string;
  kana: string;
  email: string;
  skills: string;
  position: string;
  remoteAccess: string;
}

export const memberFormValues = (m?: MemberView): MemberFormValues => ({
  name: m?.name ?? '',
  kana: m?.kana ?? '',
  email: m?.email ?? '',
  skills: m?.skills.join('、') ?? '',
  position: m?.position ?? 'staff',
  remoteAccess: m?.remoteAccess ?? 'company-pc',
});

/** Adds one member or edits one: name, reading, e-mail, skills, position, remote access. */
export function MemberForm(p: {
  lang: Language;
  csrf: string;
  action: string;
  values: MemberFormValues;
  errors: FormErrors;
}) {
  const { lang, values: v, errors } = p;
  const positions = (['chief', 'deputy', 'staff'] as const).map((k) => ({
    value: k,
    label: tOf(lang, 'position', k),
  }));
  const remotes = (['company-pc', 'loan-pc', 'thin-client'] as const).map((k) => ({
    value: k,
    label: tOf(lang, 'remote', k),
  }));
  return (
    <form method="post" action={p.action}>
      <ErrorSummary lang={lang} errors={errors} />
      <Csrf token={p.csrf} />
      <Input name="name" label={t(lang, 'name')} value={v.name} errors={errors} required />
      <Input name="kana" label={t(lang, 'kana')} value={v.kana} errors={errors} />
      <Input
        name="email"
        type="email"
        label={t(lang, 'email')}
        value={v.email}
        errors={errors}
        required
      />
      <Input
        name="skills"
        label={t(lang, 'skills')}
        hint={t(lang, 'skillsHint')}
        value={v.skills}
        errors={errors}
      />
      <Select
        name="position"
        label={t(lang, 'position')}
        value={v.position}
        options={positions}
        errors={errors}
      />
      <Select
        name="remoteAccess"
        label={t(lang, 'remoteAccess')}
        value={v.remoteAccess}
        options={remotes}
        errors={errors}
      />
      <button type="submit">{t(lang, 'save')}</button>
    </form>
  );
}

/** Deactivation or reactivation, on the member's page: the effective date, then its effects first. */
export function ActiveForm(p: {
  lang: Language;
  csrf: string;
  member: MemberView;
  errors: FormErrors;
  confirm?: { effectiveDate: string; effects: RosterEffects } | undefined;
}) {
  const { lang, member: m } = p;
  const leaving = m.active;
  const action = `/members/${m.id}/${leaving ? 'deactivate' : 'reactivate'}`;
  return (
    <section aria-labelledby="active-title">
      <h2 id="active-title">
        {p.confirm
          ? t(lang, leaving ? 'confirmDeactivate' : 'confirmReactivate', { name: m.name })
          : t(lang, leaving ? 'deactivate' : 'reactivate')}
      </h2>
      <p>{t(lang, leaving ? 'deactivateHint' : 'reactivateHint')}</p>
      {p.confirm ? <Effects lang={lang} effects={p.confirm.effects} /> : null}
      <form method="post" action={action}>
        <Csrf token={p.csrf} />
        {p.confirm ? (
          <input type="hidden" name="effectiveDate" value={p.confirm.effectiveDate} />
        ) : leaving ? (
          <Input
            name="effectiveDate"
            type="date"
            label={t(lang, 'effectiveFrom')}
            hint={t(lang, 'effectiveFromHint')}
            errors={p.errors}
          />
        ) : null}
        {p.confirm ? <input type="hidden" name="confirm" value="yes" /> : null}
        <button type="submit">
          {p.confirm
            ? t(lang, leaving ? 'doDeactivate' : 'doReactivate')
            : t(lang, 'previewChanges')}
        </button>
      </form>
    </section>
  );
}
