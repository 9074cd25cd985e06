import type { MemberView } from '../../app/members/index.ts';
import type { RosterEffects, RosterSyncOutcome } from '../../app/roster/index.ts';
import type { FieldChanges } from '../../domain/roster/index.ts';
import type { Language } from '../../domain/types.ts';
import { Csrf, ErrorSummary, Input, Select, type FormErrors } from '../shared/form.tsx';
import { countText, dayText, listText } from '../shared/dates.tsx';
import { t, tOf, type TextKey } from '../shared/i18n.ts';

/** A field's value as the page shows it: positions and remote access in the glossary's words. */
function shown(lang: Language, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? listText(lang, v.map(String)) : '—';
  if (field === 'position') return tOf(lang, 'position', String(v));
  if (field === 'remoteAccess') return tOf(lang, 'remote', String(v));
  if (field === 'active') return t(lang, v ? 'yes' : 'no');
  return String(v);
}

/** What a roster change does to the rotations: who leaves which team when, what no longer holds. */
export function Effects({ lang, effects }: { lang: Language; effects: RosterEffects }) {
  const lines = [
    ...effects.leaves.map((l) =>
      t(lang, 'effectLeave', {
        name: l.name,
        rotation: l.rotationName,
        team: l.teamLabel,
        date: dayText(lang, l.fromDate),
      }),
    ),
    ...effects.broken.map((b) =>
      t(lang, `effect.${b.code}` as TextKey, {
        rotation: b.rotationName,
        team: b.teamLabel,
        date: dayText(lang, b.date),
        skill: b.skill ?? '',
        holders: b.holders ?? 0,
        min: b.min ?? 0,
      }),
    ),
    ...effects.unplaced.map((u) => t(lang, 'effectUnplaced', { name: u.name, email: u.email })),
  ];
  return (
    <section id="effects" aria-labelledby="effects-title">
      <h2 id="effects-title">{t(lang, 'effects')}</h2>
      {lines.length ? (
        <ul>
          {lines.map((l, i) => (
            <li class={i >= effects.leaves.length ? 'ng' : undefined}>{l}</li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'noEffects')}</p>
      )}
    </section>
  );
}

/** One member's changes, field by field. */
function Changes({ lang, changes }: { lang: Language; changes: FieldChanges }) {
  return (
    <ul>
      {Object.entries(changes).map(([field, c]) => (
        <li>
          {t(lang, 'change', {
            field: t(lang, (field === 'active' ? 'active' : field) as TextKey),
            from: shown(lang, field, c.from),
            to: shown(lang, field, c.to),
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * A roster sync's preview: who is added, changed and deactivated, its effects, and the form that
 * applies exactly this roster (carried in the form, checked again when applied) on this version.
 */
export function RosterPreview(p: {
  lang: Language;
  csrf: string;
  departmentId: string;
  plan: RosterSyncOutcome;
  roster: string;
}) {
  const { lang, plan } = p;
  const people = (n: number) => countText(lang, 'people', n);
  const nothing = !plan.added.length && !plan.updated.length && !plan.deactivated.length;
  return (
    <>
      <section id="plan-added">
        <h2>{t(lang, 'planAdded', { count: people(plan.added.length) })}</h2>
        <ul>
          {plan.added.map((a) => (
            <li>
              {a.name}（{a.email}）{shown(lang, 'position', a.position)}
            </li>
          ))}
        </ul>
      </section>
      <section id="plan-updated">
        <h2>{t(lang, 'planUpdated', { count: people(plan.updated.length) })}</h2>
        <ul>
          {plan.updated.map((u) => (
            <li>
              {u.name}（{u.email}）
              <Changes lang={lang} changes={u.changes} />
            </li>
          ))}
        </ul>
      </section>
      <section id="plan-deactivated">
        <h2>{t(lang, 'planDeactivated', { count: people(plan.deactivated.length) })}</h2>
        <ul>
          {plan.deactivated.map((d) => (
            <li>
              {d.name}（{d.email}）
            </li>
          ))}
        </ul>
      </section>
      <p>{t(lang, 'planUnchanged', { count: people(plan.unchanged) })}</p>
      <Effects lang={lang} effects={plan.effects} />
      {nothing ? (
        <p role="status">{t(lang, 'planNothing')}</p>
      ) : (
        <form method="post" action={`/departments/${p.departmentId}/roster/apply`}>
          <Csrf token={p.csrf} />
          <input type="hidden" name="roster" value={p.roster} />
          <input type="hidden" name="version" value={String(plan.version)} />
          <input type="hidden" name="effectiveDate" value={plan.effectiveDate} />
          <button type="submit">{t(lang, 'applyChanges')}</button>
        </form>
      )}
      <p>
        <a href={`/departments/${p.departmentId}#roster-sync`}>{t(lang, 'cancel')}</a>
      </p>
    </>
  );
}

/** The upload of a whole roster, on the department page. */
export function RosterSyncForm(p: {
  lang: Language;
  csrf: string;
  departmentId: string;
  errors?: FormErrors | undefined;
}) {
  const { lang } = p;
  return (
    <section aria-labelledby="roster-sync">
      <h2 id="roster-sync">{t(lang, 'rosterSync')}</h2>
      <p>{t(lang, 'rosterSyncHint')}</p>
      <form
        method="post"
        action={`/departments/${p.departmentId}/roster`}
        enctype="multipart/form-data"
      >
        <Csrf token={p.csrf} />
        <Input
          name="roster"
          id="roster-file"
          type="file"
          accept=".csv,text/csv"
          label={t(lang, 'rosterFile')}
          errors={p.errors}
          required
        />
        <Input
          name="effectiveDate"
          id="roster-effective"
          type="date"
          label={t(lang, 'effectiveFrom')}
          hint={t(lang, 'effectiveFromHint')}
          errors={p.errors}
        />
        <button type="submit">{t(lang, 'previewChanges')}</button>
      </form>
      <p>
        <a href={`/departments/${p.departmentId}/members.csv`} download>
          {t(lang, 'downloadCsv')}
        </a>{' '}
        <a class="button" href={`/departments/${p.departmentId}/members/new`}>
          {t(lang, 'addMember')}
        </a>
      </p>
    </section>
  );
}
