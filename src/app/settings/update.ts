import { problem } from '../../domain/problems/index.ts';
import {
  deleteReservationQuery,
  upsertOrgSettingsQuery,
  upsertReservationQuery,
} from '../../db/repos/settings.ts';
import { checkCapacitySettings, type CapacitySettings } from '../../domain/capacity/index.ts';
import type { Policy, PolicyOverrides } from '../../domain/quarantine/index.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { departmentsByName } from '../../db/repos/departments.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { invalid, type Failure, type FieldError } from '../failure.ts';
import { teamsWebhookUrlProblem, webhookUrlProblem } from '../../notify/webhook-url.ts';
import { loadOrgSettings } from './policy.ts';
import { settingsView, type SettingsView } from './view.ts';

/** A change to the organisation's settings: the fields given; each reservation given replaces that department's; a policy field set to null goes back to the default. */
export interface SettingsUpdate {
  policy?: { [K in keyof Policy]?: Policy[K] | null };
  thinClientSeats?: number | null;
  loanPcs?: number | null;
  reservations?: {
    departmentId: string;
    thinClientSeats?: number | null;
    loanPcs?: number | null;
  }[];
  /** The organisation's own Slack incoming webhook and Teams Workflows webhook; null clears it. */
  slackWebhookUrl?: string | null;
  teamsWebhookUrl?: string | null;
}

/** The overrides after a change: given values replace, nulls remove. */
function nextOverrides(
  current: PolicyOverrides,
  change: SettingsUpdate['policy'],
): PolicyOverrides {
  const next: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(change ?? {})) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next as PolicyOverrides;
}

/** Changes the organisation's capacity and reservations; reservations must fit in what it has. */
export async function updateSettings(
  deps: Deps,
  actor: Actor,
  input: SettingsUpdate,
): Promise<Result<SettingsView, Failure>> {
  const {
    capacity: current,
    overrides: currentPolicy,
    webhooks: currentWebhooks,
  } = await loadOrgSettings(deps);
  const policy = nextOverrides(currentPolicy, input.policy);
  const given = input.reservations ?? [];
  const known = new Set(
    (
      await departmentsByName(
        deps.db,
        given.map((r) => r.departmentId),
      )
    ).map((d) => d.id),
  );
  const errors: FieldError[] = [];
  const pathOf = new Map<string, string>();
  given.forEach((r, i) => {
    if (pathOf.has(r.departmentId))
      errors.push({
        path: `/reservations/${i}/departmentId`,
        message: `is already given at ${pathOf.get(r.departmentId)}`,
        ...problem('reservation-repeated'),
      });
    else if (!known.has(r.departmentId))
      errors.push({
        path: `/reservations/${i}/departmentId`,
        message: 'no department with this id',
        ...problem('no-such-id'),
      });
    pathOf.set(r.departmentId, pathOf.get(r.departmentId) ?? `/reservations/${i}`);
  });
  const allow = deps.webhookAllowHosts ?? [];
  const slackIssue = input.slackWebhookUrl ? webhookUrlProblem(input.slackWebhookUrl, allow) : null;
  if (slackIssue) errors.push({ path: '/slackWebhookUrl', ...slackIssue });
  const teamsIssue = input.teamsWebhookUrl
    ? teamsWebhookUrlProblem(input.teamsWebhookUrl, allow)
    : null;
  if (teamsIssue) errors.push({ path: '/teamsWebhookUrl', ...teamsIssue });
  if (errors.length) return err(invalid('The settings are not valid.', errors));
  const webhooks = {
    slack: input.slackWebhookUrl !== undefined ? input.slackWebhookUrl : currentWebhooks.slack,
    teams: input.teamsWebhookUrl !== undefined ? input.teamsWebhookUrl : currentWebhooks.teams,
  };

  const next: CapacitySettings = {
    thinClientSeats:
      input.thinClientSeats !== undefined ? input.thinClientSeats : current.thinClientSeats,
    loanPcs: input.loanPcs !== undefined ? input.loanPcs : current.loanPcs,
    reservations: [
      ...current.reservations.filter((r) => !pathOf.has(r.departmentId)),
      ...given
        .map((r) => ({
          departmentId: r.departmentId,
          thinClientSeats: r.thinClientSeats ?? null,
          loanPcs: r.loanPcs ?? null,
        }))
        .filter((r) => r.thinClientSeats !== null || r.loanPcs !== null),
    ].sort((a, b) =>
      a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0,
    ),
  };
  const violations = checkCapacitySettings(next, pathOf);
  if (violations.length)
    return err(invalid('The reservations do not fit in the organisation’s capacity.', violations));

  const at = deps.now().toISOString();
  const kept = new Set(next.reservations.map((r) => r.departmentId));
  await deps.atomic([
    upsertOrgSettingsQuery(deps.db, {
      ...(input.thinClientSeats !== undefined ? { thinClientSeats: input.thinClientSeats } : {}),
      ...(input.loanPcs !== undefined ? { loanPcs: input.loanPcs } : {}),
      ...(input.slackWebhookUrl !== undefined ? { slackWebhookUrl: input.slackWebhookUrl } : {}),
      ...(input.teamsWebhookUrl !== undefined ? { teamsWebhookUrl: input.teamsWebhookUrl } : {}),
      ...(input.policy ? { policyPatch: input.policy } : {}),
      updatedAt: at,
      updatedBy: actor.tokenId,
    }),
    ...given.map((r) =>
      kept.has(r.departmentId)
        ? upsertReservationQuery(
            deps.db,
            {
              departmentId: r.departmentId,
              thinClientSeats: r.thinClientSeats ?? null,
              loanPcs: r.loanPcs ?? null,
            },
            at,
          )
        : deleteReservationQuery(deps.db, r.departmentId),
    ),
    auditEntry(
      deps,
      actor,
      at,
      'settings.update',
      { type: 'settings', id: 'organisation' },
      {
        changed: Object.keys(input).sort(),
        before: {
          policy: currentPolicy,
          thinClientSeats: current.thinClientSeats,
          loanPcs: current.loanPcs,
          reservations: current.reservations,
        },
        after: { policy, ...next },
        // Whether a webhook is stored, never the URL (its path is the secret).
        webhooks: { slack: webhooks.slack !== null, teams: webhooks.teams !== null },
      },
    ),
  ]);
  return ok(settingsView(next, policy, at, webhooks));
}
