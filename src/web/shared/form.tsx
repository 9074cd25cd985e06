import type { Language } from '../../domain/types.ts';
import type { Child } from 'hono/jsx';
import type { Failure, FieldError } from '../../app/failure.ts';
import { fieldMessage, t, type TextKey } from './i18n.ts';

/** Messages by form field name; '' holds those that belong to no one field. */
export type FormErrors = Record<string, string[]>;

/** Adds a message to a field (once: two rules may say the same thing of one value). */
export function addError(errors: FormErrors, field: string, message: string): void {
  const list = (errors[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** A failure's field errors (none for a failure that names no field). */
export const errorsOf = (f: Failure): FieldError[] => ('errors' in f ? (f.errors ?? []) : []);

/**
 * Sorts a use case's field errors (JSON Pointers) onto the form's fields; unmatched ones go to ''.
 * `prefix` leads a message with where it is (a line of a list field).
 */
export function errorsOnFields(
  errors: FieldError[],
  fieldOf: (path: string) => string | null,
  lang: Language,
  prefix: (path: string) => string = () => '',
): FormErrors {
  const out: FormErrors = {};
  for (const e of errors)
    addError(out, fieldOf(e.path) ?? '', prefix(e.path) + fieldMessage(lang, e));
  return out;
}

const hasErrors = (errors: FormErrors): boolean => Object.values(errors).some((m) => m.length > 0);

/** A form's value as a trimmed string ('' when absent or a file). */
export const text = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The list of every problem at the top of a refused form (focusable for keyboard and screen-reader users). */
export function ErrorSummary({
  lang,
  errors,
  detail,
}: {
  lang: Language;
  errors: FormErrors;
  detail?: string | undefined;
}) {
  if (!hasErrors(errors) && !detail) return null;
  const general = errors[''] ?? [];
  return (
    <div class="summary" role="alert" tabindex={-1} id="error-summary">
      <p>
        <strong>{detail ?? t(lang, 'errorSummary')}</strong>
      </p>
      {general.length ? (
        <ul>
          {general.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface FieldProps {
  name: string;
  /** The control's id and the key of its errors, when several forms on a page share a field name. */
  id?: string;
  label: string;
  errors?: FormErrors | undefined;
  hint?: string | undefined;
  children?: Child;
}

/** The ids a control is described by: its hint and its error message, when there are any. */
function described(
  name: string,
  errors: FormErrors | undefined,
  hint: string | undefined,
): { 'aria-describedby'?: string; 'aria-invalid'?: 'true' } {
  const ids = [hint ? `${name}-hint` : '', errors?.[name]?.length ? `${name}-error` : ''].filter(
    Boolean,
  );
  return {
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(errors?.[name]?.length ? { 'aria-invalid': 'true' as const } : {}),
  };
}

function Messages({
  name,
  errors,
  hint,
}: {
  name: string;
  errors?: FormErrors | undefined;
  hint?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {errors?.[name]?.length ? (
        <p class="error" id={`${name}-error`}>
          {errors[name]!.join(' / ')}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input with its hint and error next to it (aria-describedby). */
export function Input(
  p: FieldProps & {
    type?: string;
    value?: string | undefined;
    required?: boolean;
    min?: number;
    max?: number;
    autocomplete?: string;
    accept?: string;
  },
) {
  const id = p.id ?? p.name;
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <Messages name={id} errors={p.errors} hint={p.hint} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'file' || p.type === 'password' ? undefined : (p.value ?? '')}
        required={p.required}
        min={p.min}
        max={p.max}
        autocomplete={p.autocomplete}
        accept={p.accept}
        {...described(id, p.errors, p.hint)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select; `groups` puts options under optgroup labels. */
export function Select(
  p: FieldProps & {
    value?: string | undefined;
    options?: Option[];
    groups?: { label: string; options: Option[] }[];
    placeholder?: string;
  },
) {
  const opt = (o: Option) => (
    <option value={o.value} selected={o.value === p.value}>
      {o.label}
    </option>
  );
  return (
    <div class="field">
      <label for={p.name}>{p.label}</label>
      <Messages name={p.name} errors={p.errors} hint={p.hint} />
      <select id={p.name} name={p.name} {...described(p.name, p.errors, p.hint)}>
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {(p.options ?? []).map(opt)}
        {(p.groups ?? []).map((g) => (
          <optgroup label={g.label}>{g.options.map(opt)}</optgroup>
        ))}
      </select>
    </div>
  );
}

/** A table's column headings, each a UI string (`<th scope="col">` for screen readers). */
export function ColumnHeads({ lang, keys }: { lang: Language; keys: TextKey[] }) {
  return (
    <thead>
      <tr>
        {keys.map((k) => (
          <th scope="col">{t(lang, k)}</th>
        ))}
      </tr>
    </thead>
  );
}
