import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertOutboxQueries } from '../../src/db/repos/outbox.ts';
import { ADMIN_ENV_TOKEN, harness, seedDepartment, type Harness } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

/** The control with this id is described by its error, and the error says `message`. */
function assertFieldError(html: string, id: string, message: RegExp) {
  const control =
    new RegExp(`<(input|select|textarea|fieldset) id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  assert.match(control, new RegExp(`aria-describedby="[^"]*${id}-error`), control);
  assert.match(control, /aria-invalid="true"/);
  const error = new RegExp(`id="${id}-error">([^<]*)<`).exec(html)?.[1] ?? '';
  assert.match(error, message);
}

async function signedInAdmin() {
  const h = await harness();
  const admin = webClient(h);
  await admin.signIn(ADMIN_ENV_TOKEN);
  return { h, admin };
}

/** The department form as a browser sends it: Monday to Friday ticked unless told otherwise. */
const departmentForm = (over: Record<string, string> = {}, days = [1, 2, 3, 4, 5]) => ({
  name: '危機管理課',
  timezone: 'Asia/Tokyo',
  officeStart: '09:00',
  officeEnd: '17:45',
  ...Object.fromEntries(days.map((d) => [`workday-${d}`, '1'])),
  holidays: 'jp',
  closedDates: '2026-12-29\r\n2026-12-30',
  language: 'ja',
  ...over,
});

const deptRows = async (h: Harness) => (await h.call('GET', '/v1/departments')).json.departments;

describe('admin pages: departments', () => {
  it('creates a department from the form, and the API answers with the same settings', async () => {
    const { h, admin } = await signedInAdmin();
    const list = await admin.get('/departments');
    assert.match(list.html, /href="\/departments\/new"/);
    const form = await admin.get('/departments/new');
    assert.equal(form.status, 200);
    assert.match(form.html, /<option value="Asia\/Tokyo" selected="">/);
    assert.match(form.html, /name="workday-6"/);
    const made = await admin.post(
      '/departments/new',
      departmentForm({ timezone: 'America/New_York' }, [1, 2, 3, 4, 6]),
    );
    assert.equal(made.status, 303, made.html.slice(0, 500));
    const id = /^\/departments\/([\w-]+)\/settings\?created=1$/.exec(made.location!)?.[1];
    assert.ok(id, made.location!);
    const api = (await h.call('GET', `/v1/departments/${id}`)).json;
    assert.deepEqual(
      {
        name: api.name,
        timezone: api.timezone,
        officeHours: api.officeHours,
        workdays: api.workdays,
        holidays: api.holidays,
        closedDates: api.closedDates,
        language: api.language,
      },
      {
        name: '危機管理課',
        timezone: 'America/New_York',
        officeHours: { start: '09:00', end: '17:45' },
        workdays: [1, 2, 3, 4, 6],
        holidays: 'jp',
        closedDates: ['2026-12-29', '2026-12-30'],
        language: 'ja',
      },
    );
    const page = await admin.get(made.location!);
    assert.match(page.html, /role="status">部署を作成しました/);
    assert.match(page.html, /<option value="America\/New_York" selected="">/);
    assert.match(page.html, /name="workday-6" value="1" checked=""/);
    assert.doesNotMatch(page.html, /name="workday-5" value="1" checked=""/);
  });

  it('refuses bad values with the message next to each field, in Japanese, and writes nothing', async () => {
    const { h, admin } = await signedInAdmin();
    await admin.get('/departments/new');
    const counts = await h.rowCounts();
    const cases: [Record<string, string>, number[], string, RegExp][] = [
      [{ officeEnd: '08:00' }, [1], 'officeEnd', /^終業時刻は始業時刻より後にしてください/],
      [{ closedDates: '2026-12-29\n\n2026-02-30' }, [1], 'closedDates', /^3行目「2026-02-30」: /],
      [{ closedDates: '12/29' }, [1], 'closedDates', /^1行目「12\/29」: 形式が正しくありません/],
      [{ name: '' }, [1], 'name', /^入力してください$/],
      [{ name: '課\t名' }, [1], 'name', /^改行やタブなどの制御文字は使えません$/],
      [{}, [], 'workdays', /^1つ以上選んでください$/],
      [{ timezone: 'Mars/Olympus' }, [1], 'timezone', /^タイムゾーンが正しくありません/],
      [
        { officeStart: '25:00' },
        [1],
        'officeStart',
        /^形式が正しくありません|^値が正しくありません/,
      ],
      [{ holidays: 'us' }, [1], 'holidays', /^一覧から選んでください/],
    ];
    for (const [over, days, field, message] of cases) {
      const res = await admin.post('/departments/new', departmentForm(over, days));
      assert.equal(res.status, 422, `${field}: ${JSON.stringify(over)}`);
      assertFieldError(res.html, field, message);
      assert.match(res.html, /id="error-summary"/);
    }
    const both = await admin.post(
      '/departments/new',
      departmentForm({ officeEnd: '08:00', closedDates: '2026-12-32' }),
    );
    assertFieldError(both.html, 'officeEnd', /^終業時刻は始業時刻より後にしてください/);
    assertFieldError(both.html, 'closedDates', /^1行目「2026-12-32」: /);
    const kept = await admin.post('/departments/new', departmentForm({ officeEnd: '08:00' }));
    assert.match(
      kept.html,
      /<textarea id="closedDates"[^>]*>2026-12-29\r?\n2026-12-30<\/textarea>/,
    );
    assert.match(kept.html, /name="officeEnd" type="time" value="08:00"/);
    assert.deepEqual(await h.rowCounts(), counts, 'a refused form changes nothing');
    const en = await admin.post('/departments/new?lang=en', departmentForm({ officeEnd: '08:00' }));
    assertFieldError(en.html, 'officeEnd', /^The end must be later than the start \(09:00\)$/);
  });

  it('edits a department on its settings page; a refused edit changes nothing', async () => {
    const { h, admin } = await signedInAdmin();
    const { department } = await seedDepartment(h);
    const page = await admin.get(`/departments/${department.id}/settings`);
    assert.equal(page.status, 200);
    assert.match(page.html, /name="officeStart" type="time" value="08:30"/);
    const before = (await h.call('GET', `/v1/departments/${department.id}`)).json;
    const bad = await admin.post(
      `/departments/${department.id}/settings`,
      departmentForm({ officeStart: '18:00' }),
    );
    assert.equal(bad.status, 422);
    assertFieldError(bad.html, 'officeEnd', /^終業時刻は始業時刻より後にしてください/);
    assert.deepEqual((await h.call('GET', `/v1/departments/${department.id}`)).json, before);
    const saved = await admin.post(
      `/departments/${department.id}/settings`,
      departmentForm({ name: '情報政策課（分室）', holidays: 'none', closedDates: '' }, [1, 3, 5]),
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/departments/${department.id}/settings?saved=1`);
    const after = (await h.call('GET', `/v1/departments/${department.id}`)).json;
    assert.equal(after.name, '情報政策課（分室）');
    assert.deepEqual(after.workdays, [1, 3, 5]);
    assert.equal(after.holidays, 'none');
    assert.deepEqual(after.closedDates, []);
    assert.deepEqual(after.officeHours, { start: '09:00', end: '17:45' });
    const audit = (await h.call('GET', '/v1/audit')).json.entries.map((e: any) => e.action);
    assert.equal(audit.filter((a: string) => a === 'department.update').length, 1);
    assert.equal((await deptRows(h)).length, 1);
  });

  it('lets a chief change their own department’s settings, as the API does, and no other', async () => {
    const { h } = await signedInAdmin();
    const own = (await seedDepartment(h)).department.id;
    const other = (await h.call('POST', '/v1/departments', { body: { name: '別の課' } })).json.id;
    const chief = webClient(h);
    await chief.signIn((await h.tokenFor('chief', { departmentId: own })).token);
    assert.equal((await chief.get(`/departments/${own}/settings`)).status, 200);
    const saved = await chief.post(
      `/departments/${own}/settings`,
      departmentForm({ name: '自分の課' }),
    );
    assert.equal(saved.status, 303);
    assert.equal((await h.call('GET', `/v1/departments/${own}`)).json.name, '自分の課');
    const counts = await h.rowCounts();
    assert.equal((await chief.get(`/departments/${other}/settings`)).status, 403);
    assert.equal(
      (await chief.post(`/departments/${other}/settings`, departmentForm())).status,
      403,
    );
    assert.equal((await chief.post('/departments/new', departmentForm())).status, 403);
    assert.deepEqual(await h.rowCounts(), counts);
  });
});

describe('admin pages: organisation', () => {
  it('sets capacity and reservations on the page, and the API answers the same; a bad count is named', async () => {
    const { h, admin } = await signedInAdmin();
    const { department } = await seedDepartment(h);
    const res = `res-thin-${department.id}`;
    await admin.get('/admin/settings');
    const counts = await h.rowCounts();
    const over = await admin.post('/admin/settings/capacity', {
      thinClientSeats: '10',
      loanPcs: '60',
      [res]: '11',
      [`res-loan-${department.id}`]: '',
    });
    assert.equal(over.status, 422);
    assertFieldError(
      over.html,
      res,
      /^シンクライアントの部署ごとの割り当てが合計11席で、組織の10席を超えています$/,
    );
    const typed = await admin.post('/admin/settings/capacity', {
      thinClientSeats: '十',
      loanPcs: '',
    });
    assert.equal(typed.status, 422);
    assertFieldError(typed.html, 'thinClientSeats', /^値の種類が正しくありません/);
    assert.deepEqual(await h.rowCounts(), counts);

    const ok = await admin.post('/admin/settings/capacity', {
      thinClientSeats: '10',
      loanPcs: '60',
      [res]: '4',
      [`res-loan-${department.id}`]: '',
    });
    assert.equal(ok.status, 303);
    const s = (await h.call('GET', '/v1/settings')).json;
    assert.equal(s.thinClientSeats, 10);
    assert.equal(s.loanPcs, 60);
    assert.deepEqual(s.reservations, [
      { departmentId: department.id, thinClientSeats: 4, loanPcs: null },
    ]);
    const page = await admin.get('/admin/settings?saved=capacity');
    assert.match(page.html, new RegExp(`id="${res}" name="${res}" type="number" value="4"`));
  });

  it('sets and resets the quarantine policy', async () => {
    const { h, admin } = await signedInAdmin();
    await admin.get('/admin/settings');
    const bad = await admin.post('/admin/settings/policy', { quarantineDays: '0' });
    assert.equal(bad.status, 422);
    assertFieldError(bad.html, 'quarantineDays', /^1以上の数を入力してください$/);
    const set = await admin.post('/admin/settings/policy', {
      quarantineDays: '10',
      exposureScope: 'slot',
    });
    assert.equal(set.status, 303);
    let s = (await h.call('GET', '/v1/settings')).json;
    assert.equal(s.policy.quarantineDays, 10);
    assert.equal(s.policy.exposureScope, 'slot');
    assert.deepEqual(s.policySet, ['exposureScope', 'quarantineDays']);
    await admin.get('/admin/settings');
    await admin.post('/admin/settings/policy', { quarantineDays: '', exposureScope: '' });
    s = (await h.call('GET', '/v1/settings')).json;
    assert.equal(s.policy.quarantineDays, 14);
    assert.deepEqual(s.policySet, []);
  });

  it('saves a department’s Slack webhook, never shows it back, refuses a private host, and clears it', async () => {
    const { h, admin } = await signedInAdmin();
    const { department } = await seedDepartment(h);
    const field = `webhook-${department.id}`;
    await admin.get('/admin/notifications');
    const counts = await h.rowCounts();
    const local = await admin.post(`/admin/notifications/${department.id}`, {
      [field]: 'https://127.0.0.1/hook',
    });
    assert.equal(local.status, 422);
    assertFieldError(local.html, field, /^このサーバーや内部ネットワークを指すURLは使えません/);
    assert.deepEqual(await h.rowCounts(), counts);
    const secret = 'https://hooks.slack.com/services/T000/B000/SECRETPART';
    const saved = await admin.post(`/admin/notifications/${department.id}`, { [field]: secret });
    assert.equal(saved.status, 303);
    assert.equal(
      (await h.call('GET', `/v1/departments/${department.id}`)).json.slackWebhookConfigured,
      true,
    );
    const page = await admin.get('/admin/notifications?saved=1');
    assert.doesNotMatch(page.html, /SECRETPART/);
    assert.match(page.html, /設定済み（••••••••）/);
    const cleared = await admin.post(`/admin/notifications/${department.id}/clear`);
    assert.equal(cleared.status, 303);
    assert.equal(
      (await h.call('GET', `/v1/departments/${department.id}`)).json.slackWebhookConfigured,
      false,
    );
  });

  it('issues a token shown once, lists it without its secret, and revokes it', async () => {
    const { h, admin } = await signedInAdmin();
    const { department } = await seedDepartment(h);
    await admin.get('/admin/tokens');
    const missing = await admin.post('/admin/tokens', { role: 'chief', label: '連携' });
    assert.equal(missing.status, 422);
    assertFieldError(missing.html, 'departmentId', /^入力してください$/);
    const issued = await admin.post('/admin/tokens', {
      role: 'chief',
      label: '勤怠システム連携',
      departmentId: department.id,
    });
    assert.equal(issued.status, 201);
    const token = /id="new-token" type="text" readonly="" value="(bsn_[^"]+)"/.exec(
      issued.html,
    )?.[1];
    assert.ok(token, 'the secret is on the page once');
    const asChief = await h.call('GET', `/v1/departments/${department.id}`, { token });
    assert.equal(asChief.status, 200, 'the token works on the API');
    const list = await admin.get('/admin/tokens');
    assert.doesNotMatch(list.html, new RegExp(token));
    const id = (await h.call('GET', '/v1/tokens')).json.tokens.find(
      (k: any) => k.label === '勤怠システム連携',
    ).id;
    const revoked = await admin.post(`/admin/tokens/${id}/revoke`);
    assert.equal(revoked.status, 303);
    assert.equal((await h.call('GET', `/v1/departments/${department.id}`, { token })).status, 401);
    const after = await admin.get('/admin/tokens?revoked=1');
    assert.match(after.html, /失効済み/);
  });

  it('filters the audit log and exports it as CSV, the export itself audited', async () => {
    const { h, admin } = await signedInAdmin();
    await seedDepartment(h);
    const all = await admin.get('/admin/audit');
    assert.match(all.html, /department\.create/);
    assert.match(all.html, /members\.add/);
    const only = await admin.get(
      '/admin/audit?action=department.create&from=2026-11-24&to=2026-11-24',
    );
    assert.match(only.html, /department\.create/);
    assert.doesNotMatch(only.html, /<td>members\./);
    const none = await admin.get('/admin/audit?from=2026-11-25');
    assert.match(none.html, /該当する記録はありません/);
    const bad = await admin.get('/admin/audit?from=2026-13-01');
    assert.equal(bad.status, 422);
    assertFieldError(bad.html, 'from', /./);
    const csv = await admin.get('/admin/audit.csv?action=department.create');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    assert.ok(csv.html.startsWith('at,role,tokenId,action,subjectType,subjectId,summary\r\n'));
    const cookie = [...admin.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const bytes = new Uint8Array(
      await (
        await h.app.request('http://localhost/admin/audit.csv', { headers: { cookie } })
      ).arrayBuffer(),
    );
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, for Excel');
    const lines = csv.html.trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /,department\.create,department,/);
    const exported = (await h.call('GET', '/v1/audit')).json.entries.filter(
      (e: any) => e.action === 'audit.export',
    );
    assert.equal(exported.length, 2, 'each export is recorded');
    assert.deepEqual(
      exported.map((e: any) => e.summary).sort((a: any, b: any) => a.entries - b.entries),
      [
        { entries: 1, limit: 10000, action: 'department.create' },
        // The admin's sign-in (session.start), the department, its members, the first export.
        { entries: 4, limit: 10000 },
      ],
    );
  });

  it('shows the outbox by status and puts a failed message back in the queue', async () => {
    const { h, admin } = await signedInAdmin();
    const { department } = await seedDepartment(h);
    const at = '2026-11-24T09:00:00.000Z';
    const message = (id: string, status: 'failed' | 'sent') => ({
      id,
      createdAt: at,
      departmentId: department.id as string,
      topic: 'test',
      refId: null,
      channel: 'email' as const,
      recipient: 'x@example.jp',
      subject: `件名 ${id}`,
      body: 'b',
      status,
      attempts: 10,
      nextAttemptAt: at,
      lastError: status === 'failed' ? 'SMTP answered 550' : null,
      sentAt: status === 'sent' ? at : null,
    });
    await h.deps.atomic(
      insertOutboxQueries(h.db, [message('m-failed', 'failed'), message('m-sent', 'sent')]),
    );
    const failed = await admin.get('/admin/outbox?status=failed');
    assert.match(failed.html, /data-message="m-failed" data-status="failed"/);
    assert.doesNotMatch(failed.html, /data-message="m-sent"/);
    assert.match(failed.html, /SMTP answered 550/);
    assert.match(failed.html, /action="\/admin\/outbox\/m-failed\/retry"/);
    assert.doesNotMatch((await admin.get('/admin/outbox')).html, /m-sent\/retry/);
    const retried = await admin.post('/admin/outbox/m-failed/retry');
    assert.equal(retried.status, 303);
    const api = (await h.call('GET', '/v1/outbox?status=pending')).json.messages;
    assert.deepEqual(
      api.map((m: any) => [m.id, m.attempts]),
      [['m-failed', 0]],
    );
    const again = await admin.post('/admin/outbox/m-sent/retry');
    assert.equal(again.status, 409);
    assert.match(again.html, /再送できるのは、送信に失敗したお知らせだけです/);
  });
});
