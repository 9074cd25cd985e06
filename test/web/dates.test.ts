import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Day,
  countAside,
  countText,
  dayText,
  hoursText,
  instantText,
  listDayText,
  listSpanText,
  monthText,
  spanText,
} from '../../src/web/shared/dates.tsx';
import { humanHours } from '../../src/notify/templates.ts';

// How the pages write dates, times and counts: Japanese the way Japanese offices write them,
// English the way English reads. Each row is the rule it states.
describe('dates, times and counts on the pages', () => {
  it('a date standing alone carries its year and weekday', () => {
    assert.equal(dayText('ja', '2026-12-04'), '2026年12月4日(金)');
    assert.equal(dayText('en', '2026-12-04'), 'Fri 4 Dec 2026');
    assert.equal(
      spanText('ja', '2026-11-25', '2026-12-08'),
      '2026年11月25日(水)〜2026年12月8日(火)',
    );
    assert.equal(dayText('ja', 'someday'), 'someday', 'what is no date is shown as given');
  });

  for (const row of [
    {
      name: 'a date in the year of today drops the year',
      iso: '2026-12-04',
      asOf: '2026-11-24',
      ja: '12月4日(金)',
      en: 'Fri 4 Dec',
    },
    {
      name: 'a date in the next year keeps it, across the year end',
      iso: '2027-01-05',
      asOf: '2026-12-28',
      ja: '2027年1月5日(火)',
      en: 'Tue 5 Jan 2027',
    },
    {
      name: 'a date in the last year keeps it too',
      iso: '2026-12-28',
      asOf: '2027-01-05',
      ja: '2026年12月28日(月)',
      en: 'Mon 28 Dec 2026',
    },
    {
      name: 'New Year’s Eve read on New Year’s Eve drops it',
      iso: '2026-12-31',
      asOf: '2026-12-31',
      ja: '12月31日(木)',
      en: 'Thu 31 Dec',
    },
  ])
    it(`in a list or a table, ${row.name}`, () => {
      assert.equal(listDayText('ja', row.iso, row.asOf), row.ja);
      assert.equal(listDayText('en', row.iso, row.asOf), row.en);
    });

  it('a span in a list that runs into the next year says the year only where it changes', () => {
    assert.equal(
      listSpanText('ja', '2026-12-28', '2027-01-08', '2026-12-01'),
      '12月28日(月)〜2027年1月8日(金)',
    );
  });

  it('<Day> keeps the ISO date for machines, whichever way it is written for people', () => {
    assert.equal(
      String(Day({ lang: 'ja', iso: '2027-01-05', asOf: '2027-01-01' })),
      '<time datetime="2027-01-05">1月5日(火)</time>',
    );
    assert.equal(
      String(Day({ lang: 'ja', iso: '2027-01-05' })),
      '<time datetime="2027-01-05">2027年1月5日(火)</time>',
    );
  });

  it('a month is 2026年12月, December 2026', () => {
    assert.equal(monthText('ja', '2026-12'), '2026年12月');
    assert.equal(monthText('en', '2027-01'), 'January 2027');
  });

  it('times have no leading zero: 8:30, and 18:00 stays as it is', () => {
    assert.equal(hoursText('ja', '08:30', '17:15'), '8:30〜17:15');
    assert.equal(hoursText('en', '08:30', '17:15'), '8:30–17:15');
    assert.equal(hoursText('ja', '00:05', '18:00'), '0:05〜18:00');
    assert.equal(humanHours('08:30', '17:15'), '8:30–17:15', 'the notices say it the same way');
    assert.equal(
      instantText('ja', '2026-11-23T23:05:00Z', 'Asia/Tokyo'),
      '2026年11月24日 8:05 JST',
    );
    assert.equal(
      instantText('ja', '2026-11-24T09:00:00Z', 'Asia/Tokyo'),
      '2026年11月24日 18:00 JST',
    );
    assert.equal(instantText('en', '2026-11-23T23:05:00Z', 'Asia/Tokyo'), '24 Nov 2026 8:05 GMT+9');
  });

  for (const row of [
    { what: 'people', n: 3, ja: '3名', en: '3 people' },
    { what: 'people', n: 1, ja: '1名', en: '1 person' },
    { what: 'people', n: 0, ja: '0名', en: '0 people' },
    { what: 'devices', n: 2, ja: '2台', en: '2 devices' },
    { what: 'seats', n: 1, ja: '1席', en: '1 seat' },
    { what: 'days', n: 5, ja: '5日', en: '5 days' },
    { what: 'days', n: 1, ja: '1日', en: '1 day' },
    { what: 'teams', n: 2, ja: '2チーム', en: '2 teams' },
    { what: 'times', n: 1, ja: '1回', en: 'once' },
  ] as const)
    it(`counts ${row.what} with their counter: ${row.n} is ${row.ja}, ${row.en}`, () => {
      assert.equal(countText('ja', row.what, row.n), row.ja);
      assert.equal(countText('en', row.what, row.n), row.en);
    });

  it('a count after a heading is bracketed the way each language brackets', () => {
    assert.equal(countAside('ja', 'people', 8), '（8名）');
    assert.equal(countAside('en', 'people', 1), ' (1 person)');
  });
});
