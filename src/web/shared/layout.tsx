import type { Language } from '../../domain/types.ts';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Actor } from '../../app/actor.ts';
import type { Failure } from '../../app/failure.ts';
import { StoreBusy } from '../../app/deps.ts';
import type { Result } from '../../domain/result.ts';
import type { WebContext } from './env.ts';
import { t, tOf, failureMessage } from './i18n.ts';
import { PAGE_SCRIPT } from './scripts.ts';
import { CSS } from './style.ts';

interface PageProps {
  lang: Language;
  title: string;
  actor?: Actor | undefined;
  csrf?: string | undefined;
  /** The current path and query, for the language switch. */
  here: string;
  children?: Child;
}

/** The same page in the other language (`?lang=` is stored in a cookie). */
function switchHref(here: string, lang: Language): string {
  const url = new URL(here, 'http://x');
  url.searchParams.set('lang', lang === 'ja' ? 'en' : 'ja');
  return url.pathname + url.search;
}

function Nav({ lang, actor }: { lang: Language; actor: Actor }) {
  const links: [string, string][] = [];
  if (actor.role === 'admin') links.push(['/departments', t(lang, 'departments')]);
  if (actor.role === 'chief' && actor.departmentId)
    links.push(
      [`/departments/${actor.departmentId}/board`, t(lang, 'board.nav')],
      [`/departments/${actor.departmentId}`, t(lang, 'members')],
    );
  if (actor.role === 'admin' || actor.role === 'hr')
    links.push(
      ['/board', t(lang, 'board.orgNav')],
      ['/quarantines', t(lang, 'quarantines')],
      ['/exposures', t(lang, 'exposure')],
    );
  // A member (staff, or a chief who is one) has their own days.
  if (actor.memberId) links.push(['/me', t(lang, 'myPage')]);
  return (
    <nav aria-label="main">
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Every page: `lang`, a skip link, the role's navigation, language switch and sign-out. */
export function Page({ lang, title, actor, csrf, here, children }: PageProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — bunsan`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          {t(lang, 'skip')}
        </a>
        <header class="top">
          <strong>{t(lang, 'appName')}</strong>
          {actor ? <Nav lang={lang} actor={actor} /> : null}
          <div class="end">
            <a href={switchHref(here, lang)} lang={lang === 'ja' ? 'en' : 'ja'}>
              {t(lang, 'langSwitch')}
            </a>
            {actor ? (
              <span class="who">
                {t(lang, 'signedInAs', { role: tOf(lang, 'role', actor.role) })}
              </span>
            ) : null}
            {actor?.tokenId.startsWith('person:') ? (
              <a href="/account">{t(lang, 'account')}</a>
            ) : null}
            {actor && csrf ? (
              <form method="post" action="/signout" class="inline">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit">{t(lang, 'signOut')}</button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="foot">
          <a href="/accessibility">{t(lang, 'a11y.title')}</a>
        </footer>
        <script>{raw(PAGE_SCRIPT)}</script>
      </body>
    </html>
  );
}

/** Renders a page for the request (its language, actor and CSRF token) with a status. */
export async function render(
  c: WebContext,
  title: string,
  body: Child,
  status: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 422 | 429 | 500 | 503 = 200,
) {
  const url = new URL(c.req.url);
  const page = (
    <Page
      lang={c.var.lang}
      title={title}
      actor={c.get('actor')}
      csrf={c.get('csrf')}
      here={url.pathname + url.search}
      children={body}
    />
  );
  c.header('cache-control', 'no-store');
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status);
}

/** An error page: what went wrong, in words, never a stack trace. */
export function renderMessage(
  c: WebContext,
  status: 400 | 403 | 404 | 409 | 410 | 412 | 413 | 422 | 429 | 500 | 503,
  title: string,
  detail?: string,
) {
  return render(
    c,
    title,
    <>
      {detail ? <p role="alert">{detail}</p> : null}
      <p>
        <a href="/">{t(c.var.lang, 'back')}</a>
      </p>
    </>,
    status,
  );
}

const FAILURE_STATUS = {
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  stale: 412,
  invalid: 422,
} as const;

/** A failure not about a form's input (unknown, not allowed): a page of its own, not messages on the form. */
export const notAboutTheForm = (f: Failure): boolean =>
  f.kind === 'not-found' || f.kind === 'forbidden';
/** The status of a form shown again with a failure on it. */
export const formStatus = (f: Failure) => FAILURE_STATUS[f.kind] as 409 | 412 | 422;

/**
 * A use case's failure as a page with the matching status. The use cases' details are English,
 * for developers (the API keeps them): a Japanese page says what happened by its kind instead.
 */
export function failurePage(c: WebContext, f: Failure) {
  const status = FAILURE_STATUS[f.kind];
  const lang = c.var.lang;
  const title =
    status === 404 ? t(lang, 'notFound') : status === 403 ? t(lang, 'forbidden') : t(lang, 'error');
  return renderMessage(c, status, title, failureMessage(lang, f));
}

/** 403: a form post without this session's token, or from another site. */
export const refuseForgery = (c: WebContext) =>
  renderMessage(c, 403, t(c.var.lang, 'forbidden'), t(c.var.lang, 'csrfRefused'));
/** 403: the signed-in role may not use this page. */
export const refuseRole = (c: WebContext) =>
  renderMessage(c, 403, t(c.var.lang, 'forbidden'), t(c.var.lang, 'failure.forbidden'));

/** A use case's failure met where a page cannot go on; the pages' error handler renders it. */
export class PageFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.detail);
  }
}

/** The value of a use case's result, or its failure as the matching page (never problem+json). */
export function valueOrPage<T>(r: Result<T, Failure>): T {
  if (!r.ok) throw new PageFailure(r.error);
  return r.value;
}

/** The pages' error handler: a failure as its page; anything else is our bug, logged, and a 500 page. */
export function errorPage(e: Error, c: WebContext) {
  if (!c.var.lang) c.set('lang', 'ja');
  if (e instanceof PageFailure) return failurePage(c, e.failure);
  if (e instanceof StoreBusy) {
    c.header('Retry-After', '1');
    return renderMessage(c, 503, t(c.var.lang, 'error'), t(c.var.lang, 'busy'));
  }
  c.var.deps.log(`error ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}`);
  return renderMessage(c, 500, t(c.var.lang, 'error'));
}
