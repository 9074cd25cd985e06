import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sendDueReminders } from '../../src/app/chat/index.ts';
import { httpClient } from '../support/http-scenario.ts';
import {
  alternating,
  postgresPair,
  publishedRotation,
  type Instance,
} from '../support/instances.ts';
import { postgresSkip } from '../support/postgres.ts';

const ADMIN = 'postgres-reminders-admin-secret-0123456789';

describe(
  'evening reminders on two instances sharing one PostgreSQL',
  { skip: postgresSkip() },
  () => {
    // One clock for both instances, moved by the test.
    let now = new Date('2027-03-01T00:00:00Z');
    const instances = postgresPair('reminders', { adminToken: ADMIN, now: () => now });
    let pair: Instance[];
    before(() => {
      pair = instances.pair();
    });

    it('writes each reminder once however many passes of either instance run at the same time', async () => {
      const call = httpClient(alternating(pair), ADMIN);
      const { departmentId, rotation, start } = await publishedRotation(call, {
        name: 'Remind',
        now,
      });
      assert.equal(start, '2027-03-08');
      const on = await call('PATCH', `/v1/departments/${departmentId}`, {
        body: { reminders: true },
      });
      assert.equal(on.status, 200, on.text);
      const schedule = await call(
        'GET',
        `/v1/rotations/${rotation.id}/schedule?from=2027-03-09&to=2027-03-09`,
      );
      const team = rotation.teams.find((t) => t.id === schedule.json.days[0].officeTeamId)!;

      now = new Date('2027-03-08T08:30:00Z'); // 17:30 in Tokyo, the evening before 9 March
      const reports = await Promise.all(
        Array.from({ length: 10 }, (_, i) => sendDueReminders(pair[i % 2]!.deps)),
      );
      assert.equal(reports.flatMap((r) => r.written).length, 1);
      const db = pair[0]!.deps.db;
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('topic', '=', 'reminder')
        .where('ref_id', '=', `${departmentId}:2027-03-09`)
        .execute();
      assert.equal(rows.length, team.memberIds.length);
      assert.equal(new Set(rows.map((r) => r.recipient)).size, rows.length, 'one per person');
      const runs = await db.selectFrom('reminder_runs').selectAll().execute();
      assert.deepEqual(
        runs.map((r) => [r.department_id, r.date, r.recipients]),
        [[departmentId, '2027-03-09', team.memberIds.length]],
      );
    });
  },
);
