// Start-up checks of the configuration that Node and Workers share (no Node built-ins here).

/** A reason the server cannot start, said in one line with its fix (no stack trace). */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The shortest BUNSAN_ADMIN_TOKEN accepted: a guessable admin secret is worse than none. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

/** Why an admin secret is refused, or null when it is fit (or unset). */
export function weakAdminToken(token: string | undefined): string | null {
  if (!token || token.length >= MIN_ADMIN_TOKEN_LENGTH) return null;
  return (
    `BUNSAN_ADMIN_TOKEN is ${token.length} characters; use at least ${MIN_ADMIN_TOKEN_LENGTH} random ones, ` +
    `e.g. node -p 'crypto.randomBytes(32).toString("base64url")'`
  );
}

/**
 * The proxies' addresses (TRUSTED_PROXIES), comma-separated; an IPv4 address is also listed in
 * the IPv4-mapped form Node gives a peer on a dual-stack socket (::ffff:127.0.0.1).
 */
export const proxyList = (value: string | undefined): string[] =>
  hostList(value).flatMap((a) => (/^\d+\.\d+\.\d+\.\d+$/.test(a) ? [a, `::ffff:${a}`] : [a]));

/** A comma-separated list of host names (WEBHOOK_ALLOW_HOSTS), trimmed, without blanks. */
export const hostList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);

/** The OpenID Connect provider from OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (unset: the settings page's). */
export function oidcEnv(env: {
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_CLIENT_SECRET?: string | undefined;
}): { issuer: string; clientId?: string; clientSecret?: string } | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  return {
    issuer: env.OIDC_ISSUER,
    ...(env.OIDC_CLIENT_ID ? { clientId: env.OIDC_CLIENT_ID } : {}),
    ...(env.OIDC_CLIENT_SECRET ? { clientSecret: env.OIDC_CLIENT_SECRET } : {}),
  };
}
