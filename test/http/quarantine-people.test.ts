import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness } from '../support/harness.ts';

/** A department of six, no holidays, with a published daily rotation of two teams over [start, end]. */
async function department(now: string) {
  const h = await harness({ now });
  const dept = (await h.call('POST', '/v1/departments', { body: { name: 'd', holidays: 'none' } }))
    .json.id;
  const members = Array.from({ length: 6 }, (_, i) => ({
    name: `m${i}`,
    email: `m${i}@example.jp`,
  }));
  await h.call('POST', `/v1/departments/${dept}/members`, { body: { members } });
  const rotation = async (startDate: string, endDate: string, teamCount = 2) => {
    const r = (
      await h.call('POST', `/v1/departments/${dept}/rotations`, {
        body: { startDate, endDate, teamCount, pattern: { kind: 'daily' } },
      })
    ).json;
    assert.equal(
      (await h.call('POST', `/v1/rotations/${r.id}/publish`, { headers: { 'if-match': '"1"' } }))
        .status,
      200,
    );
    return r as { id: string; teams: { id: string; memberIds: string[] }[] };
  };
  const days = async (memberId: string, from: string, to: string) =>
    (
      await h.call('GET', `/v1/members/${memberId}/schedule?from=${from}&to=${to}`)
    ).json.days.filter((d: any) => d.kind !== 'weekend') as { date: string; kind: string }[];
  return { h, rotation, days };
}

/**
 * A member of the team in the office on 2027-03-03 moved to the other team effective that day,
 * at 14:00 in Tokyo: after the old team's office day had begun.
 */
async function movedAfterOfficeHoursBegan() {
  const { h, rotation } = await department('2027-03-01T00:00:00Z');
  const r = await rotation('2027-03-01', '2027-04-30');
  h.setNow('2027-03-03T05:00:00Z');
  const today = (
    await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2027-03-03&to=2027-03-03`)
  ).json.days[0];
  const team = r.teams.find((t) => t.id === today.officeTeamId)!;
  const other = r.teams.find((t) => t.id !== team.id)!;
  const mover = team.memberIds[0]!;
  const moved = await h.call('POST', `/v1/rotations/${r.id}/moves`, {
    body: { memberId: mover, toTeamId: other.id, effectiveDate: '2027-03-03' },
    headers: { 'if-match': '"2"' },
  });
  return { h, team, mover, moved };
}

// DESIGN invariant 2: no quarantined member, directly or through their team, has an office day in the window.
describe('a team quarantine keeps its people home for the whole window', () => {
  it('into the next rotation, whatever team they are in there (published before or after the quarantine)', async () => {
    const { h, rotation, days } = await department('2027-03-01T00:00:00Z');
    const r1 = await rotation('2027-03-01', '2027-03-12');
    h.setNow('2027-03-08T00:00:00Z');
    const q = await h.call('POST', '/v1/quarantines', {
      body: { teamId: r1.teams[0]!.id, startDate: '2027-03-08' },
    });
    assert.equal(q.json.endDate, '2027-03-21');
    await rotation('2027-03-13', '2027-03-31');
    for (const m of r1.teams[0]!.memberIds) {
      const inWindow = (await days(m, '2027-03-08', '2027-03-21')).filter(
        (d) => d.kind === 'office',
      );
      assert.deepEqual(inWindow, [], `${m} has no office day until 21 Mar`);
      assert.ok(
        (await days(m, '2027-03-22', '2027-03-31')).some((d) => d.kind === 'office'),
        'and goes back after it',
      );
    }
  });

  it("and the next rotation's team made of the same people is out too: its days go to a healthy team", async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    const r1 = await rotation('2027-03-01', '2027-03-12');
    const r2 = await rotation('2027-03-13', '2027-03-31');
    const same = r2.teams.find(
      (t) => [...t.memberIds].sort().join() === [...r1.teams[0]!.memberIds].sort().join(),
    )!;
    assert.ok(same, 'the same split (same members, same seed)');
    h.setNow('2027-03-08T00:00:00Z');
    const q = await h.call('POST', '/v1/quarantines', {
      body: { teamId: r1.teams[0]!.id, startDate: '2027-03-08' },
    });
    assert.equal(q.status, 201, q.text);
    assert.ok(
      q.json.quarantines.some(
        (x: any) =>
          x.teamId === same.id && x.startDate === '2027-03-13' && x.endDate === '2027-03-21',
      ),
      JSON.stringify(q.json.quarantines),
    );
    const days = (
      await h.call('GET', `/v1/rotations/${r2.id}/schedule?from=2027-03-13&to=2027-03-21`)
    ).json.days.filter((d: any) => d.kind !== 'weekend');
    assert.ok(
      days.length > 0 && days.every((d: any) => d.officeTeamId && d.officeTeamId !== same.id),
      JSON.stringify(days),
    );
  });

  it('and so when that next rotation is published only after the quarantine was marked', async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    const r1 = await rotation('2027-03-01', '2027-03-12');
    h.setNow('2027-03-08T00:00:00Z');
    const q = await h.call('POST', '/v1/quarantines', {
      body: { teamId: r1.teams[0]!.id, startDate: '2027-03-08', reason: 'confidential' },
    });
    assert.equal(q.status, 201, q.text);
    const r2 = await rotation('2027-03-13', '2027-03-31');
    const same = r2.teams.find(
      (t) => [...t.memberIds].sort().join() === [...r1.teams[0]!.memberIds].sort().join(),
    )!;
    const following = (await h.call('GET', '/v1/quarantines')).json.quarantines.filter(
      (x: any) => x.teamId === same.id,
    );
    assert.deepEqual(
      following.map((x: any) => [x.startDate, x.endDate, x.rotationId]),
      [['2027-03-13', '2027-03-21', r2.id]],
    );
    const days = (
      await h.call('GET', `/v1/rotations/${r2.id}/schedule?from=2027-03-13&to=2027-03-21`)
    ).json.days.filter((d: any) => d.kind !== 'weekend');
    assert.ok(
      days.length > 0 && days.every((d: any) => d.officeTeamId && d.officeTeamId !== same.id),
      JSON.stringify(days),
    );
    const audit = (await h.call('GET', '/v1/audit')).json.entries.filter(
      (e: any) => e.action === 'quarantine.follow',
    );
    assert.equal(audit.length, 1);
  });

  it('when a member is moved out of the quarantined team meanwhile', async () => {
    const { h, rotation, days } = await department('2027-03-01T00:00:00Z');
    const r = await rotation('2027-03-01', '2027-04-30');
    h.setNow('2027-03-08T00:00:00Z');
    await h.call('POST', '/v1/quarantines', {
      body: { teamId: r.teams[0]!.id, startDate: '2027-03-08' },
    });
    const mover = r.teams[0]!.memberIds[0]!;
    const moved = await h.call('POST', `/v1/rotations/${r.id}/moves`, {
      body: { memberId: mover, toTeamId: r.teams[1]!.id, effectiveDate: '2027-03-09' },
      headers: { 'if-match': '"2"' },
    });
    assert.equal(moved.status, 201, moved.text);
    const inWindow = await days(mover, '2027-03-08', '2027-03-21');
    assert.ok(
      inWindow.length > 0 && inWindow.every((d) => d.kind === 'standby'),
      JSON.stringify(inWindow),
    );
  });
});

/** Consecutive office days of a member with different teams, fewer than `window` days apart. */
async function bridgesBroken(
  h: Awaited<ReturnType<typeof department>>['h'],
  memberId: string,
  window: number,
) {
  const days = (
    await h.call('GET', `/v1/members/${memberId}/schedule?from=2027-03-01&to=2027-04-30`)
  ).json.days.filter((d: any) => d.kind === 'office');
  const broken: string[] = [];
  for (let i = 1; i < days.length; i++) {
    const [a, b] = [days[i - 1], days[i]];
    const gap = (Date.parse(b.date) - Date.parse(a.date)) / 86_400_000;
    if (a.officeTeamIds[0] !== b.officeTeamIds[0] && gap < window)
      broken.push(`${a.date} → ${b.date}`);
  }
  return { broken, officeDays: days.length };
}

// DESIGN invariant 5: a moved member has no office day with the new team until the exposure window
// has passed since their last office day with the old one — also when the old team gets office days later.
describe('the bridging rule holds after office days move', () => {
  it('when a quarantine gives the old team a day after the move was made', async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    const r = await rotation('2027-03-01', '2027-04-30', 3);
    const mover = r.teams[0]!.memberIds[0]!;
    assert.equal(
      (
        await h.call('POST', `/v1/rotations/${r.id}/moves`, {
          body: { memberId: mover, toTeamId: r.teams[1]!.id, effectiveDate: '2027-03-12' },
          headers: { 'if-match': '"2"' },
        })
      ).status,
      201,
    );
    // C out on 11 Mar only: the day goes to A (fewest office days so far, ties by label), the mover's old team.
    const q = await h.call('POST', '/v1/quarantines', {
      body: { teamId: r.teams[2]!.id, startDate: '2027-03-11', endDate: '2027-03-11' },
    });
    assert.deepEqual(
      q.json.swaps.map((s: any) => s.toTeamId),
      [r.teams[0]!.id],
    );
    const { broken, officeDays } = await bridgesBroken(h, mover, 14);
    assert.ok(officeDays > 3);
    assert.deepEqual(broken, []);
  });

  it("when the move takes effect today, on one of the old team's office days", async () => {
    const { moved } = await movedAfterOfficeHoursBegan();
    assert.equal(moved.status, 201, moved.text);
    assert.deepEqual(
      [moved.json.lastOfficeDayWithOldTeam, moved.json.officeFrom],
      ['2027-03-03', '2027-03-17'],
    );
  });

  it('when a lift hands days back to the old team', async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    const r = await rotation('2027-03-01', '2027-04-30');
    h.setNow('2027-03-08T00:00:00Z');
    const q = (
      await h.call('POST', '/v1/quarantines', {
        body: { teamId: r.teams[0]!.id, startDate: '2027-03-08' },
      })
    ).json;
    const mover = r.teams[0]!.memberIds[0]!;
    assert.equal(
      (
        await h.call('POST', `/v1/rotations/${r.id}/moves`, {
          body: { memberId: mover, toTeamId: r.teams[1]!.id, effectiveDate: '2027-03-22' },
          headers: { 'if-match': '"2"' },
        })
      ).status,
      201,
    );
    const lift = await h.call('POST', `/v1/quarantines/${q.id}/lift`, {
      body: { date: '2027-03-10' },
    });
    assert.ok(lift.json.handedBack.length > 0);
    const { broken } = await bridgesBroken(h, mover, 14);
    assert.deepEqual(broken, []);
  });
});

describe('two changes decided at once', () => {
  it('never both write: the one decided on a plan the other changed is refused with 409 and writes nothing', async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    const r = await rotation('2027-03-01', '2027-04-30', 3);
    h.setNow('2027-03-08T00:00:00Z');
    // Both are decided before either writes (as with D1, or two Node processes on one file).
    const atomic = h.deps.atomic;
    h.deps.atomic = async (queries) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return atomic(queries);
    };
    const [a, b] = await Promise.all(
      [0, 1].map((i) =>
        h.call('POST', '/v1/quarantines', {
          body: { teamId: r.teams[i]!.id, startDate: '2027-03-08', endDate: '2027-03-19' },
        }),
      ),
    );
    h.deps.atomic = atomic;
    assert.deepEqual([a!.status, b!.status].sort(), [201, 409]);
    assert.equal((await h.call('GET', '/v1/quarantines')).json.quarantines.length, 1);
    // Sent again, the refused one is decided on the plan as it is now: no quarantined team is ever in the office.
    const again = a!.status === 409 ? 0 : 1;
    assert.equal(
      (
        await h.call('POST', '/v1/quarantines', {
          body: { teamId: r.teams[again]!.id, startDate: '2027-03-08', endDate: '2027-03-19' },
        })
      ).status,
      201,
    );
    const days = (
      await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2027-03-08&to=2027-03-19`)
    ).json.days;
    for (const d of days)
      if (d.officeTeamId)
        assert.ok(
          !d.standbyTeamIds.includes(d.officeTeamId),
          `${d.date}: a quarantined team in the office`,
        );
  });
});

describe('return separation', () => {
  it('keeps a team out of the office for that many days after its quarantine ends, its own days too (DESIGN)', async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    await h.call('PATCH', '/v1/settings', { body: { policy: { returnSeparationDays: 4 } } });
    const r = await rotation('2027-03-01', '2027-04-30');
    h.setNow('2027-03-08T00:00:00Z');
    const A = r.teams[0]!.id;
    const q = (
      await h.call('POST', '/v1/quarantines', {
        body: { teamId: A, startDate: '2027-03-08', endDate: '2027-03-18' },
      })
    ).json;
    const days = (
      await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2027-03-08&to=2027-03-31`)
    ).json.days;
    const aDays = days.filter((d: any) => d.officeTeamId === A).map((d: any) => d.date);
    assert.ok(
      aDays.every((d: string) => d > '2027-03-22'),
      `A in the office on ${aDays.filter((d: string) => d <= '2027-03-22')}`,
    );
    assert.ok(aDays.length > 0, 'and back after it');
    assert.ok(
      q.swaps.some((s: any) => s.date > '2027-03-18'),
      'its own days in the separation were swapped too',
    );
    assert.deepEqual(
      days.filter((d: any) => d.kind === 'uncovered').map((d: any) => d.date),
      [],
      'every working day still has an office team',
    );
  });

  it('does not follow a quarantine lifted from its first day: the team was never out', async () => {
    const { h, rotation } = await department('2027-03-01T00:00:00Z');
    await h.call('PATCH', '/v1/settings', { body: { policy: { returnSeparationDays: 3 } } });
    const r = await rotation('2027-03-01', '2027-04-30');
    h.setNow('2027-03-08T00:00:00Z');
    const q = (
      await h.call('POST', '/v1/quarantines', {
        body: { teamId: r.teams[0]!.id, startDate: '2027-03-08' },
      })
    ).json;
    assert.ok(q.swaps.length > 0);
    const lift = (
      await h.call('POST', `/v1/quarantines/${q.id}/lift`, { body: { date: '2027-03-08' } })
    ).json;
    assert.deepEqual([lift.handedBack.length, lift.kept], [q.swaps.length, []]);
  });
});

describe('overlapping quarantines of one team', () => {
  it('give every day back once both are lifted, whichever is lifted first', async () => {
    const outcomes: string[][] = [];
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const { h, rotation } = await department('2027-03-01T00:00:00Z');
      const r = await rotation('2027-03-01', '2027-04-30');
      const label = (id: string) =>
        id === r.teams[0]!.id ? 'A' : id === r.teams[1]!.id ? 'B' : '-';
      const plan = async () =>
        (
          await h.call('GET', `/v1/rotations/${r.id}/schedule?from=2027-03-10&to=2027-03-31`)
        ).json.days.map((d: any) => `${d.date} ${label(d.officeTeamId)}`);
      const before = await plan();
      h.setNow('2027-03-08T00:00:00Z');
      const A = r.teams[0]!.id;
      const qs = [
        (
          await h.call('POST', '/v1/quarantines', {
            body: { teamId: A, startDate: '2027-03-08', endDate: '2027-03-21' },
          })
        ).json.id,
        (
          await h.call('POST', '/v1/quarantines', {
            body: { teamId: A, startDate: '2027-03-15', endDate: '2027-03-28' },
          })
        ).json.id,
      ];
      for (const i of order)
        assert.equal(
          (await h.call('POST', `/v1/quarantines/${qs[i]}/lift`, { body: { date: '2027-03-10' } }))
            .status,
          200,
        );
      const after = await plan();
      assert.deepEqual(after, before, `lifting in the order ${order}: the plan as it was`);
      outcomes.push(after);
    }
    assert.deepEqual(outcomes[0], outcomes[1]);
  });
});

describe('2. a move effective today hides today’s office day from exposure', () => {
  it('a positive case the day they moved out after their old team’s office day: that team is quarantined and the day listed', async () => {
    const { h, team, mover, moved } = await movedAfterOfficeHoursBegan();
    assert.equal(moved.json.lastOfficeDayWithOldTeam, '2027-03-03');

    const exposure = await h.call(
      'GET',
      `/v1/exposures?memberId=${mover}&from=2027-03-03&to=2027-03-03`,
    );
    assert.equal(exposure.status, 200, exposure.text);
    assert.deepEqual(
      exposure.json.days.map((d: { date: string; teamId: string }) => [d.date, d.teamId]),
      [['2027-03-03', team.id]],
      'the day they were in the office with their old team',
    );
    assert.deepEqual(
      exposure.json.days[0].coPresentMemberIds,
      team.memberIds.filter((m) => m !== mover).sort(),
    );

    const positive = await h.call('POST', '/v1/quarantines', {
      body: { positiveMemberId: mover, onsetDate: '2027-03-03' },
    });
    assert.equal(positive.status, 201, positive.text);
    const quarantinedTeams = positive.json.quarantines
      .filter((q: { subject: string }) => q.subject === 'team')
      .map((q: { teamId: string }) => q.teamId);
    assert.ok(quarantinedTeams.includes(team.id), 'the old team they shared the office with today');
    await h.close();
  });
});
