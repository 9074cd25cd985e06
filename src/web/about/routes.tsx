import { Hono } from 'hono';
import type { WebEnv } from '../shared/env.ts';
import { t } from '../shared/i18n.ts';
import { render } from '../shared/layout.tsx';

/** The icon: the office split in two (two teams, never together), in the pages' colours. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#0b4f8a"/>' +
  '<rect x="5" y="7" width="9" height="18" rx="2" fill="#fff"/>' +
  '<rect x="18" y="7" width="9" height="18" rx="2" fill="#9cc3e6"/></svg>';

const POLICY_KEYS = [
  'a11y.target',
  'a11y.scope',
  'a11y.tested',
  'a11y.testedAxe',
  'a11y.testedReflow',
  'a11y.testedKeyboard',
  'a11y.testedWhen',
  'a11y.limits',
] as const;

/** Pages anyone may read without signing in: the web accessibility policy, and the icon. */
export function aboutPages() {
  const r = new Hono<WebEnv>();

  r.get('/accessibility', (c) => {
    const lang = c.var.lang;
    const [target, scope, tested, axe, reflow, keyboard, when, limits] = POLICY_KEYS.map((k) =>
      t(lang, k),
    );
    return render(
      c,
      t(lang, 'a11y.title'),
      <>
        <h2>{t(lang, 'a11y.policy')}</h2>
        <p id="a11y-target">{target}</p>
        <p>{scope}</p>
        <h2>{t(lang, 'a11y.how')}</h2>
        <p>{tested}</p>
        <ul>
          <li>{axe}</li>
          <li>{reflow}</li>
          <li>{keyboard}</li>
        </ul>
        <p>{when}</p>
        <h2>{t(lang, 'a11y.limitsTitle')}</h2>
        <p>{limits}</p>
      </>,
    );
  });

  const icon = (c: { body: (b: string, s: 200, h: Record<string, string>) => Response }) =>
    c.body(FAVICON_SVG, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
    });
  r.get('/favicon.svg', (c) => icon(c));
  r.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  return r;
}
