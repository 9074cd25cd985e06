import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Role } from '../../src/app/actor.ts';
import { harness, seedDepartment, seedPublishedRotation } from '../support/harness.ts';
import { englishIn } from '../support/english.ts';
import { webClient } from '../support/web-session.ts';
import text from '../../templates/web-text.json' with { type: 'json' };

const fixture = (name: string) =>
  new File([readFileSync(new URL(`../fixtures/${name}`, import.meta.url))], name);

/** The text a person reads: no style, script or markup. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z#0-9]+;/g, ' ');

export { englishIn };

/** The Japanese of a field error without a known code: a message left to its English, a bug. */
const UNWORDED = text.ja['issue.unknown'];

describe('Japanese pages say nothing in English', () => {
  it('finds an untranslated sentence when there is one (the check can fail)', () => {
    assert.deepEqual(englishIn('出勤日\nThis token is scoped to another department.\n3名'), [
      'This token is scoped to another department.',
    ]);
    assert.deepEqual(englishIn('Aチーム・Bチーム 2026年12月4日(金) CSV PC'), []);
    // The API's English after a Japanese lead counts too: a coded message says it all in Japanese.
    assert.deepEqual(englishIn('形式が正しくありません（must be one of daily, weekly）'), [
      'must be one of daily, weekly',
    ]);
  });

  it('every page of every role, and the states after a refused or previewed form', async () => {
    const h = await harness();
    const { department, members } = await seedDepartment(h);
    const rot = await seedPublishedRotation(h, department.id);
    const hrToken = (await h.tokenFor('hr')).token;
    const q = await h.call('POST', '/v1/quarantines', {
      token: hrToken,
      body: { teamId: rot.teams[1].id, startDate: '2027-01-11', reason: 'flu' },
    });
    assert.equal(q.status, 201, q.text);
    // People's names and e-mails are theirs, in whatever script they are written.
    const data = (await h.call('GET', `/v1/departments/${department.id}/members`)).json.members;
    const scrub = (text: string) =>
      data.reduce(
        (t: string, m: { name: string; email: string }) =>
          t.split(m.name).join(' ').split(m.email).join(' '),
        text,
      );
    const d = department.id;
    const walks: [Role, { departmentId?: string; memberId?: string }, string[]][] = [
      [
        'chief',
        { departmentId: d },
        [
          `/departments/${d}/board`,
          `/departments/${d}`,
          `/departments/${d}/members/new`,
          `/members/${members[1]!.id}`,
          `/departments/${d}/rotations/new`,
          `/rotations/${rot.id}`,
          `/rotations/${rot.id}/month?month=2027-01`,
          `/rotations/${rot.id}/overrides/new?date=2027-01-12`,
          `/rotations/${rot.id}/overrides`,
          `/departments/${d}/settings`,
          '/departments/00000000-0000-0000-0000-000000000000',
          '/quarantines',
        ],
      ],
      ['hr', {}, ['/quarantines', '/board', '/exposures', `/departments/${d}/board`, '/me']],
      ['staff', { memberId: members[2]!.id }, ['/me', '/me/slack', `/departments/${d}`]],
      [
        'admin',
        {},
        [
          '/departments',
          '/departments/new',
          '/admin/settings',
          '/admin/settings/sso',
          '/admin/notifications',
          '/admin/tokens',
          '/admin/audit',
          '/admin/outbox',
          '/admin/people',
        ],
      ],
    ];
    const found: string[] = [];
    const check = (where: string, html: string) => {
      const seen = scrub(visible(html));
      for (const e of englishIn(seen)) found.push(`${where}: ${e}`);
      if (seen.includes(UNWORDED)) found.push(`${where}: a message without a known code`);
    };
    const clients = new Map<Role, ReturnType<typeof webClient>>();
    for (const [role, scope, paths] of walks) {
      const c = webClient(h);
      await c.signIn((await h.tokenFor(role, scope)).token);
      clients.set(role, c);
      for (const p of paths) check(`${role} ${p}`, (await c.get(p)).html);
    }
    // States after a form: refused by its fields, refused by the rules, previewed.
    const chief = clients.get('chief')!;
    await chief.get(`/departments/${d}/members/new`);
    check(
      'a member without a name',
      (await chief.post(`/departments/${d}/members/new`, { name: '', email: 'x' })).html,
    );
    check(
      'a member with a bad e-mail and too long a name',
      (
        await chief.post(`/departments/${d}/members/new`, {
          name: '長'.repeat(201),
          email: 'not-an-email',
          slackUserId: 'nope',
        })
      ).html,
    );
    await chief.get(`/departments/${d}`);
    const taken = data[0].email;
    for (const [what, csv] of [
      ['a CSV roster with bad rows', fixture('roster-bad.csv')],
      ['a CSV roster with wrong columns', new File(['shoe,役職,役職\n27,課長,課長\n'], 'x.csv')],
      ['a CSV roster with a header only', new File(['氏名,メールアドレス\n'], 'x.csv')],
      [
        'a CSV roster in no known encoding',
        new File([new Uint8Array([0xff, 0xfe, 0x80])], 'x.csv'),
      ],
      ['a CSV roster that is not CSV', new File(['name,email\n"a,b@c.jp\n'], 'x.csv')],
      [
        'a CSV roster naming a member twice',
        new File([`name,email\nA,a@x.jp\nB,A@X.JP\n`], 'x.csv'),
      ],
      [
        'a CSV roster naming a member already there',
        new File([`name,email\nA,${taken}\n`], 'x.csv'),
      ],
    ] as const) {
      const res = await chief.post(`/departments/${d}/members`, { csv });
      assert.equal(res.status, 422, what);
      check(what, res.html);
    }
    check(
      'a roster sync with bad rows',
      (await chief.post(`/departments/${d}/roster`, { roster: fixture('roster-bad.csv') })).html,
    );
    await chief.get(`/departments/${d}/rotations/new`);
    for (const [what, dates] of [
      ['a rotation in the past, ending before it starts', ['2026-11-02', '2026-11-01']],
      ['a rotation too long', ['2027-01-04', '2029-01-04']],
    ] as const)
      check(
        what,
        (
          await chief.post(`/departments/${d}/rotations/new`, {
            name: '',
            startDate: dates[0],
            endDate: dates[1],
            teamCount: '2',
            pattern: 'daily',
            cycle: '',
            bufferDays: '0',
          })
        ).html,
      );
    await chief.get(`/rotations/${rot.id}`);
    for (const [what, version] of [
      ['a publish of a published rotation', String(rot.version)],
      ['a publish on a stale version', '99'],
    ] as const)
      check(what, (await chief.post(`/rotations/${rot.id}/publish`, { version })).html);
    for (const [what, effectiveDate] of [
      ['a move in the past', '2026-11-02'],
      ['a move outside the rotation', '2027-06-01'],
    ] as const)
      check(
        what,
        (
          await chief.post(`/rotations/${rot.id}/moves`, {
            version: String(rot.version),
            memberId: members[1]!.id,
            toTeamId: rot.teams[0].id,
            effectiveDate,
          })
        ).html,
      );
    await chief.get(`/rotations/${rot.id}/overrides/new?date=2027-01-12`);
    for (const otherDate of ['2027-01-16', '2027-01-13', '2027-01-12', '2026-11-02', '2027-06-01'])
      check(
        `an override with ${otherDate}`,
        (
          await chief.post(`/rotations/${rot.id}/overrides/preview`, {
            kind: 'swap',
            date: '2027-01-12',
            version: String(rot.version),
            otherDate,
          })
        ).html,
      );
    const hr = clients.get('hr')!;
    await hr.get('/quarantines');
    check(
      'a quarantine preview',
      (
        await hr.post('/quarantines/preview', {
          dept: d,
          q: '',
          subject: `team:${rot.teams[0].id}`,
          startDate: '2027-01-18',
          endDate: '',
          reason: '',
        })
      ).html,
    );
    check(
      'a quarantine without a start',
      (
        await hr.post('/quarantines/preview', {
          dept: d,
          q: '',
          subject: '',
          startDate: '',
          endDate: '',
          reason: '',
        })
      ).html,
    );
    await hr.get('/quarantines');
    check(
      'a quarantine ending before it starts',
      (
        await hr.post('/quarantines/preview', {
          dept: d,
          q: '',
          subject: `team:${rot.teams[0].id}`,
          startDate: '2027-01-18',
          endDate: '2027-01-11',
          reason: '',
        })
      ).html,
    );
    check(
      'a lift in the past',
      (await hr.post(`/quarantines/${q.json.id}/lift/preview`, { date: '2026-11-02' })).html,
    );
    check(
      'an exposure lookup backwards',
      (await hr.get(`/exposures/list?memberId=${members[1]!.id}&from=2027-01-10&to=2027-01-01`))
        .html,
    );
    const admin = clients.get('admin')!;
    await admin.get('/departments/new');
    const departmentForm = (over: Record<string, string>) => ({
      name: '危機管理課',
      timezone: 'Asia/Tokyo',
      officeStart: '09:00',
      officeEnd: '17:45',
      'workday-1': '1',
      holidays: 'jp',
      closedDates: '',
      language: 'ja',
      ...over,
    });
    for (const [what, over] of [
      ['a department without a name, in an unknown zone', { name: '', timezone: 'Mars/Olympus' }],
      ['a department ending before it starts', { officeEnd: '08:00' }],
      ['a department closed on no day', { closedDates: '12/29\r\n2026-02-30' }],
      ['a department without workdays', { 'workday-1': '' }],
    ] as const)
      check(what, (await admin.post('/departments/new', departmentForm(over))).html);
    await admin.get('/admin/tokens');
    check(
      'a chief token without a department',
      (await admin.post('/admin/tokens', { role: 'chief', label: '連携' })).html,
    );
    await admin.get('/admin/settings');
    check(
      'reservations beyond the organisation’s',
      (
        await admin.post('/admin/settings/capacity', {
          thinClientSeats: '1',
          loanPcs: '1',
          [`res-thin-${d}`]: '5',
          [`res-loan-${d}`]: '5',
        })
      ).html,
    );
    check(
      'a policy out of range',
      (await admin.post('/admin/settings/policy', { quarantineDays: '0' })).html,
    );
    await admin.get('/admin/notifications');
    for (const [what, url] of [
      ['a Slack webhook to a private host', 'https://127.0.0.1/hook'],
      ['a Slack webhook that is not a URL', 'hooks'],
    ] as const)
      check(what, (await admin.post(`/admin/notifications/${d}`, { [`webhook-${d}`]: url })).html);
    check(
      'a Teams webhook to another host',
      (
        await admin.post(`/admin/notifications/${d}/teams`, {
          [`teams-${d}`]: 'https://example.com/hook',
        })
      ).html,
    );
    assert.deepEqual(found, []);
    await h.close();
  });
});
