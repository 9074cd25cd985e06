import type { Kysely } from 'kysely';
import type { Atomic } from '../db/atomic.ts';

export { StoreBusy } from '../db/atomic.ts';
import type { DB } from '../db/schema.ts';

/** The public base URL as configured (PUBLIC_URL), without a trailing slash; the local default when unset. */
export const publicBaseUrl = (configured: string | undefined): string =>
  (configured || 'http://localhost:8787').replace(/\/+$/, '');

/** What the application needs from its runtime; each runtime (Node, Workers) builds one. */
export interface Deps {
  db: Kysely<DB>;
  atomic: Atomic;
  /** The clock: the only source of "now" (the domain core takes it as a parameter). */
  now: () => Date;
  /** New ids for rows (random UUIDs by default). */
  newId: () => string;
  /** The public base URL of the service, for links in feeds and messages (PUBLIC_URL). */
  publicUrl: string;
  /** When set, this bearer token is accepted as an admin (BUNSAN_ADMIN_TOKEN). */
  adminToken?: string | undefined;
  /**
   * A value that changes whenever the database may have changed, by this process or another
   * (Node: own writes + SQLite's data_version). When given, caches may trust it instead of asking
   * the database; when absent (Workers: other isolates write too), they ask the database.
   */
  changeStamp?: () => string;
  /** Operational log lines (never tokens or health reasons). */
  log: (line: string) => void;
  /**
   * How notifications leave the process; the runtime supplies what it has. Without postSlack,
   * Slack rows wait and fail with their error; without sendEmail, new messages to people go to the log.
   */
  channels?: Channels;
  /** The organisation's Slack incoming webhook (SLACK_WEBHOOK_URL); a department may override it. */
  slackWebhookUrl?: string | undefined;
  /** The organisation's Teams Workflows webhook (TEAMS_WEBHOOK_URL); a department may override it. */
  teamsWebhookUrl?: string | undefined;
  /** Slack's signing secret for the slash command (SLACK_SIGNING_SECRET); without it, /slack/commands answers 404. */
  slackSigningSecret?: string | undefined;
  /**
   * Hosts a webhook may point at although they are not public https (WEBHOOK_ALLOW_HOSTS): plain
   * http, loopback and private addresses are refused unless the operator lists the host here.
   */
  webhookAllowHosts?: readonly string[];
  /** This server instance's name, holding outbox leases (Node: BUNSAN_INSTANCE or host:port). */
  instance?: string;
  /**
   * Addresses of reverse proxies whose `X-Real-IP` names the client (TRUSTED_PROXIES): behind
   * nginx every request comes from nginx, and the sign-in throttle must count each client apart.
   */
  trustedProxies?: readonly string[];
  /**
   * The OpenID Connect provider from the environment (OIDC_ISSUER, OIDC_CLIENT_ID,
   * OIDC_CLIENT_SECRET): when the issuer is set, these three win over the settings page's.
   */
  oidc?: { issuer?: string; clientId?: string; clientSecret?: string } | undefined;
}

/** Delivery channels of the outbox; each throws when the message was not accepted. */
export interface Channels {
  postSlack?: (url: string, text: string) => Promise<void>;
  postTeams?: (url: string, subject: string, text: string) => Promise<void>;
  sendEmail?: (to: string, subject: string, text: string) => Promise<void>;
}
