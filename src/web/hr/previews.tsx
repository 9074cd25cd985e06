import type { LiftOutcome } from '../../app/quarantines/index.ts';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import { ColumnHeads, Csrf } from '../shared/form.tsx';
import { t, type TextKey } from '../shared/i18n.ts';
import { Day, countText, dayText, listDayText, spanText, listText } from '../shared/dates.tsx';
import { subjectName, type Directory } from './directory.ts';
import type { MarkValues } from './quarantines-page.tsx';
import type { PickerState } from './picker.tsx';

export interface Preview {
  /** The window as it would be stored (the end from policy when none was given). */
  startDate: string;
  endDate: string;
  /** Who would be quarantined (a positive case: the person and every team exposed). */
  subjects: string[];
  swaps: { date: string; fromTeamId: string; toTeamId: string | null }[];
  uncovered: string[];
  newShortageDates: string[];
}

/** Dates in a run of text, each by {@link listDayText} against the department's today. */
const days = (lang: Language, dates: string[], asOf: string) =>
  listText(
    lang,
    dates.map((d) => listDayText(lang, d, asOf)),
  );

const teamLabel = (dir: Directory, id: string | null) =>
  id ? (dir.teamOf.get(id)?.label ?? id) : '—';

/** What marking would do, before anything is written; confirming posts the same values with one idempotency key. */
export function MarkPreviewPage(p: {
  lang: Language;
  csrf: string;
  dir: Directory;
  picker: PickerState;
  values: MarkValues;
  preview: Preview;
  idempotencyKey: string;
}) {
  const { lang, dir, preview } = p;
  const today = dir.departmentOf.get(p.picker.dept)?.today ?? preview.startDate;
  return (
    <>
      <p>
        <strong>{preview.subjects.join('、')}</strong>{' '}
        {spanText(lang, preview.startDate, preview.endDate)}
      </p>
      <p>{t(lang, 'previewIntro')}</p>
      <h2>{t(lang, 'swaps')}</h2>
      {preview.swaps.length ? (
        <Table id="preview-swaps">
          <ColumnHeads lang={lang} keys={['date', 'from', 'to']} />
          <tbody>
            {preview.swaps.map((s) => (
              <tr>
                <th scope="row">
                  <Day lang={lang} iso={s.date} asOf={today} />
                </th>
                <td>{teamLabel(dir, s.fromTeamId)}</td>
                <td>
                  {s.toTeamId ? (
                    teamLabel(dir, s.toTeamId)
                  ) : (
                    <strong class="ng">{t(lang, 'kind.uncovered')}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t(lang, 'noSwaps')}</p>
      )}
      <h2>{t(lang, 'uncoveredDays')}</h2>
      <p id="preview-uncovered">
        {preview.uncovered.length
          ? days(lang, preview.uncovered, today)
          : countText(lang, 'days', 0)}
      </p>
      {preview.newShortageDates.length ? (
        <p class="ng">
          {t(lang, 'newShortage', { dates: days(lang, preview.newShortageDates, today) })}
        </p>
      ) : null}
      <form method="post" action="/quarantines">
        <Csrf token={p.csrf} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        {(['subject', 'startDate', 'endDate', 'reason'] as const).map((k) => (
          <input type="hidden" name={k} value={p.values[k]} />
        ))}
        <button type="submit">{t(lang, 'confirm')}</button>{' '}
        <a href={`/quarantines?${new URLSearchParams({ ...p.picker })}#mark`}>
          {t(lang, 'cancel')}
        </a>
      </form>
    </>
  );
}

/** Why a day stays with its cover, in the page's language (the domain's English when not known). */
const KEPT: [RegExp, TextKey][] = [
  [/changed hands/, 'kept.changed'],
  [/still out/, 'kept.out'],
  [/handover gap/, 'kept.gap'],
  [/office is closed/, 'kept.closed'],
];
const keptWhy = (lang: Language, why: string) => {
  const key = KEPT.find(([re]) => re.test(why))?.[1];
  return key ? t(lang, key) : why;
};

/** What lifting would do (days handed back, days kept and why, slots covered, remote capacity); confirming lifts. */
export function LiftPreviewPage(p: {
  lang: Language;
  csrf: string;
  dir: Directory;
  outcome: LiftOutcome;
}) {
  const { lang, dir, outcome } = p;
  const q = outcome.quarantine;
  const dept = outcome.capacityEffect.department;
  const today = dir.departmentOf.get(q.departmentId)?.today ?? outcome.liftedFrom;
  const unit = { thinClient: 'seats', loanPc: 'devices' } as const;
  return (
    <>
      <p>
        <strong id="lift-subject">{subjectName(dir, q)}</strong>{' '}
        {spanText(lang, q.startDate, q.endDate)}
      </p>
      <p>{t(lang, 'liftPreviewIntro', { date: dayText(lang, outcome.liftedFrom) })}</p>
      <h2>{t(lang, 'handedBack')}</h2>
      {outcome.handedBack.length ? (
        <Table id="lift-handed-back">
          <ColumnHeads lang={lang} keys={['date', 'coverTeam', 'backTo']} />
          <tbody>
            {outcome.handedBack.map((h) => (
              <tr>
                <th scope="row">
                  <Day lang={lang} iso={h.date} asOf={today} />
                </th>
                <td>{h.fromTeamId ? teamLabel(dir, h.fromTeamId) : t(lang, 'kind.uncovered')}</td>
                <td>{teamLabel(dir, h.toTeamId)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t(lang, 'noHandBack')}</p>
      )}
      {outcome.kept.length ? (
        <>
          <h2>{t(lang, 'keptDays')}</h2>
          <ul id="lift-kept">
            {outcome.kept.map((k) => (
              <li>
                <Day lang={lang} iso={k.date} asOf={today} />: {keptWhy(lang, k.why)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {outcome.covered.length ? (
        <>
          <h2>{t(lang, 'coveredDays')}</h2>
          <ul id="lift-covered">
            {outcome.covered.map((c) => (
              <li>
                <Day lang={lang} iso={c.date} asOf={today} />: {teamLabel(dir, c.toTeamId)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t(lang, 'remoteBalance')}</h2>
      <Table id="lift-capacity">
        <ColumnHeads lang={lang} keys={['resource', 'peakBefore', 'peakAfter', 'capacity']} />
        <tbody>
          {(['thinClient', 'loanPc'] as const).map((r) => (
            <tr>
              <th scope="row">{t(lang, `resource.${r}`)}</th>
              <td>{countText(lang, unit[r], dept.peakBefore[r])}</td>
              <td>{countText(lang, unit[r], dept.peakAfter[r])}</td>
              <td>
                {dept.capacity[r] === null
                  ? t(lang, 'notSet')
                  : countText(lang, unit[r], dept.capacity[r])}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {outcome.capacityEffect.newShortageDates.length ? (
        <p class="ng">
          {t(lang, 'newShortage', {
            dates: days(lang, outcome.capacityEffect.newShortageDates, today),
          })}
        </p>
      ) : (
        <p>{t(lang, 'noNewShortage')}</p>
      )}
      <form method="post" action={`/quarantines/${outcome.id}/lift`}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="date" value={outcome.liftedFrom} />
        <button type="submit">{t(lang, 'liftConfirm')}</button>{' '}
        <a href="/quarantines">{t(lang, 'cancel')}</a>
      </form>
    </>
  );
}
