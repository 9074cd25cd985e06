import type { Child } from 'hono/jsx';
import type { FieldError } from '../../app/failure.ts';
import type { Language } from '../../domain/types.ts';
import { addError, type FormErrors } from '../shared/form.tsx';
import { fieldMessage, t, type TextKey } from '../shared/i18n.ts';

/** The error paragraph of a control (the id its aria-describedby names). */
function ErrorOf({ id, errors }: { id: string; errors: FormErrors }) {
  return errors[id]?.length ? (
    <p class="error" id={`${id}-error`}>
      {errors[id]!.join(' / ')}
    </p>
  ) : null;
}

const describedBy = (id: string, errors: FormErrors, hint?: string) => {
  const ids = [hint ? `${id}-hint` : '', errors[id]?.length ? `${id}-error` : ''].filter(Boolean);
  return {
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(errors[id]?.length ? { 'aria-invalid': 'true' as const } : {}),
  };
};

/** A labelled textarea with its hint and error next to it. */
export function TextArea(p: {
  name: string;
  label: string;
  value: string;
  errors: FormErrors;
  hint?: string;
  rows?: number;
}) {
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <ErrorOf id={p.name} errors={p.errors} />
      <textarea
        id={p.name}
        name={p.name}
        rows={p.rows ?? 4}
        {...describedBy(p.name, p.errors, p.hint)}
      >
        {p.value}
      </textarea>
    </div>
  );
}

/** Checkboxes under one legend; the group carries the error. */
export function CheckGroup(p: {
  id: string;
  legend: string;
  boxes: { name: string; label: string; checked: boolean }[];
  errors: FormErrors;
}) {
  return (
    <fieldset id={p.id} {...describedBy(p.id, p.errors)}>
      <legend>{p.legend}</legend>
      <ErrorOf id={p.id} errors={p.errors} />
      {p.boxes.map((b) => (
        <label class="check">
          <input type="checkbox" name={b.name} value="1" checked={b.checked} /> {b.label}
        </label>
      ))}
    </fieldset>
  );
}

const SECTIONS: [string, TextKey][] = [
  ['/departments', 'departments'],
  ['/admin/people', 'admin.people'],
  ['/admin/settings', 'admin.settings'],
  ['/admin/notifications', 'admin.notifications'],
  ['/admin/tokens', 'admin.tokens'],
  ['/admin/audit', 'admin.audit'],
  ['/admin/outbox', 'admin.outbox'],
];

/** The admin's sections, the current one marked (one line of links: the shared stylesheet has no tabs). */
export function AdminNav({ lang, here }: { lang: Language; here: string }) {
  return (
    <nav aria-label={t(lang, 'admin.menu')} class="no-print">
      <p>
        {SECTIONS.map(([href, key], i) => (
          <>
            {i > 0 ? ' ｜ ' : ''}
            <a href={href} aria-current={href === here ? 'page' : undefined}>
              {t(lang, key)}
            </a>
          </>
        ))}
      </p>
    </nav>
  );
}

/** A notice after a redirect (role=status), or nothing. */
export function Notice({ text }: { text: string | undefined }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

/** The summary line of a refused form, with the use case's detail when it gave one. */
export type FormState = { errors: FormErrors; detail?: string | undefined };
export const noErrors: FormState = { errors: {} };

export type Children = { children?: Child };
