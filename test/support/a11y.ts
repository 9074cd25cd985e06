import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const JA = JSON.parse(readFileSync(require.resolve('axe-core/locales/ja.json'), 'utf8'));

/** The WCAG 2.0 and 2.1 levels A and AA: JIS X 8341-3:2016 AA is WCAG 2.0 AA. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's violations of WCAG 2.1 A and AA on the page as it is now, in its Japanese locale, one
 * line each: rule, impact, the first elements and axe's own help text. The page's context must
 * bypass its Content-Security-Policy (axe is injected).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(
    async ({ locale, tags }) => {
      const axe = (globalThis as any).axe;
      axe.configure({ locale });
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map(
        (v: any) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(' '))
            .join(' | ')} — ${v.help}`,
      );
    },
    { locale: JA, tags: WCAG_AA },
  );
}

/** How wide the page is against the window: more than the window is a sideways scroll (WCAG 1.4.10). */
export const widths = (page: Page) =>
  page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));

/** The controls (buttons, fields, the navigation's links) shorter than 44 px: too small a touch target. */
export const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, select, input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), header.top nav a',
      ),
    ]
      .filter((e) => e.offsetParent !== null)
      .filter((e) => e.getBoundingClientRect().height < 44)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} ${Math.round(e.getBoundingClientRect().height)}px`,
      ),
  );

/** Japanese wraps by words: the page keeps words whole (keep-all) and kana like ー off a line's start (strict). */
export const wrapsByWords = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return s.wordBreak === 'keep-all' && s.lineBreak === 'strict';
  });
