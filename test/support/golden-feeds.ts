import type { FeedScenario } from './feed-scenario.ts';

/** The four golden feeds of the scenario, rendered in this process. */
export async function renderGoldens(s: FeedScenario): Promise<Record<string, string>> {
  const m = await s.feed('member', s.memberId);
  const t = await s.feed('team', s.rotation.teams[1].id);
  const d = await s.feed('department', s.department.id);
  return {
    'member.ics': (await s.get(m.token)).body,
    'member-remote.ics': (await s.get(m.token, '?include=remote')).body,
    'team.ics': (await s.get(t.token)).body,
    'department.ics': (await s.get(d.token)).body,
  };
}
