import fc from 'fast-check';
import type { SplitOptions } from '../../../src/domain/split/types.ts';
import type { Position, RemoteAccess, SplitMember } from '../../../src/domain/types.ts';

export const SKILLS = ['network', 'payroll', 'legal', 'helpdesk'];

const position = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Position>('chief') },
  { weight: 1, arbitrary: fc.constant<Position>('deputy') },
  { weight: 6, arbitrary: fc.constant<Position>('staff') },
);
const remote = fc.constantFrom<RemoteAccess>('company-pc', 'loan-pc', 'thin-client');

/** Members with shuffled, unique ids, random skills, positions and remote needs. */
export function membersArb(minN: number, maxN: number): fc.Arbitrary<SplitMember[]> {
  return fc
    .array(fc.record({ skills: fc.subarray(SKILLS), position, remoteAccess: remote }), {
      minLength: minN,
      maxLength: maxN,
    })
    .chain((rows) =>
      fc
        .shuffledSubarray(
          rows.map((_, i) => i),
          { minLength: rows.length, maxLength: rows.length },
        )
        .map((perm) =>
          rows.map((r, i) => ({
            id: `m${String(perm[i]).padStart(3, '0')}`,
            name: `Member ${perm[i]}`,
            ...r,
          })),
        ),
    );
}

/** A department and a request whose constraints name only its members. */
export function departmentArb(opts: {
  minN: number;
  maxN: number;
  maxK: number;
  maxPairs: number;
  maxGroups: number;
  maxSize?: boolean;
}) {
  return membersArb(opts.minN, opts.maxN).chain((members) => {
    const ids = members.map((m) => m.id);
    const id = fc.constantFrom(...ids);
    const pair = fc.tuple(id, id).filter(([a, b]) => a !== b);
    return fc.record({
      members: fc.constant(members),
      opts: fc.record(
        {
          teamCount: fc.oneof(
            { weight: 1, arbitrary: fc.constant(1) },
            { weight: 9, arbitrary: fc.integer({ min: Math.min(2, opts.maxK), max: opts.maxK }) },
          ),
          requiredSkills: fc.subarray(SKILLS, { maxLength: 2 }).chain((skills) =>
            fc.tuple(
              ...skills.map((skill) =>
                fc.record({
                  skill: fc.constant(skill),
                  min: fc.oneof(
                    { weight: 4, arbitrary: fc.constant(1) },
                    { weight: 1, arbitrary: fc.constant(2) },
                  ),
                }),
              ),
            ),
          ),
          separate:
            ids.length >= 2
              ? fc.array(pair, { maxLength: Math.min(opts.maxPairs, Math.ceil(ids.length / 2)) })
              : fc.constant([] as [string, string][]),
          together: fc.array(fc.uniqueArray(id, { minLength: 2, maxLength: 3 }), {
            maxLength: ids.length >= 4 ? opts.maxGroups : 0,
          }),
          maxTeamSize: opts.maxSize
            ? fc.option(
                fc.integer({
                  min: Math.max(1, Math.floor(ids.length / 3)),
                  max: Math.max(1, ids.length),
                }),
                { nil: undefined, freq: 2 },
              )
            : fc.constant(undefined),
          seed: fc.integer({ min: 0, max: 1000 }),
        },
        { requiredKeys: ['teamCount'] },
      ) as fc.Arbitrary<SplitOptions>,
    });
  });
}
