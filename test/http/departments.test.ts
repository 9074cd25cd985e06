import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

describe('departments', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('creates a department with the defaults of the design (Asia/Tokyo, 08:30–17:15, Mon–Fri, jp holidays)', async () => {
    const r = await h.call('POST', '/v1/departments', { body: { name: '情報政策課' } });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('location'), `/v1/departments/${r.json.id}`);
    assert.deepEqual(
      { ...r.json, id: undefined, createdAt: undefined, updatedAt: undefined },
      {
        id: undefined,
        name: '情報政策課',
        timezone: 'Asia/Tokyo',
        officeHours: { start: '08:30', end: '17:15' },
        workdays: [1, 2, 3, 4, 5],
        holidays: 'jp',
        closedDates: [],
        language: 'ja',
        feedAllDay: false,
        slackWebhookConfigured: false,
        teamsWebhookConfigured: false,
        reminders: false,
        reminderHour: 17,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    assert.equal(r.json.createdAt, '2026-11-24T09:00:00.000Z');
  });

  it('keeps every setting given, with closed dates and workdays sorted and unique', async () => {
    const body = {
      name: 'Network Ops',
      timezone: 'Europe/Berlin',
      officeHours: { start: '07:00', end: '15:30' },
      workdays: [6, 1, 2],
      holidays: 'none',
      closedDates: ['2026-12-31', '2026-12-29'],
      language: 'en',
    };
    const r = await h.call('POST', '/v1/departments', { body });
    assert.equal(r.status, 201);
    assert.deepEqual(r.json.workdays, [1, 2, 6]);
    assert.deepEqual(r.json.closedDates, ['2026-12-29', '2026-12-31']);
    const got = await h.call('GET', `/v1/departments/${r.json.id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.json, r.json);
  });

  it('stores a time zone in its canonical spelling, whatever case or alias is sent (feeds need its VTIMEZONE)', async () => {
    const r = await h.call('POST', '/v1/departments', {
      body: { name: 'tz', timezone: 'asia/tokyo' },
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.timezone, 'Asia/Tokyo');
    const patched = await h.call('PATCH', `/v1/departments/${r.json.id}`, {
      body: { timezone: 'US/Pacific' },
    });
    assert.equal(patched.json.timezone, 'America/Los_Angeles');
  });

  it('lists departments by name', async () => {
    const r = await h.call('GET', '/v1/departments');
    assert.equal(r.status, 200);
    const names = r.json.departments.map((d: { name: string }) => d.name);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.includes('情報政策課'));
  });

  it('updates only the fields given and records who did it', async () => {
    const created = await h.call('POST', '/v1/departments', { body: { name: '総務課' } });
    h.setNow('2026-11-25T01:00:00Z');
    const r = await h.call('PATCH', `/v1/departments/${created.json.id}`, {
      body: { closedDates: ['2026-12-28'], officeHours: { start: '09:00', end: '17:00' } },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.closedDates, ['2026-12-28']);
    assert.deepEqual(r.json.officeHours, { start: '09:00', end: '17:00' });
    assert.equal(r.json.name, '総務課');
    assert.equal(r.json.updatedAt, '2026-11-25T01:00:00.000Z');
    const audit = await h.call('GET', '/v1/audit?from=2026-11-25');
    const entry = audit.json.entries.find(
      (e: any) => e.action === 'department.update' && e.subject.id === created.json.id,
    );
    assert.deepEqual(entry.summary, { changed: ['closedDates', 'officeHours'] });
    assert.equal(entry.actor.role, 'admin');
  });

  const invalid: [string, unknown, string][] = [
    ['no name', {}, '/name'],
    ['an empty name', { name: '' }, '/name'],
    ['an unknown zone', { name: 'x', timezone: 'Mars/Olympus' }, '/timezone'],
    [
      'office hours that end before they start',
      { name: 'x', officeHours: { start: '17:00', end: '09:00' } },
      '/officeHours/end',
    ],
    [
      'a time that is not HH:MM',
      { name: 'x', officeHours: { start: '8:30', end: '17:00' } },
      '/officeHours/start',
    ],
    ['a weekday 8', { name: 'x', workdays: [1, 8] }, '/workdays/1'],
    ['an impossible closed date', { name: 'x', closedDates: ['2026-02-30'] }, '/closedDates/0'],
    ['an unknown holiday calendar', { name: 'x', holidays: 'us' }, '/holidays'],
    ['an unknown field', { name: 'x', colour: 'red' }, '/colour'],
  ];
  for (const [what, body, path] of invalid) {
    it(`refuses ${what} with 422 naming ${path}, and writes nothing`, async () => {
      const before = await h.rowCounts();
      const r = await h.call('POST', '/v1/departments', { body });
      assert.equal(r.status, 422);
      assert.equal(r.headers.get('content-type'), 'application/problem+json');
      assert.ok(
        r.json.errors.some((e: { path: string }) => e.path === path),
        JSON.stringify(r.json.errors),
      );
      assert.deepEqual(await h.rowCounts(), before);
    });
  }

  it('answers 404 problem+json for an unknown department', async () => {
    const r = await h.call('GET', '/v1/departments/nope');
    assert.equal(r.status, 404);
    assert.equal(r.json.type, 'urn:bunsan:problem:not-found');
  });
});
