import { apartClique } from './cliques.ts';
import { issue, type Problem } from './problem.ts';
import type { SplitIssue } from './types.ts';

/**
 * Fast necessary conditions, each naming the constraint it proves unmeetable: enough members,
 * units and seats for the teams, groups that fit a team and do not join a keep-apart pair or a chief
 * with a deputy, no more than teamCount units all kept apart pairwise, and enough holders of each
 * required skill (holders bound in one group count once per team at most).
 */
export function necessaryConditions(p: Problem): SplitIssue[] {
  const out: SplitIssue[] = [];
  const { members, units, unitOf, teamCount: k, maxTeamSize } = p;
  const n = members.length;
  const ids = (ms: number[]) => ms.map((m) => members[m]!.id);
  const groupPaths = (u: number) =>
    p.together.flatMap((g, j) => (unitOf[g[0]!] === u ? [p.togetherPaths[j]!] : []));
  const leaderIds = (pos: 'chief' | 'deputy') =>
    members.filter((m) => m.position === pos).map((m) => m.id);
  const leaders = {
    kind: 'leaders' as const,
    chiefIds: leaderIds('chief'),
    deputyIds: leaderIds('deputy'),
  };

  if (k > n)
    out.push(
      issue(
        'too-few-members',
        ['/teamCount'],
        { kind: 'teamCount', teamCount: k },
        `teamCount ${k} is more than the ${n} members: every team needs at least one member`,
        { teamCount: k, members: n },
      ),
    );
  p.separate.forEach(([a, b], i) => {
    const pair: [string, string] = [members[a]!.id, members[b]!.id];
    const u = unitOf[a]!;
    if (u === unitOf[b]) {
      out.push(
        issue(
          'together-separate-conflict',
          [p.separatePaths[i]!, ...groupPaths(u)],
          { kind: 'separate', pair },
          `keep-apart pair [${pair.join(', ')}] is joined by keep-together group [${ids(units[u]!.members).join(', ')}]`,
          {},
          { a: [pair[0]], b: [pair[1]], group: ids(units[u]!.members) },
        ),
      );
    } else if (k === 1) {
      out.push(
        issue(
          'needs-two-teams',
          ['/teamCount', p.separatePaths[i]!],
          { kind: 'separate', pair },
          `keep-apart pair [${pair.join(', ')}] needs two teams, but teamCount is 1`,
          { variant: 'separate' },
          { a: [pair[0]], b: [pair[1]] },
        ),
      );
    }
  });
  const clique = apartClique(p);
  if (clique) {
    const inClique = new Set(clique);
    const at = p.separate.flatMap(([a, b], i) =>
      unitOf[a] !== unitOf[b] && inClique.has(unitOf[a]!) && inClique.has(unitOf[b]!) ? [i] : [],
    );
    const memberIds = [...new Set(at.flatMap((i) => p.separate[i]!))]
      .sort((a, b) => a - b)
      .map((m) => members[m]!.id);
    out.push(
      issue(
        'separate-clique',
        ['/teamCount', ...at.map((i) => p.separatePaths[i]!)],
        { kind: 'members', memberIds },
        `keep-apart pairs keep ${k + 1} members or groups apart from one another (${memberIds.join(', ')}): that needs ${k + 1} teams, but teamCount is ${k}`,
        { units: k + 1, teamCount: k },
        { names: memberIds },
      ),
    );
  }
  if (p.keepLeadersApart) {
    units.forEach((u, i) => {
      if (u.chiefs > 0 && u.deputies > 0)
        out.push(
          issue(
            'together-leaders-conflict',
            groupPaths(i),
            leaders,
            `keep-together group [${ids(u.members).join(', ')}] puts a chief and a deputy in one team`,
            {},
            { group: ids(u.members) },
          ),
        );
    });
    if (k === 1 && leaders.chiefIds.length > 0 && leaders.deputyIds.length > 0) {
      out.push(
        issue(
          'needs-two-teams',
          ['/teamCount', '/keepLeadersApart'],
          leaders,
          'a chief and a deputy must be in different teams, but teamCount is 1',
          { variant: 'leaders' },
          { chiefs: leaders.chiefIds, deputies: leaders.deputyIds },
        ),
      );
    }
  }
  if (k <= n && units.length < k) {
    out.push(
      issue(
        'too-few-units',
        ['/teamCount', ...p.togetherPaths],
        { kind: 'teamCount', teamCount: k },
        `keep-together groups leave ${units.length} indivisible units for ${k} teams: a team would be empty`,
        { units: units.length, teamCount: k },
      ),
    );
  }
  if (Number.isFinite(maxTeamSize)) {
    if (n > maxTeamSize * k)
      out.push(
        issue(
          'seats-shortage',
          ['/maxTeamSize', '/teamCount'],
          { kind: 'maxTeamSize', maxTeamSize },
          `maxTeamSize ${maxTeamSize} × ${k} teams = ${maxTeamSize * k} seats for ${n} members`,
          { maxTeamSize, teamCount: k, seats: maxTeamSize * k, members: n },
        ),
      );
    units.forEach((u, i) => {
      if (u.size > maxTeamSize) {
        out.push(
          issue(
            'group-too-large',
            ['/maxTeamSize', ...groupPaths(i)],
            { kind: 'together', group: ids(u.members) },
            `keep-together group of ${u.size} [${ids(u.members).join(', ')}] exceeds maxTeamSize ${maxTeamSize}`,
            { size: u.size, maxTeamSize },
            { group: ids(u.members) },
          ),
        );
      }
    });
  }
  p.required.forEach((r, ri) => {
    let holders = 0;
    let usable = 0;
    for (const u of units) {
      const at = u.reqIdx.indexOf(ri);
      if (at < 0) continue;
      holders += u.reqCnt[at]!;
      usable += Math.min(u.reqCnt[at]!, r.min);
    }
    if (usable >= r.min * k) return;
    const need = `needs ${r.min} per team`;
    const reason =
      holders < r.min * k
        ? `skill \`${r.skill}\`: ${holders} holder${holders === 1 ? '' : 's'} for ${k} teams (${need})`
        : `skill \`${r.skill}\`: ${holders} holders for ${k} teams (${need}), but keep-together groups bind them so that at most ${usable} can count`;
    out.push(
      issue(
        'skill-shortage',
        p.requiredPaths[ri]!,
        { kind: 'requiredSkill', skill: r.skill, min: r.min },
        reason,
        {
          ...(holders < r.min * k ? {} : { variant: 'bound' }),
          skill: r.skill,
          holders,
          usable,
          teamCount: k,
          min: r.min,
          needed: r.min * k,
        },
      ),
    );
  });
  return out;
}
