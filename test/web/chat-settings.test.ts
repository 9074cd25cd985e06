import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADMIN_ENV_TOKEN, harness, seedDepartment } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

describe("the admin's Teams webhooks page", () => {
  it('saves a department’s Workflows webhook, never shows it back, refuses another host, and clears it', async () => {
    const h = await harness();
    h.deps.teamsWebhookUrl = 'https://prod-01.japaneast.logic.azure.com/workflows/ORGSECRET';
    const admin = webClient(h);
    await admin.signIn(ADMIN_ENV_TOKEN);
    const { department } = await seedDepartment(h);
    const field = `teams-${department.id}`;
    const page = await admin.get('/admin/notifications');
    assert.match(page.html, /組織の Microsoft Teams Webhook/);
    assert.match(page.html, /https:\/\/prod-01\.japaneast\.logic\.azure\.com\/••••••••/);
    assert.doesNotMatch(page.html, /ORGSECRET/);

    const counts = await h.rowCounts();
    const other = await admin.post(`/admin/notifications/${department.id}/teams`, {
      [field]: 'https://example.com/hook',
    });
    assert.equal(other.status, 422);
    assert.match(other.html, /Teams のワークフローの Webhook URL/);
    assert.deepEqual(await h.rowCounts(), counts, 'a refusal changes nothing');

    const secret =
      'https://default0a1b.2c.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/1/triggers/manual/paths/invoke?sig=SECRETPART';
    const saved = await admin.post(`/admin/notifications/${department.id}/teams`, {
      [field]: secret,
    });
    assert.equal(saved.status, 303);
    const dept = await h.call('GET', `/v1/departments/${department.id}`);
    assert.equal(dept.json.teamsWebhookConfigured, true);
    assert.equal(dept.json.slackWebhookConfigured, false, 'Slack is left alone');
    const after = await admin.get('/admin/notifications?saved=1');
    assert.doesNotMatch(after.html, /SECRETPART/);
    const audit = await h.call('GET', '/v1/audit');
    assert.ok(!audit.text.includes('SECRETPART'), 'the audit log names the field, not the URL');

    const cleared = await admin.post(`/admin/notifications/${department.id}/teams/clear`);
    assert.equal(cleared.status, 303);
    assert.equal(
      (await h.call('GET', `/v1/departments/${department.id}`)).json.teamsWebhookConfigured,
      false,
    );
    await h.close();
  });
});

describe("the department settings page's reminders", () => {
  it('turns evening reminders on with their hour, and refuses an hour out of range by the field', async () => {
    const h = await harness();
    const admin = webClient(h);
    await admin.signIn(ADMIN_ENV_TOKEN);
    const { department } = await seedDepartment(h);
    const page = await admin.get(`/departments/${department.id}/settings`);
    assert.match(page.html, /name="reminderHour" type="number" value="17"/);
    const form = {
      name: '情報政策課',
      timezone: 'Asia/Tokyo',
      officeStart: '08:30',
      officeEnd: '17:15',
      ...Object.fromEntries([1, 2, 3, 4, 5].map((d) => [`workday-${d}`, '1'])),
      holidays: 'jp',
      closedDates: '',
      language: 'ja',
      reminders: '1',
    };
    const counts = await h.rowCounts();
    const bad = await admin.post(`/departments/${department.id}/settings`, {
      ...form,
      reminderHour: '25',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /id="reminderHour-error"/);
    assert.deepEqual(await h.rowCounts(), counts);
    const saved = await admin.post(`/departments/${department.id}/settings`, {
      ...form,
      reminderHour: '18',
    });
    assert.equal(saved.status, 303);
    const after = (await h.call('GET', `/v1/departments/${department.id}`)).json;
    assert.equal(after.reminders, true);
    assert.equal(after.reminderHour, 18);
    await h.close();
  });
});
