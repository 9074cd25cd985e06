import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepsHandover, pickCoveringTeam } from '../../../src/domain/quarantine/index.ts';
import type { TeamRef } from '../../../src/domain/rotation/index.ts';
import { shift, teams } from './fixtures.ts';

describe('the covering team: the fewest office days so far, ties by label', () => {
  const rows: {
    name: string;
    candidates: TeamRef[];
    officeDaysSoFar: Record<string, number>;
    expect: string | null;
  }[] = [
    {
      name: 'takes the team with the fewest office days so far',
      candidates: teams('A', 'B', 'C'),
      officeDaysSoFar: { A: 3, B: 1, C: 2 },
      expect: 'B',
    },
    {
      name: 'prefers fewer office days over an earlier label',
      candidates: teams('A', 'B'),
      officeDaysSoFar: { A: 2, B: 1 },
      expect: 'B',
    },
    {
      name: 'breaks a tie by label, whatever the order of the candidates',
      candidates: teams('C', 'B', 'A'),
      officeDaysSoFar: { A: 1, B: 1, C: 1 },
      expect: 'A',
    },
    {
      name: 'breaks a tie by label, not by id',
      candidates: [
        { id: 'x', label: 'B' },
        { id: 'y', label: 'A' },
      ],
      officeDaysSoFar: { x: 0, y: 0 },
      expect: 'y',
    },
    {
      name: 'has nobody to pick when no team can take the day',
      candidates: [],
      officeDaysSoFar: {},
      expect: null,
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const pick = pickCoveringTeam(r.candidates, (id) => r.officeDaysSoFar[id]!);
      assert.equal(pick?.id ?? null, r.expect);
    });
});

describe('the handover gap: a team may take a slot only apart enough from other teams’ slots', () => {
  // The morning slot is 08:00–12:00 and the afternoon slot 12:15–17:00: 15 minutes apart.
  const rows: {
    name: string;
    day: ReturnType<typeof shift>[];
    takes: { teamId: string; slot: 'morning' | 'afternoon' };
    handoverMinutes: number;
    expect: boolean;
  }[] = [
    {
      name: 'keeps a gap at least the handover',
      day: [shift('b', 'B', '2027-03-01', { slot: 'morning' })],
      takes: { teamId: 'C', slot: 'afternoon' },
      handoverMinutes: 15,
      expect: true,
    },
    {
      name: 'refuses a gap shorter than the handover',
      day: [shift('b', 'B', '2027-03-01', { slot: 'morning' })],
      takes: { teamId: 'C', slot: 'afternoon' },
      handoverMinutes: 30,
      expect: false,
    },
    {
      name: 'refuses it before the other slot as well as after it',
      day: [shift('b', 'B', '2027-03-01', { slot: 'afternoon' })],
      takes: { teamId: 'C', slot: 'morning' },
      handoverMinutes: 30,
      expect: false,
    },
    {
      name: 'needs no gap to the team’s own other slot',
      day: [shift('b', 'B', '2027-03-01', { slot: 'morning' })],
      takes: { teamId: 'B', slot: 'afternoon' },
      handoverMinutes: 30,
      expect: true,
    },
    {
      name: 'needs no gap to a cancelled slot',
      day: [shift('b', 'B', '2027-03-01', { slot: 'morning', cancelled: true })],
      takes: { teamId: 'C', slot: 'afternoon' },
      handoverMinutes: 30,
      expect: true,
    },
    {
      name: 'ignores the shift of the very slot it takes',
      day: [shift('b', 'B', '2027-03-01', { slot: 'afternoon' })],
      takes: { teamId: 'C', slot: 'afternoon' },
      handoverMinutes: 30,
      expect: true,
    },
  ];
  for (const r of rows)
    it(r.name, () => {
      const slot = shift('new', r.takes.teamId, '2027-03-01', { slot: r.takes.slot });
      assert.equal(keepsHandover(r.day, slot, r.takes.teamId, r.handoverMinutes), r.expect);
    });
});
