import type { OverrideOutcome, OverrideView } from '../../app/overrides/index.ts';
import { Table } from '../shared/table.tsx';
import type { Language } from '../../domain/types.ts';
import {
  Day,
  countText,
  dayText,
  hoursText,
  instantText,
  listDayText,
  listText,
} from '../shared/dates.tsx';
import {
  ColumnHeads,
  Csrf,
  ErrorSummary,
  Input,
  Select,
  type FormErrors,
} from '../shared/form.tsx';
import { t, type TextKey } from '../shared/i18n.ts';

/** The rotation an override page is about: its teams, version, zone, and the day as it stands. */
export interface OverrideTarget {
  rotationId: string;
  name: string;
  version: number;
  timezone: string;
  teams: { id: string; label: string }[];
  /** The day's office slots (several when the day is split). */
  slots: { start: string; end: string }[];
  date: string;
  /** Who is in the office that day, slot by slot (empty: nobody). */
  office: { slot: number; teamId: string }[];
  kind: string;
}

/** The values of an override form, as posted. */
export interface OverrideValues {
  kind: string;
  date: string;
  otherDate: string;
  teamId: string;
  slot: string;
  reason: string;
}

const label = (target: { teams: { id: string; label: string }[] }, id: string | null) =>
  id === null ? null : (target.teams.find((x) => x.id === id)?.label ?? '?');

/** Where a refused field's message goes on the override forms. */
export const overrideFieldOf = (path: string): string | null =>
  path === '/dates/1' ? 'otherDate' : (/^\/(teamId|slot|reason)$/.exec(path)?.[1] ?? null);

/** The override forms for one day: swap it with another, give it to another team, close the office. */
export function OverrideForms(p: {
  lang: Language;
  csrf: string;
  target: OverrideTarget;
  values?: Partial<OverrideValues>;
  errors?: FormErrors;
  detail?: string;
}) {
  const { lang, target } = p;
  const v = p.values ?? {};
  const action = `/rotations/${target.rotationId}/overrides/preview`;
  const hidden = (kind: string) => (
    <>
      <Csrf token={p.csrf} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="date" value={target.date} />
      <input type="hidden" name="version" value={String(target.version)} />
    </>
  );
  const office = [...new Set(target.office.map((o) => label(target, o.teamId)!))];
  const others = target.teams.filter((x) => !target.office.some((o) => o.teamId === x.id));
  return (
    <>
      <ErrorSummary lang={lang} errors={p.errors ?? {}} detail={p.detail} />
      <p id="override-day">
        <strong>
          <Day lang={lang} iso={target.date} />
        </strong>{' '}
        {office.length
          ? t(lang, 'override.current', {
              teams: office.map((l) => t(lang, 'teamLabel', { label: l })).join('・'),
            })
          : t(lang, `kind.${target.kind}` as TextKey)}
      </p>
      <form method="get" action={`/rotations/${target.rotationId}/overrides/new`} class="no-print">
        <Input name="date" type="date" label={t(lang, 'override.otherDay')} value={target.date} />
        <button type="submit">{t(lang, 'override.show')}</button>
      </form>

      <section aria-labelledby="swap-h">
        <h2 id="swap-h">{t(lang, 'override.kind.swap')}</h2>
        <form method="post" action={action}>
          {hidden('swap')}
          <Input
            name="otherDate"
            type="date"
            label={t(lang, 'override.otherDate')}
            value={v.otherDate}
            errors={p.errors}
            required
          />
          <button type="submit">{t(lang, 'override.preview')}</button>
        </form>
      </section>

      <section aria-labelledby="assign-h">
        <h2 id="assign-h">{t(lang, 'override.kind.assign')}</h2>
        <form method="post" action={action}>
          {hidden('assign')}
          <Select
            name="teamId"
            label={t(lang, 'override.team')}
            value={v.teamId}
            errors={p.errors}
            options={others.map((x) => ({
              value: x.id,
              label: t(lang, 'teamLabel', { label: x.label }),
            }))}
          />
          {target.slots.length > 1 ? (
            <Select
              name="slot"
              label={t(lang, 'override.slot')}
              value={v.slot}
              errors={p.errors}
              options={[
                { value: '', label: t(lang, 'override.slotAll') },
                ...target.slots.map((s, i) => ({
                  value: String(i),
                  label: hoursText(lang, s.start, s.end),
                })),
              ]}
            />
          ) : null}
          <button type="submit">{t(lang, 'override.preview')}</button>
        </form>
      </section>

      <section aria-labelledby="close-h">
        <h2 id="close-h">{t(lang, 'override.kind.close')}</h2>
        <form method="post" action={action}>
          {hidden('close')}
          <Input
            name="reason"
            label={t(lang, 'override.reason')}
            value={v.reason}
            errors={p.errors}
            hint={t(lang, 'override.reasonHint')}
          />
          <button type="submit">{t(lang, 'override.preview')}</button>
        </form>
      </section>
      <p>
        <a href={`/rotations/${target.rotationId}/overrides`}>{t(lang, 'override.list')}</a>
      </p>
    </>
  );
}

/** What an override (or its undo) would do, and the button that does it. */
export function OverridePreview(p: {
  lang: Language;
  csrf: string;
  /** `today`: the dates in the preview's lists are read against it. */
  target: { rotationId: string; teams: { id: string; label: string }[]; today: string };
  outcome: OverrideOutcome;
  action: string;
  values: Record<string, string>;
  apply: TextKey;
}) {
  const { lang, outcome } = p;
  const cap = outcome.capacity;
  const day = (iso: string) => listDayText(lang, iso, p.target.today);
  const team = (id: string | null) =>
    id === null
      ? t(lang, 'override.nobody')
      : t(lang, 'teamLabel', { label: label(p.target, id)! });
  return (
    <>
      <p>{t(lang, 'override.previewIntro')}</p>
      <h2>{t(lang, 'override.moved')}</h2>
      <Table id="override-moved">
        <ColumnHeads lang={lang} keys={['date', 'from', 'to']} />
        <tbody>
          {outcome.moved.map((m) => (
            <tr>
              <th scope="row">
                <Day lang={lang} iso={m.date} asOf={p.target.today} />
              </th>
              <td>{team(m.fromTeamId)}</td>
              <td>{team(m.toTeamId)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <h2>
        {t(lang, 'override.affected', {
          count: countText(lang, 'people', outcome.affected.length),
        })}
      </h2>
      <ul id="override-affected">
        {outcome.affected.map((a) => (
          <li>
            {a.name}:{' '}
            {a.days
              .map(
                (d) =>
                  `${day(d.date)} ${
                    d.teamLabel
                      ? t(lang, 'override.officeAs', {
                          team: t(lang, 'teamLabel', { label: d.teamLabel }),
                        })
                      : t(lang, d.closed ? 'override.closedDay' : 'override.remoteDay')
                  }`,
              )
              .join('、')}
          </li>
        ))}
      </ul>
      <h2>{t(lang, 'override.capacity')}</h2>
      <p id="override-capacity" class={cap.newShortageDates.length ? 'ng' : undefined}>
        {!cap.capacitySet
          ? t(lang, 'override.capacityUnset')
          : cap.newShortageDates.length
            ? t(lang, 'override.capacityShort', {
                dates: listText(lang, cap.newShortageDates.map(day)),
              })
            : t(lang, 'override.capacityHolds')}
      </p>
      <form method="post" action={p.action}>
        <Csrf token={p.csrf} />
        {Object.entries(p.values).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <button type="submit">{t(lang, p.apply)}</button>
      </form>
    </>
  );
}

/** A rotation's overrides, newest first, each undoable before its day by the chief. */
export function OverrideList(p: {
  lang: Language;
  csrf: string;
  target: { rotationId: string; teams: { id: string; label: string }[]; timezone: string };
  overrides: OverrideView[];
  today: string;
  mayChange: boolean;
  notice?: string;
}) {
  const { lang } = p;
  const list = [...p.overrides].reverse();
  const day = (iso: string) => listDayText(lang, iso, p.today);
  const what = (o: OverrideView) =>
    o.kind === 'swap'
      ? t(lang, 'override.swapped', {
          a: day(o.dates[0]!),
          b: day(o.dates[1]!),
        })
      : o.kind === 'assign'
        ? t(lang, 'override.assigned', {
            date: day(o.dates[0]!),
            team: t(lang, 'teamLabel', { label: label(p.target, o.teamId)! }),
          })
        : t(lang, 'override.closed', { date: day(o.dates[0]!) }) +
          (o.reason ? `（${o.reason}）` : '');
  return (
    <>
      {p.notice ? (
        <p role="status" class="ok">
          {p.notice}
        </p>
      ) : null}
      {list.length ? (
        <ul id="overrides">
          {list.map((o) => (
            <li data-kind={o.kind}>
              {what(o)} <small>{instantText(lang, o.createdAt, p.target.timezone)}</small>{' '}
              {o.undoneAt ? (
                <em>{t(lang, 'override.undoneAt')}</em>
              ) : p.mayChange && [...o.dates].sort()[0]! > p.today ? (
                <form
                  method="post"
                  action={`/rotations/${p.target.rotationId}/overrides/${o.id}/undo/preview`}
                  class="inline"
                >
                  <Csrf token={p.csrf} />
                  <button type="submit">{t(lang, 'override.undo')}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(lang, 'override.none')}</p>
      )}
    </>
  );
}
