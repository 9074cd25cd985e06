import type { Language } from '../../domain/types.ts';
import type { RotationView } from '../../app/rotations/index.ts';
import type { MemberView } from '../../app/members/index.ts';
import { memberOptions } from './pages.tsx';
import { Csrf, Input, Select, type FormErrors } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';

/** The chief's move of a member to another team (the bridging rule in its hint). */
export function MoveForm(p: {
  lang: Language;
  csrf: string;
  view: RotationView;
  members: MemberView[];
  exposureDays: number;
  today: string;
  errors: FormErrors;
  move?: { memberId: string; toTeamId: string; effectiveDate: string } | undefined;
}) {
  const { lang, errors } = p;
  return (
    <>
      <h2 id="move">{t(lang, 'moveMember')}</h2>
      <p class="hint">{t(lang, 'moveHint', { days: p.exposureDays })}</p>
      <form method="post" action={`/rotations/${p.view.id}/moves`} novalidate>
        <Csrf token={p.csrf} />
        <input type="hidden" name="version" value={String(p.view.version)} />
        <Select
          name="memberId"
          label={t(lang, 'member')}
          value={p.move?.memberId}
          options={memberOptions(p.members)}
          placeholder={t(lang, 'chooseMember')}
          errors={errors}
        />
        <Select
          name="toTeamId"
          label={t(lang, 'toTeam')}
          value={p.move?.toTeamId}
          options={p.view.teams.map((tm) => ({
            value: tm.id,
            label: t(lang, 'teamLabel', { label: tm.label }),
          }))}
          placeholder={t(lang, 'chooseTeam')}
          errors={errors}
        />
        <Input
          name="effectiveDate"
          type="date"
          label={t(lang, 'effectiveDate')}
          value={p.move?.effectiveDate ?? p.today}
          errors={errors}
        />
        <button type="submit">{t(lang, 'move')}</button>
      </form>
    </>
  );
}
