/**
 * The template with each `{name}` replaced by `vars[name]`; a placeholder without a value is left
 * empty, so a missing value never shows its name to a reader.
 */
export function fillPlaceholders(
  template: string,
  vars: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    Object.hasOwn(vars, k) ? String(vars[k] ?? '') : '',
  );
}
