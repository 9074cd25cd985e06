// An OpenID Connect provider in this process on loopback (oidc-provider, by the author of
// openid-client), for the single sign-on tests: whoever the test names signs in at the next
// authorization (no login form), and the next token answer can be tampered with.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Who signs in at the provider: their claims, and how they authenticated there. */
export interface IdpAccount {
  sub: string;
  email: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  amr?: string[];
  acr?: string;
}

export const CLIENT_ID = 'bunsan';
export const CLIENT_SECRET = 'test-client-secret-0123456789abcdef';

/**
 * Starts the provider on a free loopback port; its issuer names `localhost` (or 127.0.0.1: another
 * site than a bunsan on localhost, so that the browser's trip back is cross-site as in real life).
 */
export async function testIdp(
  redirectUris: string[],
  host: 'localhost' | '127.0.0.1' = 'localhost',
) {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, IdpAccount>();
  let next: IdpAccount | null = null;
  let tamper: ((idToken: string) => string) | null = null;
  /** How many authorization codes the provider redeemed or refused. */
  const tokenAnswers: number[] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: redirectUris.map((u) => u.replace('/oidc/callback', '')),
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Scope claims in the ID token itself, as Entra ID, Google and Keycloak put them there.
    conformIdTokenClaims: false,
    claims: {
      // amr and acr in every ID token, as Keycloak and Entra (v1 amr, acrs) send them.
      openid: ['sub', 'amr', 'acr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => {
        const { amr: _a, acr: _c, ...claims } = accounts.get(sub) ?? { sub };
        return claims;
      },
    }),
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-idp-cookie-key-0123456789'] },
    pkce: { required: () => true },
  });
  provider.use(async (ctx, nextMw) => {
    await nextMw();
    if (ctx.path !== '/token' || ctx.method !== 'POST') return;
    const body = ctx.body as { id_token?: string } | undefined;
    tokenAnswers.push(body?.id_token ? 200 : 400);
    if (tamper && body?.id_token) {
      body.id_token = tamper(body.id_token);
      tamper = null;
    }
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const who = next;
      if (!who) {
        res.writeHead(500).end('the test named nobody to sign in');
        return;
      }
      accounts.set(who.sub, who);
      const grant = new provider.Grant({ accountId: who.sub, clientId: details.params.client_id! });
      grant.addOIDCScope(details.params.scope!);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        {
          login: {
            accountId: who.sub,
            ...(who.amr ? { amr: who.amr } : {}),
            ...(who.acr ? { acr: who.acr } : {}),
          },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
    })().catch((e: Error) => res.writeHead(500).end(e.message));
  });

  return {
    issuer,
    tokenAnswers,
    /** The account that signs in at the next authorization request. */
    signsIn(account: IdpAccount) {
      next = account;
    },
    /** Changes the next ID token the token endpoint gives out. */
    tamperNextIdToken(change: (idToken: string) => string) {
      tamper = change;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
export type TestIdp = Awaited<ReturnType<typeof testIdp>>;

/**
 * Follows a browser's trip through the provider with fetch (its cookies kept): from the
 * authorization URL bunsan redirected to, to the callback URL the provider sends it back to.
 */
export async function throughIdp(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.pathname === '/signin/oidc/callback') return next;
    url = next.href;
  }
  throw new Error('too many redirects at the provider');
}
