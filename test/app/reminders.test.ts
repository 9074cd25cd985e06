import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sendDueReminders } from '../../src/app/chat/index.ts';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

/** 17:00 in Tokyo (the default reminder hour) on a date. */
const tokyo = (date: string, time = '17:00') => new Date(`${date}T${time}:00+09:00`).toISOString();

describe('evening reminders before office days', () => {
  let h: Harness;
  let deptId: string;
  let rot: any;
  let schedule: { date: string; kind: string; officeTeamId: string | null }[];

  const teamOn = (date: string) =>
    rot.teams.find((t: any) => t.id === schedule.find((d) => d.date === date)!.officeTeamId);
  const reminders = (date: string) =>
    h.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'reminder')
      .where('ref_id', '=', `${deptId}:${date}`)
      .execute();
  const memberIdOf = async (recipient: string) =>
    recipient.startsWith('member:')
      ? recipient.slice(7)
      : (
          await h.db
            .selectFrom('members')
            .select('id')
            .where('email', '=', recipient)
            .executeTakeFirstOrThrow()
        ).id;

  before(async () => {
    h = await harness({ now: '2026-11-24T09:00:00Z' });
    deptId = (await seedDepartment(h)).department.id;
    rot = await seedPublishedRotation(h, deptId);
    schedule = (
      await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=2027-01-04&to=2027-02-26`)
    ).json.days;
  });
  after(() => h.close());

  it('writes nothing while the department has reminders off (the default)', async () => {
    const dept = await h.call('GET', `/v1/departments/${deptId}`);
    assert.equal(dept.json.reminders, false);
    assert.equal(dept.json.reminderHour, 17);
    h.setNow(tokyo('2027-01-04'));
    assert.deepEqual(await sendDueReminders(h.deps), { written: [], raced: 0 });
    const on = await h.call('PATCH', `/v1/departments/${deptId}`, { body: { reminders: true } });
    assert.equal(on.json.reminders, true);
  });

  it('from the reminder hour, tells each member of the next day’s office team once, however often it runs', async () => {
    h.setNow(tokyo('2027-01-04', '16:59'));
    assert.deepEqual((await sendDueReminders(h.deps)).written, []);
    h.setNow(tokyo('2027-01-04'));
    const team = teamOn('2027-01-05');
    const first = await sendDueReminders(h.deps);
    assert.deepEqual(first.written, [
      { departmentId: deptId, date: '2027-01-05', recipients: team.memberIds.length },
    ]);
    h.setNow(tokyo('2027-01-04', '23:59'));
    assert.deepEqual(await sendDueReminders(h.deps), { written: [], raced: 0 });
    const rows = await reminders('2027-01-05');
    assert.equal(rows.length, team.memberIds.length);
    assert.deepEqual(
      (await Promise.all(rows.map((r) => memberIdOf(r.recipient)))).sort(),
      [...team.memberIds].sort(),
    );
    const row = rows[0]!;
    assert.equal(row.channel, 'log');
    assert.equal(row.subject, '【出勤日のお知らせ】情報政策課：2027年1月5日(火)');
    assert.match(
      row.body,
      new RegExp(`次の出勤日は2027年1月5日\\(火\\)（${team.label}チーム、8:30–17:15）です。`),
    );
    assert.ok(!row.body.includes('iCal'), 'a reminder changes no calendar');
  });

  it('is written once when two instances run it at the same moment', async () => {
    h.setNow(tokyo('2027-01-05'));
    // The second instance decides first, and writes only after the first instance has written.
    let firstReport: Awaited<ReturnType<typeof sendDueReminders>> | undefined;
    const second = {
      ...h.deps,
      instance: 'second',
      atomic: async (queries: Parameters<typeof h.deps.atomic>[0]) => {
        firstReport = await sendDueReminders(h.deps);
        return h.deps.atomic(queries);
      },
    };
    const secondReport = await sendDueReminders(second);
    assert.equal(firstReport!.written.length, 1);
    assert.deepEqual(secondReport, { written: [], raced: 1 }, 'the key refused the second');
    const rows = await reminders('2027-01-06');
    assert.equal(rows.length, teamOn('2027-01-06').memberIds.length);
    assert.equal(new Set(rows.map((r) => r.recipient)).size, rows.length, 'one per person');
    const runs = await h.db
      .selectFrom('reminder_runs')
      .selectAll()
      .where('date', '=', '2027-01-06')
      .execute();
    assert.equal(runs.length, 1);
  });

  it('on Friday reminds of the next working day after the weekend and a holiday (成人の日), once', async () => {
    h.setNow(tokyo('2027-01-08'));
    assert.deepEqual(
      (await sendDueReminders(h.deps)).written.map((w) => w.date),
      ['2027-01-12'],
      '2027-01-11 is Coming of Age Day',
    );
    h.setNow(tokyo('2027-01-09', '18:00'));
    assert.deepEqual((await sendDueReminders(h.deps)).written, []);
    assert.equal((await reminders('2027-01-11')).length, 0);
  });

  it('tells nobody before a day the chief closed, and nobody on standby', async () => {
    h.setNow('2026-11-24T09:00:00Z');
    const current = await h.call('GET', `/v1/rotations/${rot.id}`);
    const closed = await h.call('POST', `/v1/rotations/${rot.id}/overrides`, {
      body: { kind: 'close', date: '2027-01-14' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    assert.equal(closed.status, 201, closed.text);
    const team = teamOn('2027-01-13');
    const out = team.memberIds[0];
    const q = await h.call('POST', '/v1/quarantines', {
      body: { memberId: out, startDate: '2027-01-13', endDate: '2027-01-15', reason: '陽性' },
    });
    assert.equal(q.status, 201, q.text);

    h.setNow(tokyo('2027-01-12'));
    const before13 = await sendDueReminders(h.deps);
    assert.equal(before13.written[0]!.date, '2027-01-13');
    const told = await Promise.all(
      (await reminders('2027-01-13')).map((r) => memberIdOf(r.recipient)),
    );
    assert.ok(!told.includes(out), 'the member on standby is not told to come in');
    assert.deepEqual(told.sort(), team.memberIds.filter((id: string) => id !== out).sort());

    h.setNow(tokyo('2027-01-13'));
    assert.deepEqual((await sendDueReminders(h.deps)).written, [
      { departmentId: deptId, date: '2027-01-14', recipients: 0 },
    ]);
    assert.equal((await reminders('2027-01-14')).length, 0);
  });
});
