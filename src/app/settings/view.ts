import type { CapacitySettings } from '../../domain/capacity/index.ts';
import {
  DEFAULT_POLICY,
  type Policy,
  type PolicyOverrides,
} from '../../domain/quarantine/index.ts';

/** The settings as the API shows them: the policy in force (with which fields an admin set), capacity, reservations. */
export type SettingsView = CapacitySettings & {
  policy: Policy;
  policySet: (keyof Policy)[];
  /** Has an admin stored the organisation's own Slack / Teams webhook (never shown back)? */
  slackWebhookConfigured: boolean;
  teamsWebhookConfigured: boolean;
  updatedAt: string | null;
};

/** The settings as the API shows them, from capacity, the overrides and when they last changed. */
export const settingsView = (
  capacity: CapacitySettings,
  overrides: PolicyOverrides,
  updatedAt: string | null,
  webhooks: { slack: string | null; teams: string | null },
): SettingsView => ({
  policy: { ...DEFAULT_POLICY, ...overrides },
  policySet: (Object.keys(overrides) as (keyof Policy)[]).sort(),
  slackWebhookConfigured: webhooks.slack !== null,
  teamsWebhookConfigured: webhooks.teams !== null,
  thinClientSeats: capacity.thinClientSeats,
  loanPcs: capacity.loanPcs,
  reservations: capacity.reservations,
  updatedAt,
});
