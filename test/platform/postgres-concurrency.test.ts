import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { httpClient } from '../support/http-scenario.ts';
import {
  alternating,
  postgresPair,
  publishedRotation,
  type Instance,
} from '../support/instances.ts';
import { postgresSkip } from '../support/postgres.ts';

const ADMIN = 'postgres-admin-secret-for-tests-0123456789';

describe(
  'two instances on one PostgreSQL: the database, not process memory, keeps the rules',
  { skip: postgresSkip() },
  () => {
    const instances = postgresPair('concurrency', { adminToken: ADMIN });
    let pair: Instance[];
    let call: ReturnType<typeof httpClient>;
    before(() => {
      pair = instances.pair();
      call = httpClient(alternating(pair), ADMIN);
    });

    it('makes one quarantine of 50 concurrent marks with one Idempotency-Key, and answers each with it', async () => {
      const { rotation, hrToken, start } = await publishedRotation(call, { name: 'Idem' });
      const body = { teamId: rotation.teams[0]!.id, startDate: start, reason: 'positive test' };
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          call('POST', '/v1/quarantines', {
            token: hrToken,
            body,
            headers: { 'idempotency-key': 'one-key-fifty-times' },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      assert.ok(
        statuses.every((s) => s === 201 || s === 200),
        statuses.join(','),
      );
      assert.equal(new Set(answers.map((a) => a.json.id)).size, 1);
      const rows = await pair[0]!.deps.db
        .selectFrom('quarantines')
        .select('id')
        .where('team_id', '=', rotation.teams[0]!.id)
        .execute();
      assert.equal(rows.length, 1);
    });

    it('never puts two teams in the office when different teams are marked at once', async () => {
      const { rotation, hrToken, start } = await publishedRotation(call, {
        name: 'Race',
        teams: 3,
      });
      const [A, B] = rotation.teams;
      const answers = await Promise.all(
        [A!, B!, A!, B!].map((t, i) =>
          call('POST', '/v1/quarantines', {
            token: hrToken,
            body: { teamId: t.id, startDate: start, reason: `case ${i}` },
            headers: { 'idempotency-key': `race-${i}` },
          }),
        ),
      );
      // Each either was decided on the plan as it stood and written, or refused to be sent again.
      for (const a of answers) assert.ok([200, 201, 409].includes(a.status), a.text);
      assert.ok(answers.some((a) => a.status === 201));
      // Whatever won, every request sent again until it lands leaves one office team a day.
      for (const [i, t] of [A!, B!].entries()) {
        for (let tries = 0; ; tries++) {
          const again = await call('POST', '/v1/quarantines', {
            token: hrToken,
            body: { teamId: t.id, startDate: start, reason: `case ${i}` },
            headers: { 'idempotency-key': `race-again-${i}` },
          });
          if (again.status !== 409 || tries > 5) {
            assert.ok([200, 201].includes(again.status), again.text);
            break;
          }
        }
      }
      const shifts = await pair[1]!.deps.db
        .selectFrom('shifts')
        .select(['date', 'team_id'])
        .where('rotation_id', '=', rotation.id)
        .where('status', '=', 'scheduled')
        .execute();
      const byDate = new Map<string, string[]>();
      for (const s of shifts) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s.team_id]);
      for (const [date, teams] of byDate)
        assert.equal(teams.length, 1, `${date}: ${teams.join(', ')}`);
      const quarantined = new Set([A!.id, B!.id]);
      for (const s of shifts)
        assert.ok(
          !(quarantined.has(s.team_id) && s.date <= dayAfter(start, 13)),
          `${s.date} ${s.team_id}`,
        );
    });

    it('publishes one of two overlapping rotations of a department published at once on both instances', async () => {
      const { departmentId, rotation, start, end } = await publishedRotation(call, {
        name: 'Overlap',
        draft: true,
      });
      const other = await call('POST', `/v1/departments/${departmentId}/rotations`, {
        body: { startDate: start, endDate: end, teamCount: 2, pattern: { kind: 'daily' } },
      });
      assert.equal(other.status, 201, other.text);
      const [a, b] = pair.map((i) => httpClient(i.base, ADMIN));
      const answers = await Promise.all([
        a!('POST', `/v1/rotations/${rotation.id}/publish`, { headers: { 'if-match': '"1"' } }),
        b!('POST', `/v1/rotations/${other.json.id}/publish`, { headers: { 'if-match': '"1"' } }),
      ]);
      assert.deepEqual(
        answers.map((r) => r.status).sort(),
        [200, 409],
        answers.map((r) => r.text).join('\n'),
      );
      const published = await pair[0]!.deps.db
        .selectFrom('rotations')
        .select('id')
        .where('department_id', '=', departmentId)
        .where('status', '=', 'published')
        .execute();
      assert.equal(published.length, 1);
    });

    it('lets one of several concurrent publishes with one If-Match win; the others are refused', async () => {
      const { rotation } = await publishedRotation(call, { name: 'Pub', draft: true });
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          call('POST', `/v1/rotations/${rotation.id}/publish`, {
            headers: { 'if-match': `"${rotation.version}"` },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      assert.equal(statuses.filter((s) => s === 200).length, 1, statuses.join(','));
      assert.ok(
        statuses.every((s) => s === 200 || s === 412 || s === 409),
        statuses.join(','),
      );
      const read = await call('GET', `/v1/rotations/${rotation.id}`);
      assert.equal(read.json.status, 'published');
      assert.equal(read.json.version, rotation.version + 1);
    });
  },
);

const dayAfter = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
