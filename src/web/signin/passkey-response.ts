import { text } from '../shared/form.tsx';

/** The browser's WebAuthn answer a passkey form carries (JSON in `response`), or null. */
export function parseResponse(body: Record<string, unknown>): unknown {
  try {
    return JSON.parse(text(body, 'response'));
  } catch {
    return null;
  }
}
