import { byString } from '../collections.ts';
import { mergeRequiredSkills } from './problem.ts';
import type { SplitOptions, SplitTeam, TeamExplanation, TeamReason } from './types.ts';
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

/**
 * Why a team looks as it does, sentence by sentence as data: each required skill met or missed and
 * who holds it, each keep-apart pair, each keep-together group, the leaders, and what working from
 * home needs. Pages render them from templates in the department's language.
 */
export function teamReasons(e: TeamExplanation): TeamReason[] {
  const out: TeamReason[] = [];
  for (const r of e.requiredSkills)
    out.push({
      code: r.holderIds.length >= r.min ? 'skill-met' : 'skill-missed',
      params: { skill: r.skill, min: r.min, holders: r.holderIds.length },
      members: { names: r.holderIds },
    });
  for (const p of e.separatePairs)
    out.push({
      code: 'apart',
      params: p.otherTeam ? { team: p.otherTeam } : { team: '', variant: 'no-team' },
      members: { a: [p.memberId], b: [p.otherMemberId] },
    });
  for (const g of e.togetherGroups)
    out.push({ code: 'together', params: {}, members: { names: g } });
  if (e.leaders.chiefIds.length)
    out.push({ code: 'chiefs', params: {}, members: { names: e.leaders.chiefIds } });
  if (e.leaders.deputyIds.length)
    out.push({ code: 'deputies', params: {}, members: { names: e.leaders.deputyIds } });
  out.push({
    code: 'remote',
    params: { size: e.size, thinClient: e.remote.thinClient, loanPc: e.remote.loanPc },
    members: {},
  });
  return out;
}

/** The explanation of a team as English sentences, for the API's developers. */
export function explainInWords(e: TeamExplanation, nameOf: (id: string) => string): string[] {
  return teamReasons(e).map(({ code, params: p, members: m }) => {
    const names = (key: string) => (m[key] ?? []).map(nameOf).join(', ');
    switch (code) {
      case 'skill-met':
      case 'skill-missed':
        return `${code === 'skill-met' ? 'meets' : 'MISSES'} skill ${p.skill} (needs ${p.min}): ${names('names') || 'nobody'}`;
      case 'apart':
        return `keeps ${names('a')} apart from ${names('b')} (team ${p.team})`;
      case 'together':
        return `keeps together ${names('names')}`;
      case 'chiefs':
        return `chief: ${names('names')}`;
      case 'deputies':
        return `deputy: ${names('names')}`;
      case 'remote':
        return `${p.size} members; at home they need ${p.thinClient} thin-client seats and ${p.loanPc} loan PCs`;
    }
  });
}
