import * as oidc from 'openid-client';
import { ssoStored, type SsoStored } from '../../db/repos/sso.ts';
import type { Deps } from '../deps.ts';
import { isLoopback, issuerProblem, type ClaimRules } from './rules.ts';

/** The provider in force: the environment's issuer and client, else the settings page's. */
export interface SsoConfig {
  issuer: string | null;
  clientId: string | null;
  clientSecret: string | null;
  /** The issuer and client come from OIDC_* environment variables (read-only on the page). */
  fromEnv: boolean;
  rules: ClaimRules;
  /** Everyone signs in with the provider (passkeys and authenticator apps only confirm). */
  required: boolean;
  /** Issuer, client and secret are all there and the issuer is usable. */
  ready: boolean;
  stored: SsoStored;
}

/** The provider settings in force (environment first, then the settings page). */
export async function ssoConfig(deps: Deps): Promise<SsoConfig> {
  const stored = await ssoStored(deps.db);
  const env = deps.oidc?.issuer ? deps.oidc : null;
  const issuer = env ? (env.issuer ?? null) : stored.issuer;
  const clientId = env ? (env.clientId ?? null) : stored.clientId;
  const clientSecret = env ? (env.clientSecret ?? null) : stored.clientSecret;
  const ready = Boolean(issuer && clientId && clientSecret && !issuerProblem(issuer));
  return {
    issuer,
    clientId,
    clientSecret,
    fromEnv: Boolean(env),
    rules: {
      emailClaim: stored.emailClaim || 'email',
      groupClaim: stored.groupClaim || 'groups',
      roleGroups: {
        ...(stored.hrGroup ? { hr: stored.hrGroup } : {}),
        ...(stored.adminGroup ? { admin: stored.adminGroup } : {}),
      },
      mfaTrusted: stored.mfaTrusted,
      mfaAcr: stored.mfaAcr || null,
    },
    required: ready && stored.required,
    ready,
    stored,
  };
}

/** Where the provider sends the browser back. */
export const redirectUri = (deps: Deps): string => `${deps.publicUrl}/signin/oidc/callback`;

/** How long a discovered provider is reused before its metadata (and keys) are fetched again. */
const DISCOVERY_SECONDS = 3600;
const discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/**
 * The provider's metadata from its discovery document, as openid-client checks it (the issuer in
 * the document must be the one asked for), with the client's secret (client_secret_post). ID
 * token signatures are checked against the provider's keys too, not only trusted from TLS.
 */
export function discover(
  issuer: string,
  clientId: string,
  clientSecret: string,
  opts: { fetch?: oidc.CustomFetch } = {},
): Promise<oidc.Configuration> {
  const url = new URL(issuer);
  const execute = [oidc.enableNonRepudiationChecks];
  if (isLoopback(url)) execute.push(oidc.allowInsecureRequests);
  return oidc
    .discovery(url, clientId, clientSecret, oidc.ClientSecretPost(clientSecret), {
      execute,
      ...(opts.fetch ? { [oidc.customFetch]: opts.fetch } : {}),
    })
    .then((config) => {
      // openid-client takes Entra's multi-tenant `{tenantid}` template as is (see issuerProblem).
      if (config.serverMetadata().issuer.includes('{tenantid}'))
        throw new Error('the discovered issuer is a multi-tenant template ({tenantid})');
      return config;
    });
}

/** The ready provider's configuration, discovered once an hour per issuer and client. */
export function providerOf(deps: Deps, cfg: SsoConfig): Promise<oidc.Configuration> {
  const key = [cfg.issuer, cfg.clientId, cfg.clientSecret].join('\n');
  const now = deps.now().getTime();
  const hit = discovered.get(key);
  if (hit && now - hit.at < DISCOVERY_SECONDS * 1000 && now >= hit.at) return hit.config;
  const config = discover(cfg.issuer!, cfg.clientId!, cfg.clientSecret!);
  // A failed discovery is not kept: the next sign-in asks again.
  config.catch(() => discovered.delete(key));
  discovered.set(key, { at: now, config });
  return config;
}

/**
 * Where to send a person who signed out here to sign out at the provider too (its
 * end_session_endpoint, coming back to bunsan's sign-in page), or null when it has none.
 */
export async function providerSignOutUrl(deps: Deps): Promise<string | null> {
  const cfg = await ssoConfig(deps);
  if (!cfg.ready) return null;
  try {
    const config = await providerOf(deps, cfg);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      client_id: cfg.clientId!,
      post_logout_redirect_uri: `${deps.publicUrl}/signin`,
    }).href;
  } catch {
    return null;
  }
}
