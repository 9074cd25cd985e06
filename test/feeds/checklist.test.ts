import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { eventsOf, lintIcs, unfold } from '../support/ics-lint.ts';
import { feedScenario, type FeedScenario } from '../support/feed-scenario.ts';

// FEEDS.md, item by item (numbers in the test names).
describe('FEEDS.md checklist', () => {
  let s: FeedScenario;
  let member: { id: string; token: string; url: string; webcalUrl: string; googleUrl: string };
  before(async () => {
    s = await feedScenario();
    member = await s.feed('member', s.memberId);
  });
  after(() => s.h.close());

  it('1. one UID per (subject, day), stable across renders and unique within the feed, never a random default', async () => {
    const a = eventsOf((await s.get(member.token, '?include=remote')).body);
    const b = eventsOf((await s.get(member.token, '?include=remote')).body);
    assert.deepEqual(
      a.map((e) => e.UID),
      b.map((e) => e.UID),
    );
    assert.equal(new Set(a.map((e) => e.UID)).size, a.length);
    for (const e of a)
      assert.match(e.UID!, new RegExp(`^\\d{4}-\\d{2}-\\d{2}\\.member\\.${s.memberId}@bunsan$`));
    const dept = eventsOf((await s.get((await s.feed('department', s.department.id)).token)).body);
    assert.ok(
      dept.every((e) => !a.some((x) => x.UID === e.UID)),
      'subjects never share a UID',
    );
  });

  it('2. SEQUENCE starts at 0', async () => {
    for (const e of eventsOf((await s.get(member.token)).body)) assert.equal(e.SEQUENCE, '0');
  });

  it('3. DTSTAMP and LAST-MODIFIED are UTC and come from the change time, not now', async () => {
    s.h.setNow('2026-11-24T03:00:00Z');
    const body = (await s.get(member.token)).body;
    for (const e of eventsOf(body)) {
      assert.equal(e.DTSTAMP, '20261124T000000Z');
      assert.equal(e['LAST-MODIFIED'], '20261124T000000Z');
    }
    assert.ok(!/DTSTAMP:[^\r]*[^Z]\r\n/.test(body));
    s.h.setNow('2026-11-24T00:00:00Z');
  });

  it('5. the window runs from 30 days back to the end of the rotation', async () => {
    const h2 = await feedScenario();
    h2.h.setNow('2027-01-15T00:00:00Z');
    const f = await h2.feed('department', h2.department.id);
    const dates = eventsOf((await h2.get(f.token)).body).map((e) => e.UID!.slice(0, 10));
    assert.equal(dates[0], '2026-12-16', 'today − 30 days is a Wednesday and a working day');
    assert.ok(
      dates.every((d) => d >= '2026-12-16' && d <= '2027-01-29'),
      `${dates[0]} … ${dates.at(-1)}`,
    );
    assert.equal(dates.at(-1), '2027-01-29');
    await h2.h.close();
  });

  it('6. all-day events (a department choice): DTSTART and DTEND VALUE=DATE, DTEND the next day', async () => {
    const allDay = await feedScenario({ feedAllDay: true });
    const f = await allDay.feed('member', allDay.memberId);
    const body = (await allDay.get(f.token)).body;
    const evs = eventsOf(body);
    assert.ok(evs.length > 10);
    for (const e of evs) {
      assert.match(e.DTSTART!, /^;VALUE=DATE:\d{8}$/);
      assert.match(e.DTEND!, /^;VALUE=DATE:\d{8}$/);
    }
    assert.deepEqual(lintIcs(body), []);
    await allDay.h.close();
  });

  it('8. timed events carry TZID with a VTIMEZONE for it; no floating times', async () => {
    const body = (await s.get(member.token)).body;
    const evs = eventsOf(body);
    for (const e of evs) assert.match(e.DTSTART!, /^;TZID=Asia\/Tokyo:\d{8}T\d{6}$/);
    assert.ok(unfold(body).includes('TZID:Asia/Tokyo'));
    assert.deepEqual(lintIcs(body), []);
  });

  it('8b. Outlook marks remote days busy: remote days say X-MICROSOFT-CDO-BUSYSTATUS:FREE, office and standby days BUSY', async () => {
    const s = await feedScenario();
    const [, B] = s.rotation.teams;
    const q = await s.h.call('POST', '/v1/quarantines', {
      body: { teamId: B.id, startDate: '2026-12-07' },
    });
    assert.equal(q.status, 201, q.text);
    const f = await s.feed('member', B.memberIds[0]);
    const evs = eventsOf((await s.get(f.token, '?include=remote')).body);
    const kinds = new Map<string, Set<string>>();
    for (const e of evs) {
      const kind = e.SUMMARY!.startsWith('出勤') ? 'office' : e.SUMMARY!;
      const seen = `${e.TRANSP} ${e['X-MICROSOFT-CDO-BUSYSTATUS']}`;
      kinds.set(kind, (kinds.get(kind) ?? new Set()).add(seen));
    }
    assert.deepEqual(Object.fromEntries([...kinds].map(([k, v]) => [k, [...v]])), {
      office: ['OPAQUE BUSY'],
      在宅勤務: ['TRANSPARENT FREE'],
      自宅待機: ['OPAQUE BUSY'],
    });
    await s.h.close();
  });

  it('9–10. calendar properties once each, no METHOD, refresh hints of one hour', async () => {
    const lines = unfold((await s.get(member.token)).body);
    for (const p of [
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      'X-WR-TIMEZONE:Asia/Tokyo',
    ]) {
      assert.equal(lines.filter((l) => l === p).length, 1, p);
    }
    for (const p of ['PRODID:', 'NAME:', 'X-WR-CALNAME:'])
      assert.equal(lines.filter((l) => l.startsWith(p)).length, 1, p);
    assert.ok(!lines.some((l) => l.startsWith('METHOD')));
  });

  it('11. every text value is escaped, the calendar name too: a name with , ; \\ round-trips', async () => {
    const odd = await feedScenario({ departmentName: 'A, 東京; office\\days' });
    const f = await odd.feed('department', odd.department.id);
    const body = (await odd.get(f.token)).body;
    assert.ok(unfold(body).includes('NAME:A\\, 東京\\; office\\\\days 出勤表'));
    // ical.js leaves properties it does not know (NAME, X-WR-*) escaped; the Python peers unescape them.
    const dir = mkdtempSync(join(tmpdir(), 'bunsan-ics-'));
    writeFileSync(join(dir, 'odd.ics'), body);
    const py = `import icalendar, vobject, json, sys
raw = open(sys.argv[1], 'rb').read()
c = icalendar.Calendar.from_ical(raw)
v = vobject.readOne(raw.decode('utf-8'))
print(json.dumps([str(c.get('NAME')), str(c.get('X-WR-CALNAME')), v.contents['name'][0].value, v.contents['x-wr-calname'][0].value], ensure_ascii=False))`;
    const names = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', py, join(dir, 'odd.ics')], { encoding: 'utf8' }),
    );
    assert.deepEqual(names, Array(4).fill('A, 東京; office\\days 出勤表'));
    rmSync(dir, { recursive: true, force: true });
    await odd.h.close();
  });

  it('12–13. CRLF everywhere (after END:VCALENDAR too); lines folded at ≤ 75 octets, never inside a UTF-8 character', async () => {
    const long = await feedScenario({ departmentName: '情報政策課'.repeat(12) });
    const f = await long.feed('member', long.memberId);
    const body = (await long.get(f.token)).body;
    assert.ok(body.endsWith('END:VCALENDAR\r\n'));
    assert.ok(
      body.split('\r\n').some((l) => l.startsWith(' ')),
      'the long name was folded',
    );
    assert.deepEqual(lintIcs(body), []);
    await long.h.close();
  });

  it('14. text/calendar; charset=utf-8, no BOM, the same answer whatever Accept says', async () => {
    const plain = await s.get(member.token);
    const html = await s.get(member.token, '', { accept: 'text/html' });
    assert.equal(plain.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.ok(!plain.body.startsWith('\uFEFF'));
    assert.equal(html.body, plain.body);
    assert.equal(html.headers.get('content-type'), plain.headers.get('content-type'));
  });

  it('15. strong ETag and Last-Modified, 304 on If-None-Match and on If-Modified-Since, Cache-Control private', async () => {
    const r = await s.get(member.token);
    const etag = r.headers.get('etag')!;
    assert.match(etag, /^"[0-9a-f]{32}"$/);
    assert.match(r.headers.get('cache-control')!, /private/);
    const lm = r.headers.get('last-modified')!;
    assert.equal((await s.get(member.token, '', { 'if-none-match': etag })).status, 304);
    assert.equal((await s.get(member.token, '', { 'if-modified-since': lm })).status, 304);
    assert.equal((await s.get(member.token, '', { 'if-none-match': '"other"' })).status, 200);
    assert.equal(
      (await s.get(member.token, '', { 'if-modified-since': 'Mon, 23 Nov 2026 00:00:00 GMT' }))
        .status,
      200,
    );
    // A change within the same second as the last one still reaches a client that sends If-Modified-Since only.
    s.h.setNow(new Date(Date.parse(lm) + 800).toISOString());
    const renamed = await s.h.call('PATCH', `/v1/members/${s.memberId}`, {
      body: { name: '改名 太郎' },
    });
    assert.equal(renamed.status, 200, renamed.text);
    const fresh = await s.get(member.token, '', { 'if-modified-since': lm });
    assert.equal(fresh.status, 200, 'changed, though within the second of Last-Modified');
    assert.ok(Date.parse(fresh.headers.get('last-modified')!) > Date.parse(lm));
    assert.equal(
      (await s.get(member.token, '', { 'if-modified-since': fresh.headers.get('last-modified')! }))
        .status,
      304,
    );
  });

  it('16. 200 at the URL, no redirect, and three links: webcal://, https and Google’s add-by-URL', async () => {
    assert.equal(member.url, `http://localhost:8787/feeds/${member.token}.ics`);
    assert.equal(member.webcalUrl, `webcal://localhost:8787/feeds/${member.token}.ics`);
    assert.equal(
      member.googleUrl,
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(member.webcalUrl)}`,
    );
    assert.equal((await s.get(member.token)).status, 200);
  });

  it('17. tokens of at least 128 bits; unknown and revoked tokens get 404', async () => {
    assert.match(member.token, /^bsf_[A-Za-z0-9_-]{43}$/);
    const f = await s.feed('member', s.memberId);
    assert.equal((await s.get(f.token)).status, 200);
    assert.equal((await s.h.call('DELETE', `/v1/feeds/${f.id}`)).status, 200);
    assert.equal((await s.get(f.token)).status, 404);
    assert.equal((await s.get('bsf_unknown')).status, 404);
  });

  it('18. an empty feed is still a valid calendar with its VTIMEZONE', async () => {
    const draftTeam = await s.h.call('POST', `/v1/departments/${s.department.id}/rotations`, {
      body: {
        startDate: '2027-03-01',
        endDate: '2027-03-31',
        teamCount: 2,
        pattern: { kind: 'daily' },
      },
    });
    const f = await s.feed('team', draftTeam.json.teams[0].id);
    const body = (await s.get(f.token)).body;
    assert.equal(eventsOf(body).length, 0, 'a draft feeds nothing');
    assert.ok(body.includes('BEGIN:VTIMEZONE'));
    assert.deepEqual(lintIcs(body), []);
    new ICAL.Component(ICAL.parse(body));
  });

  it('19. no office day on Japanese holidays (元日, 成人の日) or closed dates', async () => {
    const d = await s.feed('department', s.department.id);
    const dates = eventsOf((await s.get(d.token)).body).map((e) => e.UID!.slice(0, 10));
    for (const off of [
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-11',
      '2026-12-05',
    ])
      assert.ok(!dates.includes(off), off);
  });

  it('summaries speak the department’s language (en) and never give a reason', async () => {
    const en = await feedScenario({ language: 'en' });
    const f = await en.feed('member', en.memberId);
    const evs = eventsOf((await en.get(f.token, '?include=remote')).body);
    assert.deepEqual([...new Set(evs.map((e) => e.SUMMARY))].sort(), [
      'Office day (Team A)',
      'Remote',
    ]);
    const remote = evs.find((e) => e.SUMMARY === 'Remote')!;
    assert.equal(remote.TRANSP, 'TRANSPARENT');
    await en.h.close();
  });
});

describe('feed transport', () => {
  it('serves the same bytes gzipped to clients that accept it, under its own strong ETag, with Vary', async () => {
    const s = await feedScenario();
    const f = await s.feed('member', s.memberId);
    const plain = await s.h.app.request(`/feeds/${f.token}.ics`);
    const zipped = await s.h.app.request(`/feeds/${f.token}.ics`, {
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
    const text = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8');
    assert.equal(text, await plain.text());
    assert.notEqual(zipped.headers.get('etag'), plain.headers.get('etag'));
    const again = await s.h.app.request(`/feeds/${f.token}.ics`, {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
    // A client that refuses gzip (q=0), or names only other codings, gets the plain bytes.
    for (const header of ['gzip;q=0', 'gzip; q=0.0, identity', 'br', '*;q=0']) {
      const r = await s.h.app.request(`/feeds/${f.token}.ics`, {
        headers: { 'accept-encoding': header },
      });
      assert.equal(r.headers.get('content-encoding'), null, header);
    }
    for (const header of ['*', 'deflate, gzip;q=0.5', 'x-gzip']) {
      const r = await s.h.app.request(`/feeds/${f.token}.ics`, {
        headers: { 'accept-encoding': header },
      });
      assert.equal(r.headers.get('content-encoding'), 'gzip', header);
    }
    await s.h.close();
  });
});
