import { fillPlaceholders } from '../domain/placeholders.ts';
import type { Language } from '../domain/types.ts';
import { humanDate } from './templates.ts';
import text from '../../templates/notify-invitation.json' with { type: 'json' };
import codes from '../../templates/notify-code.json' with { type: 'json' };

/** The invitation e-mail in the person's language: the one-time link and, for a member, their calendar links. */
export function invitationText(
  lang: Language,
  v: {
    name: string;
    url: string;
    /** The last day the link works (YYYY-MM-DD), written as people read dates. */
    expires: string;
    calendar?: { url: string; webcalUrl: string; googleUrl: string } | undefined;
  },
): { subject: string; body: string } {
  const t = text[lang];
  const calendar = v.calendar
    ? fillPlaceholders(t.calendar, {
        url: v.calendar.url,
        webcal: v.calendar.webcalUrl,
        google: v.calendar.googleUrl,
      })
    : '';
  return {
    subject: t.subject,
    body: fillPlaceholders(t.body, {
      name: v.name,
      url: v.url,
      expires: humanDate(lang, v.expires, true),
      calendar,
    }),
  };
}

/** The e-mail carrying a one-time sign-in code. */
export function codeText(
  lang: Language,
  v: { name: string; code: string; minutes: number },
): { subject: string; body: string } {
  const t = codes[lang];
  return {
    subject: t.subject,
    body: fillPlaceholders(t.body, { name: v.name, code: v.code, minutes: v.minutes }),
  };
}

/** The e-mail telling a person that a way to sign in was added or removed. */
export function credentialText(
  lang: Language,
  v: { name: string; change: 'passkey.add' | 'passkey.remove' | 'totp.add'; device?: string },
): { subject: string; body: string } {
  const t = codes[lang];
  const what = fillPlaceholders(t[v.change], { device: v.device ?? '' });
  return {
    subject: t.credentialSubject,
    body: fillPlaceholders(t.credentialBody, { name: v.name, what }),
  };
}
