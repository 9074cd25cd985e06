import type { FeedScope } from '../../domain/types.ts';

export type { FeedScope };

/** A new feed with its secret and the links to subscribe with. */
export interface FeedLinks {
  id: string;
  scope: FeedScope;
  subjectId: string;
  departmentId: string;
  /** The secret, shown once: it is the credential, since calendar apps cannot send headers. */
  token: string;
  /** https (Outlook "subscribe from web"). */
  url: string;
  /** webcal:// (Apple Calendar, and most desktop apps). */
  webcalUrl: string;
  /** Google Calendar's add-by-URL form, with the webcal URL. */
  googleUrl: string;
}

/** The three subscription links of a feed token. */
export function feedLinks(publicUrl: string, token: string) {
  const url = `${publicUrl}/feeds/${token}.ics`;
  const webcalUrl = url.replace(/^https?:\/\//, 'webcal://');
  return {
    url,
    webcalUrl,
    googleUrl: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcalUrl)}`,
  };
}
