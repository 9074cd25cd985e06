import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dayPeople,
  standbyLookup,
  type StandbyWindow,
} from '../../../src/domain/quarantine/index.ts';
import type { Membership } from '../../../src/domain/rotation/index.ts';

const DAY = '2027-03-10';
const m = (memberId: string, teamId: string, over: Partial<Membership> = {}): Membership => ({
  memberId,
  teamId,
  fromDate: '2027-03-01',
  toDate: null,
  officeFrom: '2027-03-01',
  ...over,
});
const standby = (over: Partial<StandbyWindow>): StandbyWindow => ({
  teamId: null,
  memberId: null,
  from: '2027-03-08',
  to: '2027-03-12',
  ...over,
});

describe('who is in the office and who is on standby on a day', () => {
  const rows: {
    name: string;
    memberships: Membership[];
    office: string[];
    windows?: StandbyWindow[];
    expect: { inOffice: Record<string, string[]>; standby: string[] };
  }[] = [
    {
      name: 'the office team’s members are in; the others work remotely and are not named',
      memberships: [m('a1', 'A'), m('a2', 'A'), m('b1', 'B')],
      office: ['A'],
      expect: { inOffice: { A: ['a1', 'a2'] }, standby: [] },
    },
    {
      name: 'a member moved in before their officeFrom (bridging) is not in',
      memberships: [
        m('a1', 'A'),
        m('b1', 'A', { fromDate: '2027-03-05', officeFrom: '2027-03-19' }),
      ],
      office: ['A'],
      expect: { inOffice: { A: ['a1'] }, standby: [] },
    },
    {
      name: 'from their officeFrom on they are in',
      memberships: [m('a1', 'A'), m('b1', 'A', { fromDate: '2027-03-05', officeFrom: DAY })],
      office: ['A'],
      expect: { inOffice: { A: ['a1', 'b1'] }, standby: [] },
    },
    {
      name: 'a member in standby is named as standby, not in',
      memberships: [m('a1', 'A'), m('a2', 'A')],
      office: ['A'],
      windows: [standby({ memberId: 'a2' })],
      expect: { inOffice: { A: ['a1'] }, standby: ['a2'] },
    },
    {
      name: 'a team in standby: each of its members, whether or not it is the office team',
      memberships: [m('a1', 'A'), m('b1', 'B'), m('b2', 'B')],
      office: ['A'],
      windows: [standby({ teamId: 'B' })],
      expect: { inOffice: { A: ['a1'] }, standby: ['b1', 'b2'] },
    },
    {
      name: 'a membership not in force that day counts for nothing',
      memberships: [m('a1', 'A', { toDate: '2027-03-09' }), m('a1', 'B', { fromDate: DAY })],
      office: ['A', 'B'],
      expect: { inOffice: { B: ['a1'] }, standby: [] },
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const got = dayPeople(
        row.memberships,
        DAY,
        new Set(row.office),
        standbyLookup(row.windows ?? []),
      );
      assert.deepEqual(
        { inOffice: Object.fromEntries(got.inOffice), standby: got.standby },
        row.expect,
      );
    });
});
