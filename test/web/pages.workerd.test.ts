import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startWorkerServer, type WorkerServer } from '../support/workerd.ts';
import { webClient } from '../support/web-session.ts';

const ADMIN = 'workerd-web-admin-secret-0123456789';

describe('the web pages on Cloudflare Workers + D1 (workerd through wrangler dev)', () => {
  let worker: WorkerServer;
  let departmentId: string;
  let chiefToken: string;
  before(async () => {
    worker = await startWorkerServer({ adminToken: ADMIN });
    const api = async (path: string, body: unknown) => {
      const res = await fetch(`${worker.base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.json() as Promise<{ id: string; token: string }>;
    };
    departmentId = (await api('/v1/departments', { name: '情報政策課' })).id;
    chiefToken = (await api('/v1/tokens', { role: 'chief', departmentId, label: '課長' })).token;
  });
  after(async () => worker?.stop());

  it('signs a chief in, imports a roster and creates a rotation through the forms, and refuses a post without the token', async () => {
    const w = webClient({ base: worker.base });
    await w.signIn(chiefToken);
    const page = await w.get(`/departments/${departmentId}`);
    assert.equal(page.status, 200);
    const csv = new File(
      [
        'name,email,skills\n山田 太郎,yamada@example.jp,network\n佐藤 花子,sato@example.jp,network\n鈴木 健,suzuki@example.jp,\n',
      ],
      'roster.csv',
      { type: 'text/csv' },
    );
    assert.equal(
      (await w.post(`/departments/${departmentId}/members`, { csv }, { csrf: null })).status,
      403,
    );
    const added = await w.post(`/departments/${departmentId}/members`, { csv });
    assert.equal(added.status, 303, added.html.slice(0, 500));
    assert.match((await w.get(added.location!)).html, /3名を登録しました/);
    await w.get(`/departments/${departmentId}/rotations/new`);
    const made = await w.post(`/departments/${departmentId}/rotations/new`, {
      startDate: '2030-01-07',
      endDate: '2030-02-28',
      teamCount: '2',
      pattern: 'daily',
      bufferDays: '0',
      skillName0: 'network',
      skillMin0: '1',
    });
    assert.equal(made.status, 303, made.html.slice(0, 500));
    const report = await w.get(made.location!);
    assert.match(report.html, /id="survivability"/);
    const grid = await w.get(`${made.location}/month?month=2030-01`);
    assert.match(grid.html, /data-kind="office"/);
  });
});
