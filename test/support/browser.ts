import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startNode, type NodeServer } from '../../src/platform/node.ts';

/** Debian's chromium (CI installs it with apt); playwright-core drives it, no browser download. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** A port nobody listens on now, on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Screenshots of each page land here (git-ignored), for a human to look at after a run. */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** A real Node server on a free port over a fresh SQLite file, with a fixed admin token, and a headless Chromium. */
export async function browserStage(adminToken: string, opts: { localhost?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bunsan-web-'));
  // Passkeys need a host name (Chromium refuses 127.0.0.1 as an rpID) and PUBLIC_URL must name
  // the origin before the server starts: a free port is found first.
  const port = opts.localhost ? await freePort() : 0;
  /** What the server printed (the first admin's invitation link among it). */
  const lines: string[] = [];
  const server: NodeServer = await startNode(
    {
      BUNSAN_DB: join(dir, 'bunsan.db'),
      PORT: String(port),
      HOST: '127.0.0.1',
      BUNSAN_ADMIN_TOKEN: adminToken,
      ...(opts.localhost ? { PUBLIC_URL: `http://localhost:${port}` } : {}),
    },
    (l) => lines.push(l),
  );
  const base = `http://${opts.localhost ? 'localhost' : '127.0.0.1'}:${server.port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  /** What Chromium reported the pages' Content-Security-Policy refused, on every page visited. */
  const cspViolations: string[] = [];

  /** Calls the JSON API as admin (or with another token): the set-up a test needs before the pages. */
  async function api(
    method: string,
    path: string,
    body?: unknown,
    token = adminToken,
    headers: Record<string, string> = {},
  ): Promise<any> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** A fresh browser profile (its own cookies), not signed in. */
  async function fresh(
    opts: { locale?: string; clipboard?: boolean; bypassCSP?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      baseURL: base,
      locale: opts.locale ?? 'ja-JP',
      viewport: { width: 1280, height: 900 },
      // Only for injecting axe-core: the policy itself is checked on every other page visit.
      ...(opts.bypassCSP ? { bypassCSP: true } : {}),
    });
    if (opts.clipboard)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    context.setDefaultTimeout(5_000);
    context.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    return { context, page: await context.newPage() };
  }

  /** A fresh browser profile signed in with a token through the sign-in page. */
  async function signedIn(
    token: string,
    opts: { locale?: string; clipboard?: boolean; bypassCSP?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await fresh(opts);
    await page.goto('/signin');
    await page.getByText(/APIトークンでサインイン|Sign in with an API token/).click();
    await page.getByLabel(/トークン|Token/).fill(token);
    await page.getByRole('button', { name: /^(サインイン|Sign in)$/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    return { context, page };
  }

  /** Saves a full-page screenshot as test-artifacts/<name>.png. */
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  return {
    base,
    lines,
    api,
    fresh,
    signedIn,
    shot,
    cspViolations,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type BrowserStage = Awaited<ReturnType<typeof browserStage>>;

/** Chromium's virtual authenticator (CDP) on this page's profile: a platform authenticator that holds passkeys and verifies the user. */
export async function virtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}
