import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { before, after, describe, it } from 'node:test';
import { checkSlackSignature } from '../../src/app/chat/index.ts';
import {
  harness,
  seedDepartment,
  seedPublishedRotation,
  type Harness,
} from '../support/harness.ts';

// Slack's own example (api.slack.com/authentication/verifying-requests-from-slack).
const EXAMPLE = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  rawBody:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const at = (seconds: number) => new Date(seconds * 1000);

describe("Slack's request signature", () => {
  const check = (o: Partial<typeof EXAMPLE> & { now?: Date } = {}) =>
    checkSlackSignature({ ...EXAMPLE, now: at(Number(EXAMPLE.timestamp) + 60), ...o });

  it("accepts the example of Slack's documentation", async () => {
    assert.equal(await check(), 'ok');
  });
  it('accepts a request up to 5 minutes either side of now, and refuses it after', async () => {
    const ts = Number(EXAMPLE.timestamp);
    assert.equal(await check({ now: at(ts + 300) }), 'ok');
    assert.equal(await check({ now: at(ts - 300) }), 'ok');
    assert.equal(await check({ now: at(ts + 301) }), 'stale');
    assert.equal(await check({ now: at(ts - 301) }), 'stale');
  });
  it('refuses a wrong secret, a tampered body, a changed timestamp and a malformed signature', async () => {
    assert.equal(await check({ secret: '8f742231b10e8888abcd99yyyzzz85a6' }), 'mismatch');
    assert.equal(await check({ rawBody: EXAMPLE.rawBody.replace('text=', 'text=x') }), 'mismatch');
    assert.equal(await check({ timestamp: '1531420619' }), 'mismatch');
    assert.equal(await check({ signature: EXAMPLE.signature.toUpperCase() }), 'mismatch');
    assert.equal(await check({ signature: EXAMPLE.signature.slice(0, -2) }), 'mismatch');
    assert.equal(await check({ signature: 'v1=' + EXAMPLE.signature.slice(3) }), 'mismatch');
  });
  it('refuses a request without a signature or timestamp', async () => {
    assert.equal(await check({ signature: '' }), 'missing');
    assert.equal(await check({ timestamp: '' }), 'missing');
  });
});

const SECRET = 'test-signing-secret-0123456789abcdef';
const NOW = '2027-01-05T00:30:00.000Z'; // Tuesday 09:30 in Tokyo

describe('the /bunsan slash command', () => {
  let h: Harness;
  let rot: any;
  let members: { id: string; name: string; email: string }[];
  let schedule: { date: string; officeTeamId: string | null }[];

  /** A request as Slack signs it, at the harness's now unless told. */
  async function command(
    userId: string,
    text: string,
    opts: { secret?: string; timestamp?: number; tamper?: boolean } = {},
  ) {
    const ts = String(opts.timestamp ?? Math.floor(h.deps.now().getTime() / 1000));
    const body = new URLSearchParams({
      token: 'legacy',
      team_id: 'T0',
      user_id: userId,
      command: '/bunsan',
      text,
      response_url: 'https://hooks.slack.com/commands/T0/1/x',
    }).toString();
    const mac = createHmac('sha256', opts.secret ?? SECRET)
      .update(`v0:${ts}:${body}`)
      .digest('hex');
    return h.call('POST', '/slack/commands', {
      token: null,
      body: opts.tamper ? body.replace('text=', 'text=x') : body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': `v0=${mac}`,
      },
    });
  }
  const teamOf = (date: string) => rot.teams.find((t: any) => t.id === officeOn(date));
  const officeOn = (date: string) => schedule.find((d) => d.date === date)!.officeTeamId;
  const nameOf = (id: string) => members.find((m) => m.id === id)!.name;

  before(async () => {
    h = await harness({ now: '2026-11-24T09:00:00Z' });
    h.deps.slackSigningSecret = SECRET;
    const dept = (await seedDepartment(h)).department;
    rot = await seedPublishedRotation(h, dept.id);
    members = (await h.call('GET', `/v1/departments/${dept.id}/members`)).json.members;
    schedule = (
      await h.call('GET', `/v1/rotations/${rot.id}/schedule?from=2027-01-04&to=2027-02-26`)
    ).json.days;
    for (const [i, m] of members.entries()) {
      const linked = await h.call('POST', `/v1/members/${m.id}/slack`, {
        body: { slackUserId: `U0SLACK${i}` },
      });
      assert.equal(linked.status, 200, linked.text);
      assert.equal(linked.json.slackUserId, `U0SLACK${i}`);
    }
    h.setNow(NOW);
  });
  after(() => h.close());

  it("answers 今日 with today's office team and who is in it, ephemerally", async () => {
    const r = await command('U0SLACK0', '今日');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.response_type, 'ephemeral');
    const team = teamOf('2027-01-05');
    const lines = r.json.text.split('\n');
    assert.equal(lines[0], '*情報政策課* 2027年1月5日(火) の出勤');
    const [label, names] = lines[1].split(': ');
    assert.equal(label, `${team.label}チーム`);
    assert.deepEqual(names.split('、').sort(), team.memberIds.map(nameOf).sort());
    assert.equal(lines.length, 2, 'one office team today');
    for (const id of team.memberIds) assert.ok(r.json.text.includes(nameOf(id)));
    const others = members.filter((m) => !team.memberIds.includes(m.id));
    for (const m of others) assert.ok(!r.json.text.includes(m.name), `${m.name} is not in`);
  });

  it("answers 予定 with the caller's next office days, as their schedule has them", async () => {
    const me = members[0]!;
    const r = await command('U0SLACK0', '予定');
    const days = (
      await h.call('GET', `/v1/members/${me.id}/schedule?from=2027-01-05&to=2027-03-06`)
    ).json.days.filter((d: any) => d.kind === 'office');
    assert.ok(days.length >= 5);
    const lines = r.json.text.split('\n');
    assert.equal(lines[0], `*${me.name}* さんの予定（情報政策課）`);
    assert.equal(lines[1], '次の出勤日:');
    const listed = lines.slice(2).map((l: string) => /(\d+)年(\d+)月(\d+)日/.exec(l)!.slice(1));
    assert.deepEqual(
      listed.map(([y, m, d]: string[]) => `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`),
      days.slice(0, 5).map((d: any) => d.date),
    );
  });

  it('tells standby and until when, never why, and leaves the person out of 今日', async () => {
    const team = teamOf('2027-01-05');
    const who = team.memberIds[0];
    const i = members.findIndex((m) => m.id === who);
    h.setNow('2026-11-24T09:00:00Z');
    const q = await h.call('POST', '/v1/quarantines', {
      body: {
        memberId: who,
        startDate: '2027-01-05',
        endDate: '2027-01-12',
        reason: '陽性 SECRET',
      },
    });
    assert.equal(q.status, 201, q.text);
    h.setNow(NOW);
    const mine = await command(`U0SLACK${i}`, '予定');
    assert.match(mine.json.text, /自宅待機: 2027年1月12日\(火\)まで/);
    const today = await command('U0SLACK0', '今日');
    assert.ok(!today.json.text.includes(nameOf(who)), today.json.text);
    for (const r of [mine, today]) assert.ok(!/陽性|SECRET/.test(r.json.text));
    await h.call('POST', `/v1/quarantines/${q.json.id}/lift`, { body: { date: '2027-01-05' } });
  });

  it('says when today is no working day, and when no schedule is published for it', async () => {
    h.setNow('2027-01-09T01:00:00Z'); // Saturday
    assert.equal(
      (await command('U0SLACK0', '今日')).json.text,
      '2027年1月9日(土) は出勤日ではありません（休日）。',
    );
    h.setNow('2027-03-01T01:00:00Z'); // a Monday after the rotation
    assert.equal(
      (await command('U0SLACK0', 'today')).json.text,
      '2027年3月1日(月) の勤務予定はまだ公開されていません。',
    );
    h.setNow(NOW);
  });

  it('answers in English for an English department', async () => {
    const me = members[0]!;
    const dept = (await h.call('GET', `/v1/members/${me.id}`)).json.departmentId;
    await h.call('PATCH', `/v1/departments/${dept}`, { body: { language: 'en' } });
    try {
      const today = (await command('U0SLACK0', 'today')).json.text.split('\n');
      assert.equal(today[0], '*情報政策課* in the office on Tue 5 Jan 2027');
      assert.match(today[1], new RegExp(`^Team ${teamOf('2027-01-05').label}: `));
      const mine = (await command('U0SLACK0', 'schedule')).json.text.split('\n');
      assert.equal(mine[0], `*${me.name}*'s days (情報政策課)`);
      assert.equal(mine[1], 'Next office days:');
    } finally {
      await h.call('PATCH', `/v1/departments/${dept}`, { body: { language: 'ja' } });
    }
  });

  it('answers help, an empty text and an unknown word with the help, in the department language', async () => {
    for (const text of ['help', '', 'なにか']) {
      const r = await command('U0SLACK1', text);
      assert.match(r.json.text, /`\/bunsan 今日`/);
      assert.match(r.json.text, /`\/bunsan 予定`/);
    }
    assert.match(
      (await command('U0SLACK1', 'なにか')).json.text,
      /^「なにか」は分かりませんでした。/,
    );
  });

  it('explains to a Slack user bunsan does not know, in Japanese and English', async () => {
    const r = await command('U0NOBODY', '予定');
    assert.equal(r.status, 200);
    assert.match(r.json.text, /登録されていません/);
    assert.match(r.json.text, /not linked to bunsan/);
  });

  it('refuses a stale timestamp, a wrong secret, a tampered body and no signature with 401 problem+json', async () => {
    const now = Math.floor(h.deps.now().getTime() / 1000);
    for (const r of [
      await command('U0SLACK0', '今日', { timestamp: now - 301 }),
      await command('U0SLACK0', '今日', { secret: 'another-secret' }),
      await command('U0SLACK0', '今日', { tamper: true }),
      await h.call('POST', '/slack/commands', {
        token: null,
        body: 'user_id=U0SLACK0&text=今日',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    ]) {
      assert.equal(r.status, 401);
      assert.equal(r.headers.get('content-type'), 'application/problem+json');
      assert.ok(!r.text.includes(members[0]!.name));
    }
  });

  it('refuses a body larger than any Slack command with 413, before reading it as one', async () => {
    const r = await h.call('POST', '/slack/commands', {
      token: null,
      body: `text=${'x'.repeat(20_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.status, 413);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
  });

  it('links a Slack ID to one member only, and refuses a malformed one naming the field', async () => {
    const taken = await h.call('POST', `/v1/members/${members[1]!.id}/slack`, {
      body: { slackUserId: 'U0SLACK0' },
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.json.errors[0].path, '/slackUserId');
    const bad = await h.call('POST', `/v1/members/${members[1]!.id}/slack`, {
      body: { slackUserId: 'not an id' },
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].path, '/slackUserId');
  });
});
