import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

const FROM = '2027-01-04';
const TO = '2027-01-31';

// Departments with different calendars and rotations; each one's demand is known by hand:
//   daily:   6 thin-client members, 2 teams of 3, daily, Mon–Fri, no holidays → 3 seats on each working day
//   weekly:  4 loan-pc members, 2 teams of 2, weekly, Mon–Sat, Japanese holidays → 2 PCs (not on 11 Jan, 成人の日)
//   cycle:   1 thin-client + 1 loan-pc per team, cycle A A B with a buffer day → 1 and 1, or 2 and 2 on a buffer day
//   draft:   4 thin-client members in a rotation never published → nothing
//   pcs:     company PCs only, published → nothing
const DEPARTMENTS = [
  {
    key: 'daily',
    dept: { holidays: 'none' },
    access: [
      'thin-client',
      'thin-client',
      'thin-client',
      'thin-client',
      'thin-client',
      'thin-client',
    ],
    pattern: { kind: 'daily' },
    publish: true,
  },
  {
    key: 'weekly',
    dept: { workdays: [1, 2, 3, 4, 5, 6], holidays: 'jp' },
    access: ['loan-pc', 'loan-pc', 'loan-pc', 'loan-pc'],
    pattern: { kind: 'weekly' },
    publish: true,
  },
  {
    key: 'cycle',
    dept: { holidays: 'none' },
    access: ['thin-client', 'loan-pc', 'thin-client', 'loan-pc'],
    pattern: { kind: 'cycle', cycle: ['A', 'A', 'B'], bufferDays: 1 },
    publish: true,
  },
  {
    key: 'draft',
    dept: {},
    access: ['thin-client', 'thin-client', 'thin-client', 'thin-client'],
    pattern: { kind: 'daily' },
    publish: false,
  },
  {
    key: 'pcs',
    dept: {},
    access: ['company-pc', 'company-pc'],
    pattern: { kind: 'daily' },
    publish: true,
  },
] as const;

describe('remote capacity across the organisation', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  const rotations: Record<string, string> = {};
  const days = async (query: string) => {
    const r = await h.call('GET', `/v1/capacity?from=${FROM}&to=${TO}${query}`);
    assert.equal(r.status, 200, r.text);
    return r.json;
  };

  before(async () => {
    h = await harness({ now: '2026-12-20T00:00:00Z' });
    for (const d of DEPARTMENTS) {
      ids[d.key] = (
        await h.call('POST', '/v1/departments', { body: { name: d.key, ...d.dept } })
      ).json.id;
      const members = d.access.map((remoteAccess, i) => ({
        name: `${d.key}${i}`,
        email: `${d.key}${i}@example.jp`,
        remoteAccess,
      }));
      await h.call('POST', `/v1/departments/${ids[d.key]}/members`, { body: { members } });
      const rot = await h.call('POST', `/v1/departments/${ids[d.key]}/rotations`, {
        body: { startDate: FROM, endDate: TO, teamCount: 2, pattern: d.pattern },
      });
      assert.equal(rot.status, 201, rot.text);
      rotations[d.key] = rot.json.id;
      if (d.publish)
        assert.equal(
          (
            await h.call('POST', `/v1/rotations/${rot.json.id}/publish`, {
              headers: { 'if-match': '"1"' },
            })
          ).status,
          200,
        );
    }
    // 4 seats, 3 of them reserved for `daily`; 6 loan PCs, none reserved.
    const set = await h.call('PATCH', '/v1/settings', {
      body: {
        thinClientSeats: 4,
        loanPcs: 6,
        reservations: [{ departmentId: ids.daily, thinClientSeats: 3 }],
      },
    });
    assert.equal(set.status, 200, set.text);
  });
  after(() => h.close());

  it('gives each department its own figures, known by hand', async () => {
    const buffers = new Set(
      (
        (await h.call('GET', `/v1/rotations/${rotations.cycle}/schedule?from=${FROM}&to=${TO}`))
          .json.days as any[]
      )
        .filter((d) => d.kind === 'buffer')
        .map((d) => d.date),
    );
    assert.ok(buffers.size >= 4, `the cycle rotation has buffer days (${[...buffers]})`);
    const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
    const expected: Record<string, (date: string) => [number, number]> = {
      daily: (d) => ([0, 6].includes(weekday(d)) ? [0, 0] : [3, 0]),
      weekly: (d) => (weekday(d) === 0 || d === '2027-01-11' ? [0, 0] : [0, 2]),
      cycle: (d) => ([0, 6].includes(weekday(d)) ? [0, 0] : buffers.has(d) ? [2, 2] : [1, 1]),
      draft: () => [0, 0],
      pcs: () => [0, 0],
    };
    for (const d of DEPARTMENTS) {
      const got = (await days(`&departmentId=${ids[d.key]}`)).days as any[];
      assert.equal(got.length, 28);
      for (const day of got)
        assert.deepEqual(
          [day.demand.thinClient, day.demand.loanPc],
          expected[d.key]!(day.date),
          `${d.key} ${day.date}`,
        );
    }
  });

  it('sums every department on every date, measured against the organisation’s capacity', async () => {
    const org = await days('');
    assert.equal(org.departmentId, null);
    const per = await Promise.all(
      DEPARTMENTS.map(async (d) => (await days(`&departmentId=${ids[d.key]}`)).days as any[]),
    );
    org.days.forEach((day: any, i: number) => {
      const sum = { thinClient: 0, loanPc: 0 };
      for (const list of per) {
        sum.thinClient += list[i].demand.thinClient;
        sum.loanPc += list[i].demand.loanPc;
      }
      assert.deepEqual(day.demand, sum, day.date);
      assert.deepEqual(day.capacity, { thinClient: 4, loanPc: 6 });
      assert.equal(day.short, day.demand.thinClient > 4 || day.demand.loanPc > 6, day.date);
    });
    // Mon 11 Jan: a holiday for `weekly` only. Mon 4 Jan: all three at work.
    const on = (date: string) => org.days.find((d: any) => d.date === date).demand;
    assert.deepEqual(on('2027-01-11').loanPc, on('2027-01-04').loanPc - 2);
    assert.ok(
      org.summary.daysShort > 0 &&
        org.summary.daysShort === org.days.filter((d: any) => d.short).length,
    );
    assert.equal(
      org.summary.firstShortageDate,
      org.days.find((d: any) => d.short).date,
      'short on the cycle’s buffer days: 3 + 2 seats of 4',
    );
    assert.deepEqual([org.summary.peakThinClient, org.summary.peakLoanPc], [5, 4]);
  });

  it('measures a department with a reservation against it, and one without against what nobody reserved', async () => {
    const daily = await days(`&departmentId=${ids.daily}`);
    assert.deepEqual(daily.days[0].capacity, { thinClient: 3, loanPc: 6 });
    assert.equal(daily.summary.daysShort, 0, '3 seats needed, 3 reserved');
    const cycle = await days(`&departmentId=${ids.cycle}`);
    assert.deepEqual(
      cycle.days[0].capacity,
      { thinClient: 1, loanPc: 6 },
      '4 seats, 3 reserved by another department',
    );
    assert.deepEqual(
      cycle.days.filter((d: any) => d.short).map((d: any) => d.date),
      cycle.days.filter((d: any) => d.demand.thinClient === 2).map((d: any) => d.date),
    );
  });
});
