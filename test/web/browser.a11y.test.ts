import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, smallTargets, widths, wrapsByWords } from '../support/a11y.ts';
import { browserStage, HAVE_CHROMIUM, type BrowserStage } from '../support/browser.ts';

const ADMIN = 'web-a11y-admin-token-0123456789abcdef';
const tokyoIn = (days: number) =>
  new Date(Date.now() + days * 864e5).toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
const WIDTHS = [320, 390, 1280];

if (!HAVE_CHROMIUM && process.env.CI)
  throw new Error('CI must have /usr/bin/chromium: .ci/run installs it with apt');

// JIS X 8341-3:2016 AA (= WCAG 2.0 AA, checked at 2.1 AA): every page of every role, at a phone's
// 320 and 390 px and a desk's 1280 px, with no sideways page scroll (1.4.10 reflow) and no axe
// violation.
describe(
  'every page at 320, 390 and 1280 px: no sideways scroll, no axe violation at WCAG 2.1 AA',
  { skip: HAVE_CHROMIUM ? false : 'no /usr/bin/chromium (CI installs it with apt)' },
  () => {
    let stage: BrowserStage;
    const pages = new Map<string, { token: string; paths: string[] }>();

    before(async () => {
      stage = await browserStage(ADMIN);
      const dept = await stage.api('POST', '/v1/departments', { name: '情報政策課' });
      const { members } = await stage.api('POST', `/v1/departments/${dept.id}/members`, {
        members: Array.from({ length: 9 }, (_, i) => ({
          name: `${['井上', '佐藤', '鈴木'][i % 3]} ${['美穂', '一郎', '花子'][Math.floor(i / 3)]}`,
          kana: 'イノウエ ミホ',
          email: `a${i}@example.jp`,
          skills: i % 3 ? [] : ['network'],
          position: i === 0 ? 'chief' : 'staff',
        })),
      });
      const rot = await stage.api('POST', `/v1/departments/${dept.id}/rotations`, {
        startDate: tokyoIn(1),
        endDate: tokyoIn(60),
        teamCount: 3,
        pattern: { kind: 'daily' },
      });
      await stage.api('POST', `/v1/rotations/${rot.id}/publish`, undefined, ADMIN, {
        'if-match': '"1"',
      });
      await stage.api('POST', '/v1/quarantines', {
        teamId: rot.teams[1].id,
        startDate: tokyoIn(2),
        reason: '陽性',
      });
      const token = async (body: Record<string, unknown>) =>
        (await stage.api('POST', '/v1/tokens', { label: 'a11y', ...body })).token as string;
      const day = tokyoIn(7);
      pages.set('chief', {
        token: await token({ role: 'chief', departmentId: dept.id }),
        paths: [
          `/departments/${dept.id}/board`,
          `/departments/${dept.id}`,
          `/departments/${dept.id}/members/new`,
          `/members/${members[1].id}`,
          `/departments/${dept.id}/rotations/new`,
          `/rotations/${rot.id}`,
          `/rotations/${rot.id}/month`,
          `/rotations/${rot.id}/overrides/new?date=${day}`,
          `/rotations/${rot.id}/overrides`,
        ],
      });
      pages.set('hr', {
        token: await token({ role: 'hr' }),
        paths: ['/quarantines', '/board', '/exposures', `/departments/${dept.id}/board`],
      });
      pages.set('staff', {
        token: await token({ role: 'staff', memberId: members[4].id }),
        paths: ['/me', '/me/slack'],
      });
      pages.set('admin', {
        token: ADMIN,
        paths: [
          '/departments',
          '/departments/new',
          `/departments/${dept.id}/settings`,
          '/admin/settings',
          '/admin/settings/sso',
          '/admin/notifications',
          '/admin/tokens',
          '/admin/audit',
          '/admin/outbox',
          '/admin/people',
        ],
      });
    });
    after(async () => stage?.close());

    it('the sign-in page', async () => {
      const { context, page } = await stage.fresh({ bypassCSP: true });
      try {
        const found = await walk(page, ['/signin', '/accessibility', '/accessibility?lang=en']);
        assert.deepEqual(found, []);
      } finally {
        await context.close();
      }
    });

    for (const role of ['chief', 'hr', 'staff', 'admin'])
      it(`${role}'s pages`, async () => {
        const { token, paths } = pages.get(role)!;
        const { context, page } = await stage.signedIn(token, { bypassCSP: true });
        try {
          assert.deepEqual(await walk(page, paths), []);
        } finally {
          await context.close();
        }
      });

    it('states after a form is sent: a refusal by its field, a preview', async () => {
      const { token, paths } = pages.get('chief')!;
      const form = paths.find((p) => p.includes('/overrides/new'))!;
      const { context, page } = await stage.signedIn(token, { bypassCSP: true });
      const found: string[] = [];
      const check = async (what: string) => {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const w = await widths(page);
          if (w.scroll > w.inner) found.push(`${what} @${width}px scrolls sideways: ${w.scroll}px`);
        }
        for (const v of await axeViolations(page)) found.push(`${what} ${v}`);
      };
      try {
        await page.goto(form);
        // A Saturday: refused, the message by the field.
        const saturday = [...Array(14).keys()]
          .map((n) => tokyoIn(8 + n))
          .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
        await page.fill('#otherDate', saturday);
        await page.locator('section[aria-labelledby="swap-h"] button').click();
        await page.waitForSelector('#otherDate-error');
        await check('override refused');
        await page.fill('#otherDate', tokyoIn(8));
        await page.locator('section[aria-labelledby="swap-h"] button').click();
        await page.waitForSelector('#override-moved, #error-summary');
        await check('override preview');
        assert.deepEqual(found, []);
      } finally {
        await context.close();
      }
    });

    /** Each page at each width: what scrolls sideways and what axe finds, one line each. */
    async function walk(page: import('playwright-core').Page, paths: string[]) {
      const found: string[] = [];
      for (const path of paths) {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const res = await page.goto(path);
          assert.equal(res?.status(), 200, `${path}: ${res?.status()}`);
          const w = await widths(page);
          if (w.scroll > w.inner) found.push(`${path} @${width}px scrolls sideways: ${w.scroll}px`);
          if (width === 1280 || width === 320)
            for (const v of await axeViolations(page)) found.push(`${path} @${width}px ${v}`);
          if (width === 320) {
            for (const s of await smallTargets(page)) found.push(`${path} small target ${s}`);
            if (!(await wrapsByWords(page))) found.push(`${path} breaks Japanese anywhere`);
          }
        }
      }
      return found;
    }
  },
);
