import { byString } from '../collections.ts';
import { mergeRequiredSkills } from './problem.ts';
import type { SplitOptions, SplitTeam, TeamExplanation } from './types.ts';
import type { SplitMember } from '../types.ts';

/** The constraints a team explanation speaks of: the split's options, or a rotation's as stored. */
export type TeamConstraints = Pick<SplitOptions, 'requiredSkills' | 'separate' | 'together'>;

/**
 * Why each team looks as it does (skills and who holds them, pairs kept apart, groups kept
 * together, leaders, remote needs), for the split's teams or a rotation's teams as of a day.
 * Constraints are read in the split's canonical form, so the explanation does not depend on the
 * order they were given in; members or teams missing since (leavers) are passed over.
 */
export function explainTeams(
  members: readonly SplitMember[],
  teams: readonly SplitTeam[],
  c: TeamConstraints,
): TeamExplanation[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const teamOf = new Map<string, string>();
  for (const t of teams) for (const id of t.memberIds) teamOf.set(id, t.label);
  const allSkills = [...new Set(members.flatMap((m) => m.skills))].sort(byString);
  const required = mergeRequiredSkills(c.requiredSkills ?? []);
  const pairs = (c.separate ?? []).map(([a, b]): [string, string] =>
    byString(a, b) <= 0 ? [a, b] : [b, a],
  );
  const groups = (c.together ?? []).map((g) => [...new Set(g)].sort(byString));
  return teams.map((team) => {
    const here = new Set(team.memberIds);
    const ms = team.memberIds
      .map((id) => byId.get(id))
      .filter((m): m is SplitMember => m !== undefined);
    const count = (pred: (m: SplitMember) => boolean) => ms.filter(pred).length;
    return {
      label: team.label,
      size: ms.length,
      requiredSkills: required.map((r) => ({
        skill: r.skill,
        min: r.min,
        holderIds: ms.filter((m) => m.skills.includes(r.skill)).map((m) => m.id),
      })),
      separatePairs: pairs.flatMap((pair) => {
        const mine = pair.find((id) => here.has(id));
        if (mine === undefined) return [];
        const other = pair[0] === mine ? pair[1] : pair[0];
        return [{ pair, memberId: mine, otherMemberId: other, otherTeam: teamOf.get(other) ?? '' }];
      }),
      togetherGroups: groups.filter((g) => g.length > 0 && here.has(g[0]!)),
      leaders: {
        chiefIds: ms.filter((m) => m.position === 'chief').map((m) => m.id),
        deputyIds: ms.filter((m) => m.position === 'deputy').map((m) => m.id),
      },
      remote: {
        thinClient: count((m) => m.remoteAccess === 'thin-client'),
        loanPc: count((m) => m.remoteAccess === 'loan-pc'),
        companyPc: count((m) => m.remoteAccess === 'company-pc'),
      },
      skills: allSkills.map((skill) => ({ skill, count: count((m) => m.skills.includes(skill)) })),
    };
  });
}

/** The explanation of a team as sentences a chief can read. */
export function explainInWords(e: TeamExplanation, nameOf: (id: string) => string): string[] {
  const names = (ids: string[]) => ids.map(nameOf).join(', ');
  const out: string[] = [];
  for (const r of e.requiredSkills) {
    out.push(
      `${r.holderIds.length >= r.min ? 'meets' : 'MISSES'} skill ${r.skill} (needs ${r.min}): ${r.holderIds.length ? names(r.holderIds) : 'nobody'}`,
    );
  }
  for (const p of e.separatePairs)
    out.push(
      `keeps ${nameOf(p.memberId)} apart from ${nameOf(p.otherMemberId)} (team ${p.otherTeam})`,
    );
  for (const g of e.togetherGroups) out.push(`keeps together ${names(g)}`);
  if (e.leaders.chiefIds.length) out.push(`chief: ${names(e.leaders.chiefIds)}`);
  if (e.leaders.deputyIds.length) out.push(`deputy: ${names(e.leaders.deputyIds)}`);
  out.push(
    `${e.size} members; at home they need ${e.remote.thinClient} thin-client seats and ${e.remote.loanPc} loan PCs`,
  );
  return out;
}
