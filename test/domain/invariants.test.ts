import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkCoverage,
  checkIsolation,
  checkShiftDates,
  checkSplitConstraints,
} from '../../src/domain/rotation/invariants.ts';
import type { Shift } from '../../src/domain/rotation/types.ts';
import type { DepartmentCalendar, SplitMember } from '../../src/domain/types.ts';

const cal: DepartmentCalendar = {
  timezone: 'Asia/Tokyo',
  workdays: [1, 2, 3, 4, 5],
  holidays: 'jp',
  closedDates: ['2026-06-05'],
  officeHours: { start: '08:30', end: '17:15' },
};
const shift = (
  date: string,
  teamLabel: string,
  start = '08:30',
  end = '17:15',
  slot = 0,
): Shift => ({ date, start, end, teamLabel, slot });
const codes = (vs: { code: string }[]) => vs.map((v) => v.code);

describe('checkIsolation', () => {
  it('accepts one team a day, and different teams a handover gap apart', () => {
    assert.deepEqual(
      checkIsolation([shift('2026-06-01', 'A'), shift('2026-06-02', 'B')], {
        oneTeamPerDate: true,
      }),
      [],
    );
    assert.deepEqual(
      checkIsolation(
        [shift('2026-06-01', 'A', '08:00', '12:00'), shift('2026-06-01', 'B', '12:30', '17:00', 1)],
        { handoverMinutes: 30 },
      ),
      [],
    );
  });

  it('reports two teams in the office on one date in single-slot mode', () => {
    assert.deepEqual(
      codes(
        checkIsolation([shift('2026-06-01', 'A'), shift('2026-06-01', 'B')], {
          oneTeamPerDate: true,
        }),
      ),
      ['several-teams-on-date', 'overlapping-teams'],
    );
  });

  it('reports overlapping slots and slots closer than the handover gap, whatever their order', () => {
    const shifts = [
      shift('2026-06-01', 'B', '12:15', '17:00', 1),
      shift('2026-06-01', 'A', '08:00', '12:00'),
      shift('2026-06-02', 'C', '08:00', '13:00'),
      shift('2026-06-02', 'A', '12:00', '17:00', 1),
    ];
    assert.deepEqual(codes(checkIsolation(shifts, { handoverMinutes: 30 })), [
      'handover-too-short',
      'overlapping-teams',
    ]);
  });

  it("does not count one team's own adjacent slots as a handover", () => {
    assert.deepEqual(
      checkIsolation(
        [shift('2026-06-01', 'A', '08:00', '12:00'), shift('2026-06-01', 'A', '12:00', '17:00', 1)],
        { handoverMinutes: 30, oneTeamPerDate: true },
      ),
      [],
    );
  });

  it('reports a member in two teams and a shift of an unknown team', () => {
    const teams = [
      { label: 'A', memberIds: ['x', 'y'] },
      { label: 'B', memberIds: ['y'] },
    ];
    assert.deepEqual(codes(checkIsolation([shift('2026-06-01', 'C')], { teams })), [
      'member-in-two-teams',
      'unknown-team',
    ]);
  });
});

describe('checkCoverage', () => {
  const range = { from: '2026-06-01', to: '2026-06-07' };
  const full = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04'].map((d, i) =>
    shift(d, 'AB'[i % 2]!),
  );

  it('accepts a plan covering every working day (not the closed Friday or the weekend)', () => {
    assert.deepEqual(checkCoverage(full, cal, range), []);
  });

  it('reports an uncovered working day unless it is a buffer or excused day', () => {
    const missing = full.filter((s) => s.date !== '2026-06-03');
    assert.deepEqual(codes(checkCoverage(missing, cal, range)), ['uncovered-date']);
    assert.deepEqual(checkCoverage(missing, cal, range, { bufferDates: ['2026-06-03'] }), []);
    assert.deepEqual(checkCoverage(missing, cal, range, { excusedDates: ['2026-06-03'] }), []);
  });

  it('reports a shift on a buffer day and an empty slot', () => {
    assert.deepEqual(codes(checkCoverage(full, cal, range, { bufferDates: ['2026-06-02'] })), [
      'shift-on-buffer-date',
    ]);
    assert.deepEqual(
      codes(
        checkCoverage(full, cal, range, {
          slots: [
            { start: '08:30', end: '17:15' },
            { start: '18:00', end: '20:00' },
          ],
        }),
      ),
      ['uncovered-slot', 'uncovered-slot', 'uncovered-slot', 'uncovered-slot'],
    );
  });
});

describe('checkShiftDates', () => {
  it('reports shifts on a weekend, a public holiday and a closed date', () => {
    const shifts = [
      shift('2026-06-06', 'A'),
      shift('2026-07-20', 'A'),
      shift('2026-06-05', 'B'),
      shift('2026-06-04', 'B'),
    ];
    assert.deepEqual(codes(checkShiftDates(shifts, cal)), [
      'shift-on-weekday-date',
      'shift-on-holiday-date',
      'shift-on-closed-date',
    ]);
  });
});

describe('checkSplitConstraints', () => {
  const m = (id: string, extra: Partial<SplitMember> = {}): SplitMember => ({
    id,
    name: id,
    skills: [],
    position: 'staff',
    remoteAccess: 'company-pc',
    ...extra,
  });
  const members = [
    m('a', { position: 'chief', skills: ['net'] }),
    m('b', { position: 'deputy' }),
    m('c', { skills: ['net'] }),
    m('d'),
  ];

  it('accepts teams that meet every constraint', () => {
    const teams = [
      { label: 'A', memberIds: ['a', 'd'] },
      { label: 'B', memberIds: ['b', 'c'] },
    ];
    assert.deepEqual(
      checkSplitConstraints(members, teams, {
        teamCount: 2,
        requiredSkills: [{ skill: 'net', min: 1 }],
        separate: [['a', 'b']],
        together: [['b', 'c']],
        maxTeamSize: 2,
      }),
      [],
    );
  });

  it('names each broken constraint', () => {
    const teams = [
      { label: 'A', memberIds: ['a', 'b', 'c'] },
      { label: 'B', memberIds: ['d', 'd'] },
    ];
    const v = checkSplitConstraints(members, teams, {
      teamCount: 3,
      requiredSkills: [{ skill: 'net', min: 1 }],
      separate: [['a', 'c']],
      together: [['c', 'd']],
      maxTeamSize: 2,
    });
    assert.deepEqual(codes(v), [
      'member-in-two-teams',
      'team-count',
      'max-team-size',
      'leaders-together',
      'required-skill',
      'separate',
      'together',
    ]);
  });

  it('lets chiefs and deputies share a team when asked not to keep them apart', () => {
    assert.deepEqual(
      checkSplitConstraints(members, [{ label: 'A', memberIds: ['a', 'b', 'c', 'd'] }], {
        teamCount: 1,
        keepLeadersApart: false,
      }),
      [],
    );
  });
});
