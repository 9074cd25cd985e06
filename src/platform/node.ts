import { serve, type ServerType } from '@hono/node-server';
import { pathToFileURL } from 'node:url';
import { startDeliveryLoop } from '../app/outbox/index.ts';
import { inviteFirstAdmin } from '../app/people/index.ts';
import { bootstrapAdminToken } from '../app/tokens/index.ts';
import { createServer } from '../server.ts';
import { sendDueReminders } from '../app/chat/index.ts';
import { slackPoster } from '../notify/slack.ts';
import { teamsPoster } from '../notify/teams.ts';
import { nodeDeps, openDatabase } from './node-deps.ts';
import { databaseName } from './node-postgres.ts';
import { smtpMailer } from './node-mail.ts';
import { listenProblem, StartupError, weakAdminToken } from './startup.ts';
import { hostList, oidcEnv, proxyList } from './config.ts';
import { releaseLeasesOf } from '../db/repos/outbox.ts';
import { hostname } from 'node:os';

export interface NodeServer {
  port: number;
  close: () => Promise<void>;
}

/**
 * Starts bunsan on Node: migrates BUNSAN_DB, prints a first admin token once, serves PORT, and
 * delivers the notification outbox every few seconds (Slack: SLACK_WEBHOOK_URL or a department's
 * own webhook; e-mail: SMTP_URL, from MAIL_FROM; neither: the log).
 */
export async function startNode(
  env: NodeJS.ProcessEnv = process.env,
  out: (l: string) => void = console.log,
): Promise<NodeServer> {
  const dbPath = env.BUNSAN_DB || './data/bunsan.db';
  const weak = weakAdminToken(env.BUNSAN_ADMIN_TOKEN);
  if (weak) throw new StartupError(weak);
  const wanted = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535)
    throw new StartupError(`PORT is "${env.PORT}": give a port number from 0 to 65535`);
  const db = await openDatabase(dbPath);
  const mailer = env.SMTP_URL
    ? smtpMailer(env.SMTP_URL, env.MAIL_FROM || 'bunsan <bunsan@localhost>')
    : undefined;
  const deps = nodeDeps(db, {
    adminToken: env.BUNSAN_ADMIN_TOKEN,
    publicUrl: env.PUBLIC_URL,
    slackWebhookUrl: env.SLACK_WEBHOOK_URL || undefined,
    teamsWebhookUrl: env.TEAMS_WEBHOOK_URL || undefined,
    slackSigningSecret: env.SLACK_SIGNING_SECRET || undefined,
    webhookAllowHosts: hostList(env.WEBHOOK_ALLOW_HOSTS),
    trustedProxies: proxyList(env.TRUSTED_PROXIES),
    oidc: oidcEnv(env),
    // One name per server on this host across restarts, so a restart gives back its leases.
    instance: env.BUNSAN_INSTANCE || `${hostname()}:${env.PORT || 8787}`,
    channels: {
      postSlack: slackPoster(),
      postTeams: teamsPoster(),
      ...(mailer ? { sendEmail: mailer.send } : {}),
    },
  });
  const app = createServer(deps);
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: wanted, hostname: env.HOST || undefined }, () =>
        resolve(s),
      );
      s.once('error', reject);
    });
  } catch (e) {
    await db.destroy();
    mailer?.close();
    throw listenProblem(e, wanted, env.HOST || undefined);
  }
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : wanted;
  // Without PUBLIC_URL, links (and the passkeys' relying party) name the port actually listened on.
  if (!env.PUBLIC_URL) deps.publicUrl = `http://localhost:${port}`;
  out(`bunsan listening on http://localhost:${port} (database ${databaseName(dbPath)})`);
  // Only once the server listens: a start that fails before must not spend the one showing.
  const first = await bootstrapAdminToken(deps);
  if (first) {
    out(
      'bunsan: a new database — here is its first admin token. It is shown only this once; keep it safe:',
    );
    out(`  ${first.token}`);
  }
  const invited = await inviteFirstAdmin(deps, env.BUNSAN_ADMIN_EMAIL || undefined);
  if (invited)
    out(
      `bunsan: nobody can sign in yet — open this one-time link (7 days) to register the first admin's passkey:\n  ${invited.url}`,
    );
  out(
    `bunsan notifications: Slack ${deps.slackWebhookUrl ? 'SLACK_WEBHOOK_URL' : "departments' own webhooks only"}, e-mail ${mailer ? 'SMTP_URL' : 'off (messages to people are logged)'}`,
  );
  const released = await releaseLeasesOf(db, deps.instance!, deps.now().toISOString());
  if (released) out(`bunsan: ${released} outbox message(s) claimed before a restart are due again`);
  const delivery = startDeliveryLoop(deps, {
    intervalMs: 5_000,
    beforePass: () => sendDueReminders(deps),
  });
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await delivery.stop();
      mailer?.close();
      await db.destroy();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const srv = await startNode().catch((e: unknown) => {
    if (!(e instanceof StartupError)) throw e;
    console.error(`bunsan: cannot start: ${e.message}`);
    process.exit(1);
  });
  const stop = () => void srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
