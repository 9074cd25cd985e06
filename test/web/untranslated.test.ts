import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../../src/app/actor.ts';
import { harness, seedDepartment, seedPublishedRotation } from '../support/harness.ts';
import { englishIn } from '../support/english.ts';
import { webClient } from '../support/web-session.ts';

/** The text a person reads: no style, script or markup. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z#0-9]+;/g, ' ');

export { englishIn };

describe('Japanese pages say nothing in English', () => {
  it('finds an untranslated sentence when there is one (the check can fail)', () => {
    assert.deepEqual(englishIn('出勤日\nThis token is scoped to another department.\n3名'), [
      'This token is scoped to another department.',
    ]);
    assert.deepEqual(englishIn('Aチーム・Bチーム 2026年12月4日(金) CSV PC'), []);
    assert.deepEqual(englishIn('形式が正しくありません（is not a valid email）'), []);
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
      for (const e of englishIn(scrub(visible(html)))) found.push(`${where}: ${e}`);
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
    await chief.get(`/rotations/${rot.id}/overrides/new?date=2027-01-12`);
    for (const otherDate of ['2027-01-16', '2027-01-13'])
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
    assert.deepEqual(found, []);
    await h.close();
  });
});
