import { fillPlaceholders } from '../domain/placeholders.ts';
import type { Language } from '../domain/types.ts';
import text from '../../templates/notify-invitation.json' with { type: 'json' };

/** The invitation e-mail in the person's language: the one-time link and, for a member, their calendar links. */
export function invitationText(
  lang: Language,
  v: {
    name: string;
    url: string;
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
    body: fillPlaceholders(t.body, { name: v.name, url: v.url, expires: v.expires, calendar }),
  };
}
