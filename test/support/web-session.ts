import type { Harness } from './harness.ts';

/** What a page answered: status, headers and its HTML, and the form token found in it. */
export interface PageAnswer {
  status: number;
  headers: Headers;
  html: string;
  csrf: string | null;
  location: string | null;
}

const csrfIn = (html: string): string | null =>
  /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;

/** Where the pages are: an in-process app (app.request) or a running server (`base`, through fetch). */
type Target = Harness | { base: string };

/**
 * A browser-like client of the pages: it keeps cookies, reads the hidden `_csrf` of the last page,
 * and posts forms with it (unless told not to).
 */
export function webClient(target: Target, opts: { origin?: string } = {}) {
  const jar = new Map<string, string>();
  let csrf: string | null = null;
  const origin = 'base' in target ? target.base : (opts.origin ?? 'http://localhost');
  const request = (url: string, init: RequestInit): Promise<Response> =>
    'base' in target
      ? fetch(url, { ...init, redirect: 'manual' })
      : Promise.resolve(target.app.request(url, init));

  function keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

  async function answer(res: Response): Promise<PageAnswer> {
    keep(res);
    const html = await res.text();
    const found = csrfIn(html);
    if (found) csrf = found;
    return {
      status: res.status,
      headers: res.headers,
      html,
      csrf: found,
      location: res.headers.get('location'),
    };
  }

  return {
    jar,
    /** The Cookie header this client sends (for a raw request, e.g. to read a download's bytes). */
    cookieHeader: cookie,
    async get(path: string, headers: Record<string, string> = {}): Promise<PageAnswer> {
      return answer(
        await request(`${origin}${path}`, { headers: { cookie: cookie(), ...headers } }),
      );
    },
    /** Posts a form (urlencoded, or multipart when a File is among the fields) with the last page's token. */
    async post(
      path: string,
      fields: Record<string, string | File> = {},
      o: { csrf?: string | null; headers?: Record<string, string> } = {},
    ): Promise<PageAnswer> {
      const token = o.csrf === undefined ? csrf : o.csrf;
      const all: Record<string, string | File> =
        token === null ? { ...fields } : { _csrf: token, ...fields };
      const multipart = Object.values(all).some((v) => typeof v !== 'string');
      let body: FormData | URLSearchParams;
      if (multipart) {
        body = new FormData();
        for (const [k, v] of Object.entries(all)) body.append(k, v);
      } else {
        body = new URLSearchParams(all as Record<string, string>);
      }
      return answer(
        await request(`${origin}${path}`, {
          method: 'POST',
          body,
          headers: { cookie: cookie(), origin, ...o.headers },
        }),
      );
    },
    /** Signs in with a token through the sign-in form. */
    async signIn(token: string): Promise<PageAnswer> {
      await this.get('/signin');
      const res = await this.post('/signin', { token });
      if (res.status !== 303)
        throw new Error(`sign-in answered ${res.status}: ${res.html.slice(0, 300)}`);
      return res;
    },
  };
}
export type WebClient = ReturnType<typeof webClient>;
