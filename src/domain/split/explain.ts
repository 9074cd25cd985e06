import type { Problem } from './problem.ts';
import type { SplitTeam, TeamExplanation } from './types.ts';

/** Explains each team of a finished split: skills covered and by whom, keep-apart pairs honoured, leaders, remote needs. */
export function explainTeams(p: Problem, teams: SplitTeam[]): TeamExplanation[] {
  const teamOf = new Map<string, string>();
  for (const team of teams) for (const id of team.memberIds) teamOf.set(id, team.label);
  const byId = new Map(p.members.map((m) => [m.id, m]));
  const pairs = p.separate.map(
    ([a, b]) => [p.members[a]!.id, p.members[b]!.id] as [string, string],
  );
  const groups = p.together.map((g) => g.map((m) => p.members[m]!.id));
  return teams.map((team) => {
    const ms = team.memberIds.map((id) => byId.get(id)!);
    const skillCount = new Map<string, number>();
    for (const m of ms)
      for (const s of new Set(m.skills)) skillCount.set(s, (skillCount.get(s) ?? 0) + 1);
    const here = new Set(team.memberIds);
    return {
      label: team.label,
      size: ms.length,
      requiredSkills: p.required.map((r) => ({
        skill: r.skill,
        min: r.min,
        holderIds: ms.filter((m) => m.skills.includes(r.skill)).map((m) => m.id),
      })),
      separatePairs: pairs.flatMap((pair) => {
        const mine = pair.find((id) => here.has(id));
        if (mine === undefined) return [];
        const other = pair[0] === mine ? pair[1] : pair[0];
        return [{ pair, memberId: mine, otherMemberId: other, otherTeam: teamOf.get(other)! }];
      }),
      togetherGroups: groups.filter((g) => g.length > 0 && here.has(g[0]!)),
      leaders: {
        chiefIds: ms.filter((m) => m.position === 'chief').map((m) => m.id),
        deputyIds: ms.filter((m) => m.position === 'deputy').map((m) => m.id),
      },
      remote: {
        thinClient: ms.filter((m) => m.remoteAccess === 'thin-client').length,
        loanPc: ms.filter((m) => m.remoteAccess === 'loan-pc').length,
        companyPc: ms.filter((m) => m.remoteAccess === 'company-pc').length,
      },
      skills: p.skills.map((skill) => ({ skill, count: skillCount.get(skill) ?? 0 })),
    };
  });
}
