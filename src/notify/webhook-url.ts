import { problem, type ProblemParams } from '../domain/problems/index.ts';
/** IPv4 ranges a webhook may not reach unless allowed: this host, private networks, link-local, CGNAT. */
const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10
  [0x7f000000, 8], // 127/8
  [0xa9fe0000, 16], // 169.254/16 (cloud metadata lives here)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
];

function v4(host: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.reduce((a, p) => a * 256 + p, 0) : null;
}

function isPrivateHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const ip = v4(name);
  if (ip !== null)
    return PRIVATE_V4.some(([net, bits]) => ip >>> (32 - bits) === net >>> (32 - bits));
  if (!name.includes(':')) return false;
  // IPv6 (as the URL parser writes it, compressed and lower case): loopback, unspecified,
  // unique-local fc00::/7, link-local fe80::/10, and IPv4-mapped addresses of the ranges above.
  if (name === '::1' || name === '::') return true;
  if (/^f[cd][0-9a-f]{0,2}:/.test(name) || /^fe[89ab][0-9a-f]?:/.test(name)) return true;
  const mapped = /^::ffff:(.+)$/.exec(name)?.[1];
  if (mapped) {
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
    const dotted = hex
      ? `${parseInt(hex[1]!, 16) >> 8}.${parseInt(hex[1]!, 16) & 255}.${parseInt(hex[2]!, 16) >> 8}.${parseInt(hex[2]!, 16) & 255}`
      : mapped;
    return isPrivateHost(dotted);
  }
  return false;
}

/**
 * Why a webhook URL may not be used, or null when it may: https to a public host only, unless the
 * operator allows its host (WEBHOOK_ALLOW_HOSTS), so that a webhook cannot be aimed at this server,
 * the cloud's metadata service or the office network. (A public name that resolves to a private
 * address is not caught here.)
 */
export function webhookUrlProblem(
  url: string,
  allowHosts: readonly string[] = [],
  /** When given, the host must end with one of these (unless the operator allows it). */
  hostSuffixes?: readonly string[],
): { message: string; code: string; params: ProblemParams } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { message: 'is not a URL', ...problem('webhook-not-url') };
  }
  const allowed = allowHosts.some((h) => h.toLowerCase() === u.hostname.toLowerCase());
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && allowed))
    return {
      message: 'must be an https URL (plain http only for a host the operator allows)',
      ...problem('webhook-not-https'),
    };
  if (u.username || u.password)
    return {
      message: 'must not carry a user name or password',
      ...problem('webhook-credentials'),
    };
  if (!allowed && isPrivateHost(u.hostname))
    return {
      message:
        'must not point at this server or a private network (unless the operator allows the host)',
      ...problem('webhook-private-host'),
    };
  const host = u.hostname.toLowerCase();
  if (hostSuffixes && !allowed && !hostSuffixes.some((suffix) => host.endsWith(suffix)))
    return {
      message:
        'must be a Workflows webhook (a host under powerplatform.com or logic.azure.com) or a host the operator allows',
      ...problem('webhook-not-workflows'),
    };
  return null;
}

/** Why a webhook URL may not be used (webhookUrlProblem's English), or null when it may. */
export const webhookUrlIssue = (
  url: string,
  allowHosts: readonly string[] = [],
  hostSuffixes?: readonly string[],
): string | null => webhookUrlProblem(url, allowHosts, hostSuffixes)?.message ?? null;

/** The hosts Microsoft's Workflows (Power Automate) webhooks live on. */
const WORKFLOWS_HOSTS = ['.powerplatform.com', '.logic.azure.com'];

/**
 * Why a Teams Workflows webhook URL may not be used, or null when it may: what webhookUrlIssue
 * asks, and a host under powerplatform.com or logic.azure.com — or one the operator allows.
 */
export function teamsWebhookUrlIssue(
  url: string,
  allowHosts: readonly string[] = [],
): string | null {
  return webhookUrlIssue(url, allowHosts, WORKFLOWS_HOSTS);
}

/** teamsWebhookUrlIssue's problem, with its code. */
export const teamsWebhookUrlProblem = (url: string, allowHosts: readonly string[] = []) =>
  webhookUrlProblem(url, allowHosts, WORKFLOWS_HOSTS);
