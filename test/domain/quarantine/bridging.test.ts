import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officeFromAfterNewDays, type Membership } from '../../../src/domain/rotation/index.ts';

// Member m moved from team A to team B on 10 March; the exposure window is 14 days.
const inA: Membership & { id: string } = {
  id: 'mA',
  memberId: 'm',
  teamId: 'A',
  fromDate: '2027-02-01',
  toDate: '2027-03-09',
  officeFrom: '2027-02-01',
};
const inB: Membership & { id: string } = {
  id: 'mB',
  memberId: 'm',
  teamId: 'B',
  fromDate: '2027-03-10',
  toDate: null,
  officeFrom: '2027-03-10',
};

describe('bridging kept: a moved member waits the exposure window after any new day of the old team', () => {
  const rows: {
    name: string;
    memberships: (Membership & { id: string })[];
    newDays: { teamId: string; date: string }[];
    expect: { id: string; officeFrom: string }[];
  }[] = [
    {
      name: 'a day the old team gains before the move holds back the next team’s first office day',
      memberships: [inA, inB],
      newDays: [{ teamId: 'A', date: '2027-03-05' }],
      expect: [{ id: 'mB', officeFrom: '2027-03-19' }],
    },
    {
      name: 'the latest of several new days decides',
      memberships: [inA, inB],
      newDays: [
        { teamId: 'A', date: '2027-03-06' },
        { teamId: 'A', date: '2027-03-02' },
      ],
      expect: [{ id: 'mB', officeFrom: '2027-03-20' }],
    },
    {
      name: 'never brings an office start forward',
      memberships: [inA, { ...inB, officeFrom: '2027-03-25' }],
      newDays: [{ teamId: 'A', date: '2027-03-05' }],
      expect: [],
    },
    {
      name: 'a day another team gains does not concern the member',
      memberships: [inA, inB],
      newDays: [{ teamId: 'C', date: '2027-03-05' }],
      expect: [],
    },
    {
      name: 'a day after the member left the old team does not concern them',
      memberships: [inA, inB],
      newDays: [{ teamId: 'A', date: '2027-03-12' }],
      expect: [],
    },
    {
      name: 'a day before the member joined the old team’s office does not concern them',
      memberships: [{ ...inA, officeFrom: '2027-03-08' }, inB],
      newDays: [{ teamId: 'A', date: '2027-03-05' }],
      expect: [],
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      assert.deepEqual(officeFromAfterNewDays(r.memberships, r.newDays, 14), r.expect);
    });
});
