import assert from 'node:assert/strict';
import type { Actor } from '../../src/app/actor.ts';
import { createDepartment } from '../../src/app/departments/index.ts';
import { addMembers } from '../../src/app/members/index.ts';
import { createRotation, publishRotation } from '../../src/app/rotations/index.ts';
import type { Harness } from './harness.ts';

export const TEST_ADMIN: Actor = {
  tokenId: 'admin-test',
  role: 'admin',
  departmentId: null,
  memberId: null,
};

/**
 * A department of `members` people and a published rotation of theirs from `startDate` to `endDate`
 * (through the use cases), for property tests; null when no split exists for the input.
 */
export async function publishedDepartment(
  h: Harness,
  c: {
    members: number;
    teamCount: number;
    holidays: 'jp' | 'none';
    startDate: string;
    endDate: string;
    pattern: Parameters<typeof createRotation>[3]['pattern'];
  },
) {
  const dept = await createDepartment(h.deps, TEST_ADMIN, { name: 'p', holidays: c.holidays });
  assert.ok(dept.ok);
  const members = await addMembers(
    h.deps,
    TEST_ADMIN,
    dept.value.id,
    Array.from({ length: c.members }, (_, i) => ({ name: `m${i}`, email: `m${i}@x.jp` })),
  );
  assert.ok(members.ok);
  const created = await createRotation(h.deps, TEST_ADMIN, dept.value.id, {
    startDate: c.startDate,
    endDate: c.endDate,
    teamCount: c.teamCount,
    pattern: c.pattern,
    constraints: { keepLeadersApart: false },
  });
  if (!created.ok) return null;
  const rotation = await publishRotation(h.deps, TEST_ADMIN, created.value.id, 1);
  assert.ok(rotation.ok);
  return { department: dept.value, members: members.value, rotation: rotation.value };
}
