import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

// Independent parsers as peers: each reads every golden feed, and the instants it reads must be the
// department's office hours in JST (08:30–17:15 = 23:30Z the day before – 08:15Z).
const FILES = ['member.ics', 'member-remote.ics', 'team.ics', 'department.ics'];
const path = (name: string) => fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const PY = '/usr/bin/python3';
const PEER = fileURLToPath(new URL('./peers/read_ics.py', import.meta.url));

interface Seen {
  uid: string;
  sequence: number;
  summary: string;
  start: string;
  end: string;
}

const jstOfficeHours = (e: Seen) => {
  const date = e.uid.slice(0, 10);
  const dayBefore = new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000)
    .toISOString()
    .slice(0, 10);
  assert.equal(e.start, `${dayBefore}T23:30:00Z`, `${e.uid} starts at 08:30 JST`);
  assert.equal(e.end, `${date}T08:15:00Z`, `${e.uid} ends at 17:15 JST`);
};

/** What our own reading of the file says (UID, SEQUENCE, SUMMARY), to compare the peers with. */
function expected(name: string): Omit<Seen, 'start' | 'end'>[] {
  return readFileSync(path(name), 'utf8')
    .replace(/\r\n[ \t]/g, '')
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((ev) => ({
      uid: /\r\nUID:(.*)\r\n/.exec(ev)![1]!,
      sequence: Number(/\r\nSEQUENCE:(\d+)/.exec(ev)![1]),
      summary: /\r\nSUMMARY:(.*)\r\n/.exec(ev)![1]!,
    }));
}

const iso = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z');

for (const name of FILES) {
  describe(`${name} read by independent parsers`, () => {
    const want = expected(name);
    it('has events to read', () => assert.ok(want.length > 10));

    it('ical.js reads every event at the JST office hours', () => {
      const comp = new ICAL.Component(ICAL.parse(readFileSync(path(name), 'utf8')));
      for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const seen: Seen[] = comp.getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return {
          uid: e.uid,
          sequence: e.sequence,
          summary: e.summary,
          start: iso(e.startDate.toJSDate()),
          end: iso(e.endDate.toJSDate()),
        };
      });
      assert.deepEqual(
        seen.map(({ start: _s, end: _e, ...rest }) => rest),
        want,
      );
      seen.forEach(jstOfficeHours);
      assert.equal(comp.getFirstPropertyValue('x-wr-calname'), comp.getFirstPropertyValue('name'));
    });

    it('node-ical reads every event at the JST office hours', () => {
      const data = nodeIcal.sync.parseICS(readFileSync(path(name), 'utf8'));
      const seen = Object.values(data)
        .filter((c: any) => c.type === 'VEVENT')
        .map((e: any) => ({
          uid: e.uid,
          sequence: Number(e.sequence),
          summary: e.summary,
          start: iso(e.start),
          end: iso(e.end),
        }));
      assert.deepEqual(
        seen.map(({ start: _s, end: _e, ...rest }) => rest),
        want,
      );
      seen.forEach(jstOfficeHours);
    });

    for (const peer of ['icalendar', 'vobject']) {
      it(`Python ${peer} (Debian) reads every event at the JST office hours`, () => {
        const out = JSON.parse(
          execFileSync(PY, [PEER, peer, path(name)], { encoding: 'utf8' }),
        ) as { name: string; events: Seen[] };
        assert.deepEqual(
          out.events.map(({ start: _s, end: _e, ...rest }) => rest),
          want,
        );
        out.events.forEach(jstOfficeHours);
        assert.ok(out.name.length > 0);
      });
    }
  });
}
