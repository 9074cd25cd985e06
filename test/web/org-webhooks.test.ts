import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { harness, seedDepartment, seedPublishedRotation } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

const TEAMS =
  'https://prod-00.japaneast.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cret';
const DEPT_TEAMS = 'https://default1.environment.api.powerplatform.com/powerautomate/x?sig=dept';

describe("the organisation's own Slack and Teams webhooks", () => {
  it('are stored by an admin (API and page), never shown back, and used by departments without their own', async () => {
    const h = await harness();
    const { department } = await seedDepartment(h);
    const rot = await seedPublishedRotation(h, department.id);

    const bad = await h.call('PATCH', '/v1/settings', {
      body: { teamsWebhookUrl: 'https://example.com/hook' },
    });
    assert.equal(bad.status, 422, bad.text);
    assert.equal(bad.json.errors[0].path, '/teamsWebhookUrl');
    const set = await h.call('PATCH', '/v1/settings', { body: { teamsWebhookUrl: TEAMS } });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(
      [set.json.teamsWebhookConfigured, set.json.slackWebhookConfigured],
      [true, false],
    );
    assert.doesNotMatch(JSON.stringify((await h.call('GET', '/v1/settings')).json), /s3cret/);
    const audit = await h.call('GET', '/v1/audit?action=settings.update');
    assert.doesNotMatch(
      JSON.stringify(audit.json),
      /s3cret/,
      'the audit says a webhook is set, not which',
    );

    // A department without its own Teams webhook posts to the organisation's.
    const hr = (await h.tokenFor('hr')).token;
    const q = await h.call('POST', '/v1/quarantines', {
      token: hr,
      body: { teamId: rot.teams[0].id, startDate: '2027-01-11' },
    });
    assert.equal(q.status, 201, q.text);
    const teamsRows = async (ref: string) =>
      (
        await sql<{
          recipient: string;
        }>`select recipient from outbox where channel = 'teams' and ref_id = ${ref}`.execute(h.db)
      ).rows.map((r) => r.recipient);
    assert.deepEqual(await teamsRows(q.json.id), [TEAMS]);
    // Its own comes first.
    const own = await h.call('PATCH', `/v1/departments/${department.id}`, {
      body: { teamsWebhookUrl: DEPT_TEAMS },
    });
    assert.equal(own.status, 200, own.text);
    const lift = await h.call('POST', `/v1/quarantines/${q.json.id}/lift`, {
      token: hr,
      body: { date: '2027-01-12' },
    });
    assert.equal(lift.status, 200, lift.text);
    assert.deepEqual((await teamsRows(q.json.id)).sort(), [DEPT_TEAMS, TEAMS].sort());

    // The page: stored, masked, cleared.
    const admin = webClient(h);
    await admin.signIn((await h.tokenFor('admin')).token);
    let page = await admin.get('/admin/notifications');
    assert.match(page.html, /id="org-teams">保存済み（••••••••）/);
    assert.doesNotMatch(page.html, /s3cret/);
    const saved = await admin.post('/admin/webhooks/slack', {
      'org-slack': 'https://hooks.slack.com/services/T0/B0/orgsecret',
    });
    assert.equal(saved.status, 303, saved.html.slice(0, 300));
    page = await admin.get('/admin/notifications');
    assert.match(page.html, /id="org-webhook">保存済み/);
    assert.doesNotMatch(page.html, /orgsecret/);
    const refused = await admin.post('/admin/webhooks/slack', { 'org-slack': 'http://10.0.0.1/x' });
    assert.equal(refused.status, 422);
    assert.match(refused.html, /id="org-slack-error"/);
    const cleared = await admin.post('/admin/webhooks/teams/clear', {});
    assert.equal(cleared.status, 303);
    const after = (await h.call('GET', '/v1/settings')).json;
    assert.deepEqual([after.teamsWebhookConfigured, after.slackWebhookConfigured], [false, true]);
    await h.close();
  });
});
