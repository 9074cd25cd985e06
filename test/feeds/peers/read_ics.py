"""Reads an .ics file with Python's icalendar or vobject (Debian packages) and prints, as JSON,
each event's UID, SEQUENCE, SUMMARY and start/end as UTC instants (or dates for all-day events).
Usage: /usr/bin/python3 read_ics.py icalendar|vobject FILE"""
import datetime
import json
import sys


def instant(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise SystemExit('floating time: %r' % value)
        return value.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    return value.isoformat()


def with_icalendar(text):
    import icalendar
    cal = icalendar.Calendar.from_ical(text)
    out = {'name': str(cal.get('X-WR-CALNAME')), 'events': []}
    for ev in cal.walk('VEVENT'):
        out['events'].append({
            'uid': str(ev.get('UID')),
            'sequence': int(ev.get('SEQUENCE')),
            'summary': str(ev.get('SUMMARY')),
            'start': instant(ev.decoded('DTSTART')),
            'end': instant(ev.decoded('DTEND')),
        })
    return out


def with_vobject(text):
    import vobject
    cal = vobject.readOne(text, validate=True)
    out = {'name': cal.contents['x-wr-calname'][0].value, 'events': []}
    for ev in cal.contents.get('vevent', []):
        ev.validate(raiseException=True)
        out['events'].append({
            'uid': ev.uid.value,
            'sequence': int(ev.sequence.value),
            'summary': ev.summary.value,
            'start': instant(ev.dtstart.value),
            'end': instant(ev.dtend.value),
        })
    return out


if __name__ == '__main__':
    which, path = sys.argv[1], sys.argv[2]
    with open(path, 'rb') as f:
        data = f.read()
    text = data.decode('utf-8')
    result = with_icalendar(data) if which == 'icalendar' else with_vobject(text)
    json.dump(result, sys.stdout, ensure_ascii=False)
