// Regression: "the split says 'unsatisfiable' for splits that exist". Keep-apart pairs drawn from a
// known valid split (a planted colouring) must be split; a failure must tell a proof from a search
// that ran out of budget. The oracle below checks splits without the code under test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitTeams } from '../../src/domain/split/solve.ts';
import type { SplitOptions, SplitTeam } from '../../src/domain/split/types.ts';
import type { Position, SplitMember } from '../../src/domain/types.ts';

const member = (id: string, extra: Partial<SplitMember> = {}): SplitMember => ({
  id,
  name: id,
  skills: [],
  position: 'staff',
  remoteAccess: 'company-pc',
  ...extra,
});

/** Every hard constraint, and sizes within one, checked directly: the broken ones as sentences. */
function oracle(members: SplitMember[], teams: SplitTeam[], opts: SplitOptions): string[] {
  const out: string[] = [];
  const teamOf = new Map<string, number>();
  teams.forEach((t, i) =>
    t.memberIds.forEach((id) => {
      if (teamOf.has(id)) out.push(`${id} is in two teams`);
      teamOf.set(id, i);
    }),
  );
  for (const m of members) if (!teamOf.has(m.id)) out.push(`${m.id} is in no team`);
  if (teams.length !== opts.teamCount) out.push(`${teams.length} teams, not ${opts.teamCount}`);
  const sizes = teams.map((t) => t.memberIds.length);
  if (Math.max(...sizes) - Math.min(...sizes) > 1) out.push(`sizes ${sizes.join(', ')}`);
  for (const [a, b] of opts.separate ?? [])
    if (teamOf.get(a) === teamOf.get(b)) out.push(`${a} and ${b} share a team`);
  const byId = new Map(members.map((m) => [m.id, m]));
  teams.forEach((t, i) => {
    const inTeam = t.memberIds.map((id) => byId.get(id)!);
    for (const r of opts.requiredSkills ?? [])
      if (inTeam.filter((m) => m.skills.includes(r.skill)).length < r.min)
        out.push(`team ${i} lacks ${r.skill}`);
    const has = (p: Position) => inTeam.some((m) => m.position === p);
    if (opts.keepLeadersApart !== false && has('chief') && has('deputy'))
      out.push(`team ${i} holds a chief and a deputy`);
  });
  return out;
}

/** A deterministic generator for the instances (mulberry32), separate from the domain's. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * n members planted in k teams (member i in team i mod k); `pairs` keep-apart pairs sampled from
 * the members of different planted teams; with `extras`, a required skill held in every planted
 * team and chiefs and deputies in different planted teams.
 */
function planted(n: number, k: number, pairs: number, seed: number, extras = false) {
  const next = rng(seed);
  const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const members = ids.map((id, i) =>
    member(id, {
      skills: extras && (i < k || next() < 0.2) ? ['network'] : [],
      position: extras && i < 2 * k && k > 1 ? ((i % k) % 2 === 0 ? 'chief' : 'deputy') : 'staff',
    }),
  );
  const all: [string, string][] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) if (a % k !== b % k) all.push([ids[a]!, ids[b]!]);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const opts: SplitOptions = {
    teamCount: k,
    separate: all.slice(0, pairs),
    seed,
    ...(extras ? { requiredSkills: [{ skill: 'network', min: 1 }] } : {}),
  };
  return { members, opts };
}

describe('the split says "unsatisfiable" for splits that exist (regression)', () => {
  for (const seed of [1, 2, 3, 4])
    it(`splits 120 members planted in 6 teams with 1,820 keep-apart pairs (seed ${seed})`, () => {
      const { members, opts } = planted(120, 6, 1_820, seed);
      const r = splitTeams(members, opts);
      assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error.issues.slice(0, 3)));
      assert.deepEqual(oracle(members, r.value.teams, opts), []);
    });

  it('splits planted departments of 2 to 8 teams, whatever the pair density', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000 }),
        (k, perTeam, density, extras, seed) => {
          const n = k * perTeam + (seed % k);
          const cross = (n * (n - 1)) / 2 - k * ((perTeam * (perTeam + 1)) / 2);
          const { members, opts } = planted(n, k, Math.floor(density * cross), seed, extras);
          const r = splitTeams(members, opts);
          assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error.issues.slice(0, 3)));
          assert.deepEqual(oracle(members, r.value.teams, opts), []);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same split for the same planted department and seed', () => {
    const { members, opts } = planted(120, 6, 1_820, 7);
    assert.deepEqual(splitTeams(members, opts), splitTeams([...members].reverse(), opts));
  });

  for (const [n, k] of [
    [12, 3],
    [120, 6],
    [700, 2],
  ] as const)
    it(`proves impossible, naming the pairs, ${k + 1} of ${n} members all kept apart in ${k} teams`, () => {
      const { members, opts } = planted(n, k, n === 120 ? 1_820 : 0, 1);
      const clique = members.slice(0, k + 1).map((m) => m.id);
      const extra = clique.flatMap((a, i) =>
        clique.slice(i + 1).map((b) => [a, b] as [string, string]),
      );
      const separate = [...opts.separate!, ...extra];
      const r = splitTeams(members, { ...opts, separate });
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.error.exhaustive, true);
      assert.deepEqual(
        r.error.issues.map((i) => i.code),
        ['separate-clique'],
      );
      const issue = r.error.issues[0]!;
      assert.deepEqual(issue.constraint, { kind: 'members', memberIds: clique });
      for (const [a, b] of extra) {
        const at = separate.findIndex(([x, y]) => x === a && y === b);
        assert.ok(issue.paths.includes(`/separate/${at}`), `${a}, ${b}`);
      }
    });

  it('proves impossible, naming at most three pairs, an odd wheel among 60 planted members in 3 teams', () => {
    // A hub kept apart from a 5-cycle needs 4 teams, though no 4 members are all kept apart.
    const { members, opts } = planted(60, 3, 200, 1);
    const ids = members.map((m) => m.id);
    const hub = ids[59]!;
    const cycle = ids.slice(54, 59);
    const wheel = cycle.flatMap((a, i) => [
      [a, cycle[(i + 1) % 5]!] as [string, string],
      [hub, a] as [string, string],
    ]);
    const r = splitTeams(members, { ...opts, separate: [...opts.separate!, ...wheel] });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.exhaustive, true);
    assert.ok(r.error.issues.length >= 1 && r.error.issues.length <= 3);
    for (const i of r.error.issues) assert.equal(i.code, 'unsatisfiable');
  });

  it('proves impossible, naming the skill, a pigeonhole on skill holders', () => {
    const members = Array.from({ length: 120 }, (_, i) =>
      member(`m${String(i).padStart(3, '0')}`, { skills: i < 5 ? ['legal'] : [] }),
    );
    const r = splitTeams(members, { teamCount: 6, requiredSkills: [{ skill: 'legal', min: 1 }] });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.exhaustive, true);
    assert.deepEqual(
      r.error.issues.map((i) => [i.code, i.paths]),
      [['skill-shortage', ['/requiredSkills/0']]],
    );
  });

  it('answers one search-budget error, claiming nothing impossible, when the budget cannot settle', () => {
    // An odd cycle cannot be split in two, but 700 members are beyond the complete search.
    const ids = Array.from({ length: 700 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    const cycle = ids.slice(0, 5);
    const separate = cycle.map((a, i) => [a, cycle[(i + 1) % 5]!] as [string, string]);
    const r = splitTeams(
      ids.map((id) => member(id)),
      { teamCount: 2, separate },
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.exhaustive, false);
    const codes = r.error.issues.map((i) => i.code);
    assert.equal(codes.filter((c) => c === 'search-budget').length, 1);
    assert.equal(codes[0], 'search-budget');
    assert.ok(codes.length <= 4, codes.join(', '));
    assert.ok(codes.slice(1).every((c) => c === 'closest-split-unmet'));
    for (const i of r.error.issues) assert.doesNotMatch(i.reason, /no split (exists|satisfies)/);
    assert.match(r.error.issues[0]!.reason, /within the search budget; one may exist/);
  });
});
