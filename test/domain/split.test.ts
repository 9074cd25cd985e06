import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkSplitConstraints } from '../../src/domain/rotation/invariants.ts';
import { explainInWords, explainTeams, teamReasons } from '../../src/domain/split/explain.ts';
import { splitTeams } from '../../src/domain/split/solve.ts';
import type { SplitIssueCode, SplitOptions, SplitTeam } from '../../src/domain/split/types.ts';
import { teamLabel, teamLabels } from '../../src/domain/split/labels.ts';
import type { SplitMember } from '../../src/domain/types.ts';
import { bruteForce, stirling2 } from './support/brute-force.ts';
import { departmentArb, membersArb } from './support/departments.ts';

const member = (id: string, extra: Partial<SplitMember> = {}): SplitMember => ({
  id,
  name: id,
  skills: [],
  position: 'staff',
  remoteAccess: 'company-pc',
  ...extra,
});
const staff = (n: number, extra: (i: number) => Partial<SplitMember> = () => ({})) =>
  Array.from({ length: n }, (_, i) => member(`m${String(i).padStart(2, '0')}`, extra(i)));
const spreadOf = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

describe('splitTeams', () => {
  it('satisfies every hard constraint whenever it returns a split', () => {
    fc.assert(
      fc.property(
        departmentArb({ minN: 1, maxN: 40, maxK: 5, maxPairs: 8, maxGroups: 3, maxSize: true }),
        ({ members, opts }) => {
          const r = splitTeams(members, opts);
          if (!r.ok) return;
          assert.deepEqual(checkSplitConstraints(members, r.value.teams, opts), []);
          assert.deepEqual(
            r.value.teams.map((t) => t.label),
            r.value.teams.map((_, i) => teamLabel(i)),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('agrees with a brute-force search on departments of up to 12 members', () => {
    fc.assert(
      fc.property(
        departmentArb({
          minN: 1,
          maxN: 12,
          maxK: 4,
          maxPairs: 6,
          maxGroups: 2,
          maxSize: true,
        }).filter(({ members, opts }) => stirling2(members.length, opts.teamCount) <= 300_000),
        ({ members, opts }) => {
          const brute = bruteForce(members, opts);
          const r = splitTeams(members, opts);
          assert.equal(
            r.ok,
            brute.feasible,
            r.ok
              ? 'split found where brute force found none'
              : `no split, but brute force found one: ${JSON.stringify(r.error)}`,
          );
          if (r.ok && brute.bestSpread <= 1)
            assert.ok(
              r.value.summary.sizeSpread <= 1,
              `spread ${r.value.summary.sizeSpread}, brute force ${brute.bestSpread}`,
            );
          if (!r.ok) assert.equal(r.error.exhaustive, true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps team sizes within one of each other when no group or seat limit forces otherwise', () => {
    const arb = membersArb(20, 200).chain((members) =>
      fc.record({
        members: fc.constant(
          members.map((m, i) => ({
            ...m,
            position:
              i === 0 ? ('chief' as const) : i === 1 ? ('deputy' as const) : ('staff' as const),
          })),
        ),
        teamCount: fc.integer({ min: 2, max: 5 }),
        // Disjoint keep-apart pairs (a matching): with the chief–deputy rule they never force an imbalance.
        pairs: fc
          .shuffledSubarray(
            members.map((_, i) => i),
            { minLength: 0, maxLength: Math.floor(members.length / 3) * 2 },
          )
          .map((xs) =>
            Array.from(
              { length: Math.floor(xs.length / 2) },
              (_, i) => [xs[2 * i]!, xs[2 * i + 1]!] as const,
            ),
          ),
        seed: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ members, teamCount, pairs, seed }) => {
        const opts: SplitOptions = {
          teamCount,
          separate: pairs.map(([a, b]) => [members[a]!.id, members[b]!.id]),
          seed,
        };
        const r = splitTeams(members, opts);
        assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
        assert.deepEqual(checkSplitConstraints(members, r.value.teams, opts), []);
        assert.ok(r.value.summary.sizeSpread <= 1);
        assert.equal(r.value.summary.sizeBalanceRelaxed, false);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same split for the same input, whatever the order of members and constraints', () => {
    fc.assert(
      fc.property(
        departmentArb({ minN: 2, maxN: 30, maxK: 4, maxPairs: 6, maxGroups: 2, maxSize: true }),
        fc.nat(),
        ({ members, opts }, salt) => {
          const first = splitTeams(members, opts);
          assert.deepEqual(splitTeams(members, opts), first);
          const rotate = <T>(xs: T[]) =>
            xs.length === 0
              ? xs
              : [...xs.slice(salt % xs.length), ...xs.slice(0, salt % xs.length)];
          const shuffled: SplitOptions = {
            ...opts,
            requiredSkills: rotate(opts.requiredSkills ?? []),
            separate: rotate(opts.separate ?? []).map(([a, b]) => [b, a]),
            together: rotate(opts.together ?? []).map((g) => [...g].reverse()),
          };
          const again = splitTeams([...members].reverse(), shuffled);
          assert.equal(again.ok, first.ok);
          if (first.ok && again.ok) assert.deepEqual(again.value.teams, first.value.teams);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('spreads thin-client and loan-PC users and leaders evenly when nothing else constrains the split', () => {
    fc.assert(
      fc.property(membersArb(8, 120), fc.integer({ min: 2, max: 6 }), (members, teamCount) => {
        fc.pre(members.length >= teamCount);
        const r = splitTeams(members, { teamCount, keepLeadersApart: false });
        assert.ok(r.ok);
        const s = r.value.summary;
        assert.ok(
          s.sizeSpread <= 1 && s.thinClientSpread <= 1 && s.loanPcSpread <= 1,
          JSON.stringify(s),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('spreads chiefs and deputies as evenly as keeping them apart allows (against brute force)', () => {
    fc.assert(
      fc.property(membersArb(2, 10), fc.integer({ min: 2, max: 4 }), (members, teamCount) => {
        fc.pre(members.length >= teamCount);
        const brute = bruteForce(members, { teamCount });
        const r = splitTeams(members, { teamCount });
        assert.equal(r.ok, brute.feasible);
        if (!r.ok) return;
        const load = Math.max(
          ...explainTeams(members, r.value.teams, {}).map(
            (e) => e.leaders.chiefIds.length + e.leaders.deputyIds.length,
          ),
        );
        assert.ok(
          load <= brute.bestLeaderLoad,
          `load ${load}, brute force ${brute.bestLeaderLoad}`,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('puts each chief and deputy in a different team when there are enough teams', () => {
    const members = staff(40, (i) => ({ position: i < 2 ? 'chief' : i < 4 ? 'deputy' : 'staff' }));
    const r = splitTeams(members, { teamCount: 4 });
    assert.ok(r.ok);
    for (const e of explainTeams(members, r.value.teams, {}))
      assert.equal(e.leaders.chiefIds.length + e.leaders.deputyIds.length, 1);
  });

  it('explains each team: required skills and holders, keep-apart pairs, groups, leaders, remote needs', () => {
    const members = [
      member('a', { skills: ['network'], position: 'chief' }),
      member('b', { skills: ['network'], position: 'deputy', remoteAccess: 'thin-client' }),
      member('c', { remoteAccess: 'loan-pc' }),
      member('d'),
      member('e'),
      member('f', { skills: ['payroll'] }),
    ];
    const opts = {
      teamCount: 2,
      requiredSkills: [{ skill: 'network', min: 1 }],
      separate: [['c', 'd']] as [string, string][],
      together: [['e', 'f']],
    };
    const r = splitTeams(members, opts);
    assert.ok(r.ok);
    const [A, B] = explainTeams(members, r.value.teams, opts);
    assert.ok(A && B);
    for (const e of [A, B]) {
      const team: SplitTeam | undefined = r.value.teams.find((t) => t.label === e.label);
      assert.ok(team);
      assert.equal(e.size, team.memberIds.length);
      assert.equal(e.requiredSkills[0]!.holderIds.length, 1);
      assert.ok(e.requiredSkills[0]!.holderIds.every((id) => team.memberIds.includes(id)));
      assert.equal(e.separatePairs.length, 1);
      assert.notEqual(e.separatePairs[0]!.otherTeam, e.label);
    }
    assert.equal(A.remote.thinClient + B.remote.thinClient, 1);
    assert.equal(A.remote.loanPc + B.remote.loanPc, 1);
    assert.deepEqual([...A.togetherGroups, ...B.togetherGroups], [['e', 'f']]);
  });

  for (const [count, expect] of [
    [0, []],
    [3, ['A', 'B', 'C']],
    [28, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'AA', 'AB']],
  ] as const)
    it(`names ${count} teams ${expect.slice(-2).join(', ') || '(none)'} at the end`, () =>
      assert.deepEqual(teamLabels(count), expect));
  it('names team 702 AAA, after ZZ', () =>
    assert.deepEqual([teamLabel(701), teamLabel(702)], ['ZZ', 'AAA']));

  it('labels teams beyond Z as AA, AB, …', () => {
    const r = splitTeams(staff(30), { teamCount: 28 });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.teams.slice(24).map((t) => t.label),
      ['Y', 'Z', 'AA', 'AB'],
    );
  });

  const infeasible: {
    name: string;
    members: SplitMember[];
    opts: SplitOptions;
    expect: {
      code: SplitIssueCode;
      reason: string | RegExp;
      paths?: string[];
      /** The reason as data, for templates: its values and the members it names. */
      params?: Record<string, string | number>;
      members?: Record<string, string[]>;
    }[];
  }[] = [
    {
      name: 'too few skill holders',
      members: staff(12, (i) => ({ skills: i < 3 ? ['network'] : [] })),
      opts: { teamCount: 4, requiredSkills: [{ skill: 'network', min: 1 }] },
      expect: [
        {
          code: 'skill-shortage',
          reason: 'skill `network`: 3 holders for 4 teams (needs 1 per team)',
          paths: ['/requiredSkills/0'],
          params: { skill: 'network', holders: 3, usable: 3, teamCount: 4, min: 1, needed: 4 },
          members: {},
        },
      ],
    },
    {
      name: 'too few seats',
      members: staff(17),
      opts: { teamCount: 3, maxTeamSize: 5 },
      expect: [
        {
          code: 'seats-shortage',
          reason: 'maxTeamSize 5 × 3 teams = 15 seats for 17 members',
          params: { maxTeamSize: 5, teamCount: 3, seats: 15, members: 17 },
        },
      ],
    },
    {
      name: 'a group larger than a team may be',
      members: staff(12),
      opts: {
        teamCount: 3,
        maxTeamSize: 5,
        together: [['m00', 'm01', 'm02', 'm03', 'm04', 'm05', 'm06']],
      },
      expect: [
        {
          code: 'group-too-large',
          reason: /keep-together group of 7 .* exceeds maxTeamSize 5/,
          paths: ['/maxTeamSize', '/together/0'],
          params: { size: 7, maxTeamSize: 5 },
          members: { group: ['m00', 'm01', 'm02', 'm03', 'm04', 'm05', 'm06'] },
        },
      ],
    },
    {
      name: 'a group that joins a keep-apart pair',
      members: staff(6),
      opts: {
        teamCount: 2,
        together: [
          ['m00', 'm01'],
          ['m01', 'm02'],
        ],
        separate: [['m02', 'm00']],
      },
      expect: [
        {
          code: 'together-separate-conflict',
          reason: 'keep-apart pair [m00, m02] is joined by keep-together group [m00, m01, m02]',
          paths: ['/separate/0', '/together/0', '/together/1'],
          params: {},
          members: { a: ['m00'], b: ['m02'], group: ['m00', 'm01', 'm02'] },
        },
      ],
    },
    {
      name: 'more teams than members',
      members: staff(3),
      opts: { teamCount: 5 },
      expect: [
        {
          code: 'too-few-members',
          reason: /teamCount 5 is more than the 3 members/,
          params: { teamCount: 5, members: 3 },
        },
      ],
    },
    {
      name: 'unknown member ids in constraints',
      members: staff(4),
      opts: { teamCount: 2, separate: [['m00', 'ghost']], together: [['m01', 'nobody']] },
      expect: [
        {
          code: 'unknown-member',
          reason: /names unknown member ghost/,
          paths: ['/separate/0'],
          members: { names: ['ghost'] },
        },
        {
          code: 'unknown-member',
          reason: /names unknown member nobody/,
          paths: ['/together/0'],
          members: { names: ['nobody'] },
        },
      ],
    },
    {
      name: 'several unmet constraints at once',
      members: staff(10, (i) => ({ skills: i < 1 ? ['legal'] : [] })),
      opts: {
        teamCount: 3,
        maxTeamSize: 3,
        requiredSkills: [
          { skill: 'legal', min: 1 },
          { skill: 'network', min: 1 },
        ],
      },
      expect: [
        { code: 'seats-shortage', reason: 'maxTeamSize 3 × 3 teams = 9 seats for 10 members' },
        {
          code: 'skill-shortage',
          reason: 'skill `legal`: 1 holder for 3 teams (needs 1 per team)',
        },
        {
          code: 'skill-shortage',
          reason: 'skill `network`: 0 holders for 3 teams (needs 1 per team)',
        },
      ],
    },
    {
      name: 'a chief and a deputy kept together',
      members: staff(4, (i) => ({ position: i === 0 ? 'chief' : i === 1 ? 'deputy' : 'staff' })),
      opts: { teamCount: 2, together: [['m00', 'm01']] },
      expect: [
        { code: 'together-leaders-conflict', reason: /puts a chief and a deputy in one team/ },
      ],
    },
    {
      name: 'a keep-apart triangle with two teams',
      members: staff(6),
      opts: {
        teamCount: 2,
        separate: [
          ['m00', 'm01'],
          ['m01', 'm02'],
          ['m02', 'm00'],
        ],
      },
      expect: [
        {
          code: 'separate-clique',
          reason:
            'keep-apart pairs keep 3 members or groups apart from one another (m00, m01, m02): that needs 3 teams, but teamCount is 2',
          paths: ['/teamCount', '/separate/0', '/separate/1', '/separate/2'],
          params: { units: 3, teamCount: 2 },
          members: { names: ['m00', 'm01', 'm02'] },
        },
      ],
    },
    {
      name: 'a skill held only by chiefs when a deputy needs a team of their own',
      members: staff(5, (i) => ({
        skills: i < 2 ? ['network'] : [],
        position: i < 2 ? 'chief' : i === 2 ? 'deputy' : 'staff',
      })),
      opts: { teamCount: 2, requiredSkills: [{ skill: 'network', min: 1 }] },
      expect: [
        {
          code: 'unsatisfiable',
          reason:
            'skill `network` (min 1 per team): no split satisfies it together with the other constraints; without it alone a split exists',
          paths: ['/requiredSkills/0'],
          params: { variant: 'requiredSkill', skill: 'network', min: 1 },
        },
        {
          code: 'unsatisfiable',
          reason: /^chiefs apart from deputies: no split/,
          paths: ['/keepLeadersApart'],
          params: { variant: 'leaders' },
          members: { chiefs: ['m00', 'm01'], deputies: ['m02'] },
        },
      ],
    },
    {
      name: 'too few holders for two per team',
      members: staff(6, (i) => ({
        skills: i < 2 ? ['network'] : [],
        position: i === 0 ? 'chief' : i === 1 ? 'deputy' : 'staff',
      })),
      opts: { teamCount: 2, requiredSkills: [{ skill: 'network', min: 2 }] },
      expect: [
        {
          code: 'skill-shortage',
          reason: 'skill `network`: 2 holders for 2 teams (needs 2 per team)',
        },
      ],
    },
  ];
  for (const c of infeasible) {
    it(`refuses ${c.name}, naming each unmet constraint`, () => {
      const r = splitTeams(c.members, c.opts);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.error.issues.length, c.expect.length, JSON.stringify(r.error.issues, null, 1));
      c.expect.forEach((e, i) => {
        const got = r.error.issues[i]!;
        assert.equal(got.code, e.code);
        if (typeof e.reason === 'string') assert.equal(got.reason, e.reason);
        else assert.match(got.reason, e.reason);
        if (e.paths) assert.deepEqual(got.paths, e.paths);
        if (e.params) assert.deepEqual(got.params, e.params);
        if (e.members) assert.deepEqual(got.members, e.members);
      });
    });
  }

  it('splits a large department quickly and still meets its constraints', () => {
    const members = staff(3000, (i) => ({
      skills: [`s${i % 20}`],
      remoteAccess: i % 5 === 0 ? 'thin-client' : i % 7 === 0 ? 'loan-pc' : 'company-pc',
      position: i === 0 ? 'chief' : i === 1 ? 'deputy' : 'staff',
    }));
    const ids = members.map((m) => m.id);
    const opts: SplitOptions = {
      teamCount: 4,
      requiredSkills: [{ skill: 's3', min: 5 }],
      separate: Array.from(
        { length: 50 },
        (_, i) => [ids[i * 7]!, ids[i * 11 + 1]!] as [string, string],
      ).filter(([a, b]) => a !== b),
    };
    const r = splitTeams(members, opts);
    assert.ok(r.ok);
    assert.deepEqual(checkSplitConstraints(members, r.value.teams, opts), []);
    assert.ok(spreadOf(r.value.summary.sizes) <= 1);
  });
});

describe('explainTeams', () => {
  const members = [
    member('a', { skills: ['network'], position: 'chief' }),
    member('b', { skills: ['network', 'payroll'], remoteAccess: 'thin-client' }),
    member('c', { remoteAccess: 'loan-pc' }),
    member('d', { position: 'deputy' }),
  ];
  const teams: SplitTeam[] = [
    { label: 'A', memberIds: ['a', 'c'] },
    { label: 'B', memberIds: ['b', 'd'] },
  ];
  const table: {
    name: string;
    teams?: SplitTeam[];
    constraints: Parameters<typeof explainTeams>[2];
    expect: (es: ReturnType<typeof explainTeams>) => unknown;
    is: unknown;
  }[] = [
    {
      name: 'merges required skills by name as the split does: the largest min wins, a min of 0 asks for nothing',
      constraints: {
        requiredSkills: [
          { skill: 'payroll', min: 0 },
          { skill: 'network', min: 1 },
          { skill: 'network', min: 2 },
        ],
      },
      expect: (es) => es.map((e) => e.requiredSkills),
      is: [
        [{ skill: 'network', min: 2, holderIds: ['a'] }],
        [{ skill: 'network', min: 2, holderIds: ['b'] }],
      ],
    },
    {
      name: 'names a keep-apart pair in id order, whichever way it was given',
      constraints: { separate: [['c', 'b']] },
      expect: (es) => es.map((e) => e.separatePairs),
      is: [
        [{ pair: ['b', 'c'], memberId: 'c', otherMemberId: 'b', otherTeam: 'B' }],
        [{ pair: ['b', 'c'], memberId: 'b', otherMemberId: 'c', otherTeam: 'A' }],
      ],
    },
    {
      name: 'lists a keep-together group once, sorted, in the team of its first member',
      constraints: { together: [['c', 'a', 'c']] },
      expect: (es) => es.map((e) => e.togetherGroups),
      is: [[['a', 'c']], []],
    },
    {
      name: 'passes over a member who has left, and names no team for a partner in none',
      teams: [
        { label: 'A', memberIds: ['a', 'gone'] },
        { label: 'B', memberIds: ['b'] },
      ],
      constraints: { separate: [['a', 'd']] },
      expect: (es) => es.map((e) => [e.size, e.separatePairs.map((p) => p.otherTeam)]),
      is: [
        [1, ['']],
        [1, []],
      ],
    },
    {
      name: 'counts leaders, remote needs and every skill of the department',
      constraints: {},
      expect: (es) => es.map((e) => [e.leaders, e.remote, e.skills]),
      is: [
        [
          { chiefIds: ['a'], deputyIds: [] },
          { thinClient: 0, loanPc: 1, companyPc: 1 },
          [
            { skill: 'network', count: 1 },
            { skill: 'payroll', count: 0 },
          ],
        ],
        [
          { chiefIds: [], deputyIds: ['d'] },
          { thinClient: 1, loanPc: 0, companyPc: 1 },
          [
            { skill: 'network', count: 1 },
            { skill: 'payroll', count: 1 },
          ],
        ],
      ],
    },
  ];
  for (const t of table)
    it(t.name, () =>
      assert.deepEqual(t.expect(explainTeams(members, t.teams ?? teams, t.constraints)), t.is),
    );

  const constraints = {
    requiredSkills: [{ skill: 'payroll', min: 1 }],
    separate: [['c', 'b']] as [string, string][],
    together: [['a', 'c']],
  };
  it('gives the reasons as data: a code, the values it speaks of, the members it names by id', () => {
    const [A] = explainTeams(members, teams, constraints);
    assert.deepEqual(teamReasons(A!), [
      {
        code: 'skill-missed',
        params: { skill: 'payroll', min: 1, holders: 0 },
        members: { names: [] },
      },
      { code: 'apart', params: { team: 'B' }, members: { a: ['c'], b: ['b'] } },
      { code: 'together', params: {}, members: { names: ['a', 'c'] } },
      { code: 'chiefs', params: {}, members: { names: ['a'] } },
      { code: 'remote', params: { size: 2, thinClient: 0, loanPc: 1 }, members: {} },
    ]);
  });

  it('says the reasons in English for the API, as sentences a developer reads', () => {
    const [A, B] = explainTeams(members, teams, constraints);
    const nameOf = (id: string) => id.toUpperCase();
    assert.deepEqual(explainInWords(A!, nameOf), [
      'MISSES skill payroll (needs 1): nobody',
      'keeps C apart from B (team B)',
      'keeps together A, C',
      'chief: A',
      '2 members; at home they need 0 thin-client seats and 1 loan PCs',
    ]);
    assert.deepEqual(explainInWords(B!, nameOf).slice(0, 2), [
      'meets skill payroll (needs 1): B',
      'keeps B apart from C (team A)',
    ]);
  });
});
