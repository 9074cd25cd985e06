import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newDays, type Quarantine, type Stay } from '../../../src/domain/quarantine/index.ts';

const q = (over: Partial<Quarantine>): Quarantine => ({
  id: 'q',
  departmentId: 'd',
  subject: 'team',
  teamId: 'A',
  memberId: null,
  rotationId: 'r',
  startDate: '2027-03-01',
  endDate: '2027-03-14',
  effectiveFrom: '2027-03-01',
  liftedAt: null,
  liftedFrom: null,
  ...over,
});
const teamA = (start: string, end: string): Stay => ({
  subject: 'team',
  teamId: 'A',
  memberId: null,
  start,
  end,
});
const span = (s: Stay[]) => s.map((x) => [x.start, x.end]);

describe('the days a quarantine request adds to those already marked', () => {
  const rows: { name: string; stay: Stay; existing: Quarantine[]; expect: string[][] }[] = [
    {
      name: 'nothing marked: the whole window',
      stay: teamA('2027-03-01', '2027-03-14'),
      existing: [],
      expect: [['2027-03-01', '2027-03-14']],
    },
    {
      name: 'the same window again adds nothing',
      stay: teamA('2027-03-01', '2027-03-14'),
      existing: [q({})],
      expect: [],
    },
    {
      name: 'a window inside a marked one adds nothing',
      stay: teamA('2027-03-05', '2027-03-10'),
      existing: [q({})],
      expect: [],
    },
    {
      name: 'a longer window adds only its extra days at the end',
      stay: teamA('2027-03-05', '2027-03-20'),
      existing: [q({})],
      expect: [['2027-03-15', '2027-03-20']],
    },
    {
      name: 'an earlier start adds only the days before',
      stay: teamA('2027-02-25', '2027-03-10'),
      existing: [q({})],
      expect: [['2027-02-25', '2027-02-28']],
    },
    {
      name: 'a window around a marked one adds both sides',
      stay: teamA('2027-02-27', '2027-03-16'),
      existing: [q({})],
      expect: [
        ['2027-02-27', '2027-02-28'],
        ['2027-03-15', '2027-03-16'],
      ],
    },
    {
      name: 'two marked windows with a gap: only the gap',
      stay: teamA('2027-03-01', '2027-03-31'),
      existing: [
        q({}),
        q({
          id: 'q2',
          startDate: '2027-03-20',
          endDate: '2027-03-31',
          effectiveFrom: '2027-03-20',
        }),
      ],
      expect: [['2027-03-15', '2027-03-19']],
    },
    {
      name: 'a lifted quarantine covers only until the day before its lift',
      stay: teamA('2027-03-01', '2027-03-14'),
      existing: [q({ liftedAt: 'x', liftedFrom: '2027-03-08' })],
      expect: [['2027-03-08', '2027-03-14']],
    },
    {
      name: 'one lifted from its first day covers nothing',
      stay: teamA('2027-03-01', '2027-03-14'),
      existing: [q({ liftedAt: 'x', liftedFrom: '2027-03-01' })],
      expect: [['2027-03-01', '2027-03-14']],
    },
    {
      name: 'another team’s quarantine covers nothing of this one',
      stay: teamA('2027-03-01', '2027-03-14'),
      existing: [q({ teamId: 'B' })],
      expect: [['2027-03-01', '2027-03-14']],
    },
    {
      name: 'a member quarantine does not cover their team',
      stay: teamA('2027-03-01', '2027-03-14'),
      existing: [q({ subject: 'member', teamId: null, memberId: 'm' })],
      expect: [['2027-03-01', '2027-03-14']],
    },
  ];
  for (const r of rows)
    it(r.name, () => assert.deepEqual(span(newDays(r.stay, r.existing)), r.expect));
});
