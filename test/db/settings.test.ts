import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOrgSettings, upsertOrgSettingsQuery } from '../../src/db/repos/settings.ts';
import { openSqlite } from '../../src/platform/node-deps.ts';

const at = '2026-11-24T00:00:00.000Z';

describe('organisation settings row', () => {
  it('writes only the columns a change gives, and merges the policy, so changes made from the same reading all stay', async () => {
    const db = await openSqlite(':memory:');
    const write = (q: ReturnType<typeof upsertOrgSettingsQuery>) => db.executeQuery(q);
    await write(
      upsertOrgSettingsQuery(db, {
        policyPatch: { quarantineDays: 7, exposureWindowDays: 10 },
        updatedAt: at,
        updatedBy: 'a',
      }),
    );
    // Three admins who read the row at the same moment, each changing something else.
    const changes = [
      upsertOrgSettingsQuery(db, {
        policyPatch: { returnSeparationDays: 2 },
        updatedAt: at,
        updatedBy: 'b',
      }),
      upsertOrgSettingsQuery(db, { loanPcs: 12, updatedAt: at, updatedBy: 'c' }),
      upsertOrgSettingsQuery(db, {
        thinClientSeats: 30,
        policyPatch: { quarantineDays: null },
        updatedAt: at,
        updatedBy: 'd',
      }),
    ];
    for (const q of changes) await write(q);
    const row = (await findOrgSettings(db))!;
    assert.deepEqual(
      [row.thin_client_seats, row.loan_pcs, JSON.parse(row.policy!)],
      [30, 12, { exposureWindowDays: 10, returnSeparationDays: 2 }],
    );
    await write(
      upsertOrgSettingsQuery(db, {
        policyPatch: { exposureWindowDays: null, returnSeparationDays: null },
        updatedAt: at,
        updatedBy: 'e',
      }),
    );
    assert.equal((await findOrgSettings(db))!.policy, null, 'nothing set: the defaults throughout');
    await db.destroy();
  });
});
