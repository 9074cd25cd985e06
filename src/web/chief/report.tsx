import type { Language } from '../../domain/types.ts';
import { Table } from '../shared/table.tsx';
import type { RotationView } from '../../app/rotations/index.ts';
import type { MemberView } from '../../app/members/index.ts';
import { MoveForm } from './move-form.tsx';
import { Csrf, ErrorSummary, type FormErrors } from '../shared/form.tsx';
import {
  countText,
  dayText,
  listDayText,
  spanText,
  type Counted,
  listText,
} from '../shared/dates.tsx';
import { t, tOf } from '../shared/i18n.ts';
import { whyList } from './why.ts';

/** The colour class of a team by its place in the rotation (the same in the report and the month grid). */
export const teamClass = (index: number): string => `t${index % 8}`;

type Report = RotationView['report'];

function Teams({
  lang,
  view,
  nameOf,
}: {
  lang: Language;
  view: RotationView;
  nameOf: (id: string) => string;
}) {
  return (
    <div class="teams">
      {view.teams.map((team, i) => {
        const r = view.report.teams[i]!;
        return (
          <section class={`team-card ${teamClass(i)}`} aria-labelledby={`team-${team.id}`}>
            <h3 id={`team-${team.id}`}>{t(lang, 'teamLabel', { label: team.label })}</h3>
            <p>
              {t(lang, 'size')}: {countText(lang, 'people', r.size)} / {t(lang, 'officeDays')}:{' '}
              {countText(lang, 'days', r.officeDays)}
            </p>
            <ul>
              {team.memberIds.map((id) => (
                <li>{nameOf(id)}</li>
              ))}
            </ul>
            <details>
              <summary>{t(lang, 'why')}</summary>
              <ul>
                {whyList(lang, r.explanation, nameOf).map((w) => (
                  <li>{w}</li>
                ))}
              </ul>
            </details>
          </section>
        );
      })}
    </div>
  );
}

const Verdict = ({ lang, ok }: { lang: Language; ok: boolean }) => (
  <span class={ok ? 'ok' : 'ng'}>{ok ? `✓ ${t(lang, 'met')}` : `✗ ${t(lang, 'missed')}`}</span>
);

function Coverage({
  lang,
  report,
  nameOf,
}: {
  lang: Language;
  report: Report;
  nameOf: (id: string) => string;
}) {
  const first = report.teams[0]?.explanation;
  const skills = first?.requiredSkills ?? [];
  const pairs = report.teams.flatMap((tm) =>
    tm.explanation.separatePairs
      .filter((p) => p.memberId === p.pair[0])
      .map((p) => ({ ...p, team: tm.label })),
  );
  return (
    <Table id="coverage">
      <thead>
        <tr>
          <th scope="col">{t(lang, 'constraint')}</th>
          {report.teams.map((tm) => (
            <th scope="col">{t(lang, 'teamLabel', { label: tm.label })}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {skills.map((s, si) => (
          <tr>
            <th scope="row">{t(lang, 'skillNeed', { skill: s.skill, min: s.min })}</th>
            {report.teams.map((tm) => {
              const held = tm.explanation.requiredSkills[si]!;
              return (
                <td>
                  <Verdict lang={lang} ok={held.holderIds.length >= held.min} />{' '}
                  {listText(lang, held.holderIds.map(nameOf))}
                </td>
              );
            })}
          </tr>
        ))}
        {pairs.map((p) => (
          <tr>
            <th scope="row">
              {t(lang, 'apart', { a: nameOf(p.memberId), b: nameOf(p.otherMemberId) })}
            </th>
            {report.teams.map((tm) => (
              <td>
                {tm.label === p.team ? (
                  <Verdict lang={lang} ok={p.otherTeam !== p.team} />
                ) : tm.label === p.otherTeam ? (
                  '—'
                ) : (
                  ''
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function RemoteBalance({ lang, report }: { lang: Language; report: Report }) {
  const rd = report.remoteDemand;
  const cap = (what: Counted, n: number | null) =>
    n === null ? t(lang, 'notSet') : countText(lang, what, n);
  return (
    <Table id="remote-demand">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">{t(lang, 'officeDays')}</th>
          <th scope="col">{t(lang, 'peakThinClient')}</th>
          <th scope="col">{t(lang, 'peakLoanPc')}</th>
        </tr>
      </thead>
      <tbody>
        {rd.byOfficeTeam.map((b) => (
          <tr>
            <th scope="row">{t(lang, 'whenInOffice', { label: b.label })}</th>
            <td>{countText(lang, 'days', b.officeDays)}</td>
            <td>{countText(lang, 'seats', b.peak.thinClient)}</td>
            <td>{countText(lang, 'devices', b.peak.loanPc)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t(lang, 'capacity')}</th>
          <td></td>
          <td>{cap('seats', rd.capacity.thinClient)}</td>
          <td>{cap('devices', rd.capacity.loanPc)}</td>
        </tr>
        <tr>
          <th scope="row">{t(lang, 'daysShort')}</th>
          <td colspan={3}>{countText(lang, 'days', rd.daysShort)}</td>
        </tr>
      </tbody>
    </Table>
  );
}

function Survivability({
  lang,
  report,
  outageDays,
  today,
}: {
  lang: Language;
  report: Report;
  outageDays: number;
  today: string;
}) {
  const s = report.survivability;
  const days = (dates: string[]) =>
    listText(
      lang,
      dates.slice(0, 10).map((d) => listDayText(lang, d, today)),
    );
  const w = s.worst;
  const remoteWorst = s.remote?.worst;
  return (
    <div id="survivability">
      <p class={s.survives ? 'ok' : 'ng'}>
        {s.survives || !w
          ? `✓ ${t(lang, 'survives', { days: outageDays })}`
          : `✗ ${t(lang, 'fails', { label: w.label, start: dayText(lang, w.startDate), days: countText(lang, 'days', w.uncoveredDates.length), dates: days(w.uncoveredDates) })}`}
      </p>
      {s.remote?.withinCapacity === false && remoteWorst ? (
        <p class="ng">
          ✗{' '}
          {t(lang, 'remoteShort', {
            label: remoteWorst.label,
            dates: days(remoteWorst.remote?.shortDates ?? []),
          })}
        </p>
      ) : s.remote?.withinCapacity === true ? (
        <p class="ok">✓ {t(lang, 'remoteWithin')}</p>
      ) : null}
    </div>
  );
}

export interface MoveResult {
  name: string;
  label: string;
  date: string;
  officeFrom: string;
  last: string | null;
}

/** A rotation for its chief: teams side by side, constraint coverage, remote demand, survivability; publish; move a member. */
export function RotationPage(p: {
  lang: Language;
  csrf: string;
  view: RotationView;
  members: MemberView[];
  outageDays: number;
  exposureDays: number;
  today: string;
  /** The chief (or admin) may publish and move; HR reads. */
  editable: boolean;
  errors?: FormErrors;
  detail?: string | undefined;
  moved?: MoveResult | null;
  justPublished?: boolean;
  move?: { memberId: string; toTeamId: string; effectiveDate: string };
}) {
  const { lang, view } = p;
  const names = new Map(p.members.map((m) => [m.id, m.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const errors = p.errors ?? {};
  return (
    <>
      <p>
        {spanText(lang, view.startDate, view.endDate)} / {t(lang, 'status')}:{' '}
        <strong id="rotation-status">{tOf(lang, 'status', view.status)}</strong> /{' '}
        <a href={`/rotations/${view.id}/month`}>{t(lang, 'monthGrid')}</a> /{' '}
        <a href={`/departments/${view.departmentId}`}>{t(lang, 'members')}</a>
      </p>
      {p.justPublished ? (
        <p class="notice" role="status">
          {t(lang, 'published')}
        </p>
      ) : null}
      {p.moved ? (
        <div class="notice" role="status" id="move-result">
          <p>
            {t(lang, 'moved', {
              name: p.moved.name,
              label: p.moved.label,
              date: dayText(lang, p.moved.date),
              officeFrom: dayText(lang, p.moved.officeFrom),
            })}
          </p>
          {p.moved.last ? (
            <p>{t(lang, 'lastOfficeWithOld', { date: dayText(lang, p.moved.last) })}</p>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary lang={lang} errors={errors} detail={p.detail} />
      {p.editable ? null : <p class="notice">{t(lang, 'readOnly')}</p>}
      {view.status === 'draft' && p.editable ? (
        <form method="post" action={`/rotations/${view.id}/publish`}>
          <Csrf token={p.csrf} />
          <input type="hidden" name="version" value={String(view.version)} />
          <p class="hint">{t(lang, 'publishHint')}</p>
          <button type="submit">{t(lang, 'publish')}</button>
        </form>
      ) : null}
      <h2>{t(lang, 'teamsSideBySide')}</h2>
      <Teams lang={lang} view={view} nameOf={nameOf} />
      <h2>{t(lang, 'coverage')}</h2>
      <Coverage lang={lang} report={view.report} nameOf={nameOf} />
      <h2>{t(lang, 'remoteBalance')}</h2>
      <RemoteBalance lang={lang} report={view.report} />
      <h2>{t(lang, 'survivability')}</h2>
      <Survivability lang={lang} report={view.report} outageDays={p.outageDays} today={p.today} />
      {p.editable ? (
        <MoveForm
          lang={lang}
          csrf={p.csrf}
          view={view}
          members={p.members}
          exposureDays={p.exposureDays}
          today={p.today}
          errors={errors}
          move={p.move}
        />
      ) : null}
    </>
  );
}
