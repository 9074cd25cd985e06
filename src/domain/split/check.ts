import type { SplitOptions, SplitTeam } from './types.ts';
import type { SplitMember } from '../types.ts';
import type { Violation } from './violation.ts';

const v = (code: string, message: string, extra: Partial<Violation> = {}): Violation => ({
  invariant: 'constraints',
  code,
  message,
  ...extra,
});

/**
 * Constraints: the teams hold every member exactly once, there are `teamCount` non-empty teams, and
 * every hard constraint of the options holds (required skills, keep-apart pairs, keep-together
 * groups, maxTeamSize, chiefs apart from deputies unless keepLeadersApart is false).
 */
export function checkSplitConstraints(
  members: readonly SplitMember[],
  teams: readonly SplitTeam[],
  opts: SplitOptions,
): Violation[] {
  const out: Violation[] = [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const teamOf = new Map<string, string>();
  for (const team of teams)
    for (const id of team.memberIds) {
      if (!byId.has(id))
        out.push(
          v('unknown-member', `team ${team.label} holds unknown member ${id}`, {
            memberIds: [id],
            teamLabels: [team.label],
          }),
        );
      const other = teamOf.get(id);
      if (other !== undefined)
        out.push(
          v('member-in-two-teams', `member ${id} is in team ${other} and team ${team.label}`, {
            memberIds: [id],
            teamLabels: [other, team.label],
          }),
        );
      else teamOf.set(id, team.label);
    }
  for (const m of members)
    if (!teamOf.has(m.id))
      out.push(v('member-missing', `member ${m.id} is in no team`, { memberIds: [m.id] }));
  if (teams.length !== opts.teamCount)
    out.push(v('team-count', `${teams.length} teams instead of ${opts.teamCount}`));
  for (const team of teams) {
    if (team.memberIds.length === 0)
      out.push(v('empty-team', `team ${team.label} is empty`, { teamLabels: [team.label] }));
    if (opts.maxTeamSize !== undefined && team.memberIds.length > opts.maxTeamSize) {
      out.push(
        v(
          'max-team-size',
          `team ${team.label} has ${team.memberIds.length} members, more than maxTeamSize ${opts.maxTeamSize}`,
          { teamLabels: [team.label] },
        ),
      );
    }
    const ms = team.memberIds.flatMap((id) => byId.get(id) ?? []);
    for (const r of opts.requiredSkills ?? []) {
      const holders = ms.filter((m) => m.skills.includes(r.skill)).length;
      if (holders < r.min)
        out.push(
          v(
            'required-skill',
            `team ${team.label} has ${holders} holder(s) of skill \`${r.skill}\`, needs ${r.min}`,
            { teamLabels: [team.label], skill: r.skill, holders, min: r.min },
          ),
        );
    }
    if (opts.keepLeadersApart !== false) {
      const chiefs = ms.filter((m) => m.position === 'chief').map((m) => m.id);
      const deputies = ms.filter((m) => m.position === 'deputy').map((m) => m.id);
      if (chiefs.length > 0 && deputies.length > 0) {
        out.push(
          v(
            'leaders-together',
            `team ${team.label} holds chief ${chiefs.join(', ')} and deputy ${deputies.join(', ')}`,
            { teamLabels: [team.label], memberIds: [...chiefs, ...deputies] },
          ),
        );
      }
    }
  }
  for (const [a, b] of opts.separate ?? []) {
    const ta = teamOf.get(a);
    if (ta !== undefined && ta === teamOf.get(b))
      out.push(
        v('separate', `keep-apart members ${a} and ${b} are both in team ${ta}`, {
          memberIds: [a, b],
          teamLabels: [ta],
        }),
      );
  }
  for (const group of opts.together ?? []) {
    const labels = [...new Set(group.map((id) => teamOf.get(id) ?? '?'))];
    if (labels.length > 1)
      out.push(
        v(
          'together',
          `keep-together group [${group.join(', ')}] is spread over teams ${labels.join(', ')}`,
          { memberIds: group, teamLabels: labels },
        ),
      );
  }
  return out;
}
