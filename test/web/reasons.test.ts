import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitTeams, type TeamReason } from '../../src/domain/split/index.ts';
import type { Language } from '../../src/domain/types.ts';
import { whyText } from '../../src/web/chief/why.ts';
import { fieldMessage } from '../../src/web/shared/i18n.ts';
import { departmentArb } from '../domain/support/departments.ts';
import { englishIn } from '../support/english.ts';
import { harness, seedDepartment } from '../support/harness.ts';
import { rotationForm } from '../support/rotation-form.ts';
import { webClient } from '../support/web-session.ts';

// Names as the app layer gives them (several joined by a comma), skills as the roster holds them.
const pair = { a: '山田 太郎', b: '佐藤 花子' };
const leaders = { chiefs: '山田 太郎', deputies: '佐藤 花子' };

/** Every code (and variant) of the split's and the plan's reasons, with sample params. */
const ISSUES: [code: string, params: Record<string, string | number>][] = [
  ['skill-shortage', { skill: 'network', holders: 1, usable: 1, teamCount: 3, min: 1, needed: 3 }],
  [
    'skill-shortage',
    { variant: 'bound', skill: 'network', holders: 4, usable: 2, teamCount: 3, min: 1, needed: 3 },
  ],
  ['seats-shortage', { maxTeamSize: 5, teamCount: 3, seats: 15, members: 17 }],
  ['group-too-large', { size: 7, maxTeamSize: 5, group: '山田 太郎, 佐藤 花子' }],
  ['too-few-members', { teamCount: 5, members: 3 }],
  ['too-few-units', { units: 2, teamCount: 3 }],
  ['together-separate-conflict', { ...pair, group: '山田 太郎, 佐藤 花子, 鈴木 健' }],
  ['together-leaders-conflict', { group: '山田 太郎, 佐藤 花子' }],
  ['needs-two-teams', { variant: 'separate', ...pair }],
  ['needs-two-teams', { variant: 'leaders', ...leaders }],
  ['separate-clique', { units: 3, teamCount: 2, names: '山田 太郎, 佐藤 花子, 鈴木 健' }],
  ['search-budget', { broken: 2 }],
  ['invalid-team-count', { teamCount: '0' }],
  ['duplicate-member', { names: '山田 太郎' }],
  ['unknown-member', { names: 'ghost' }],
  ...(['unsatisfiable', 'closest-split-unmet'] as const).flatMap(
    (code): [string, Record<string, string | number>][] => [
      [code, { variant: 'requiredSkill', skill: 'network', min: 1 }],
      [code, { variant: 'separate', ...pair }],
      [code, { variant: 'leaders', ...leaders }],
      [code, { variant: 'maxTeamSize', maxTeamSize: 5 }],
      [code, { variant: 'teamCount', teamCount: 3 }],
    ],
  ),
  ...['seed', 'maxTeamSize', 'requiredSkill', 'separate', 'together'].map(
    (variant): [string, Record<string, string | number>] => ['invalid-option', { variant }],
  ),
  ['invalid-option', { variant: 'separate-twice', a: '山田 太郎' }],
  ['invalid-buffer', { max: 366 }],
  ['outside-holiday-data', { firstYear: 1955, lastYear: 2027 }],
  ['unknown-team', { variant: 'cycle', team: 'C', teams: 'A, B' }],
];

/** Every code of a team's why list, with sample params and members. */
const WHY: TeamReason[] = [
  {
    code: 'skill-met',
    params: { skill: 'network', min: 1, holders: 1 },
    members: { names: ['a'] },
  },
  {
    code: 'skill-missed',
    params: { skill: 'network', min: 1, holders: 0 },
    members: { names: [] },
  },
  { code: 'apart', params: { team: 'B' }, members: { a: ['a'], b: ['b'] } },
  { code: 'apart', params: { team: '', variant: 'no-team' }, members: { a: ['a'], b: ['b'] } },
  { code: 'together', params: {}, members: { names: ['a', 'b'] } },
  { code: 'chiefs', params: {}, members: { names: ['a'] } },
  { code: 'deputies', params: {}, members: { names: ['b'] } },
  { code: 'remote', params: { size: 3, thinClient: 1, loanPc: 0 }, members: {} },
];
const names: Record<string, string> = { a: '山田 太郎', b: '佐藤 花子' };
const nameOf = (id: string) => names[id] ?? id;

/** English anywhere, in （） too: these templates are the reason itself, not a lead before a detail. */
const english = (text: string) => englishIn(text.replace(/（/g, '(').replace(/）/g, ')'));

const rendered = (lang: Language) => [
  ...ISSUES.map(([code, params]) => ({
    what: `${code} ${String(params.variant ?? '')}`,
    text: fieldMessage(lang, { message: 'the API English', code, params }),
  })),
  ...WHY.map((r) => ({
    what: `why ${r.code} ${String(r.params.variant ?? '')}`,
    text: whyText(lang, r, nameOf),
  })),
];

describe("the domain's reasons in the department's language", () => {
  it('renders every reason code with its params in Japanese: no placeholder left, no English', () => {
    const found = rendered('ja').flatMap(({ what, text }) => [
      ...(text.includes('{') ? [`${what}: a placeholder is left: ${text}`] : []),
      ...(text === 'the API English' ? [`${what}: no template`] : []),
      ...english(text).map((e) => `${what}: ${e}`),
    ]);
    assert.deepEqual(found, []);
  });

  it('renders every reason code with its params in English, each its own sentence', () => {
    const texts = rendered('en');
    for (const { what, text } of texts) {
      assert.ok(!text.includes('{'), `${what}: ${text}`);
      assert.notEqual(text, 'the API English', what);
    }
    assert.equal(new Set(texts.map((x) => x.text)).size, texts.length, 'no two say the same');
  });

  it('says every issue the split gives in Japanese with all its values, whatever the department', () => {
    fc.assert(
      fc.property(
        departmentArb({ minN: 1, maxN: 10, maxK: 4, maxPairs: 6, maxGroups: 3, maxSize: true }),
        ({ members, opts }) => {
          const r = splitTeams(members, opts);
          if (r.ok) return;
          for (const i of r.error.issues) {
            const params = { ...i.params };
            for (const [k, ids] of Object.entries(i.members))
              params[k] = ids.map((id) => `職員${id}`).join(', ');
            const text = fieldMessage('ja', { message: i.reason, code: i.code, params });
            assert.ok(!text.includes('{') && text !== i.reason, `${i.code}: ${text}`);
            assert.deepEqual(english(text), [], `${i.code}: ${text}`);
          }
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });

  it('says the specifics: which skill, how many needed and held, which members', () => {
    assert.equal(
      fieldMessage('ja', {
        message: 'skill `network`: 1 holder for 3 teams (needs 1 per team)',
        code: 'skill-shortage',
        params: ISSUES[0]![1],
      }),
      'スキル「network」の保有者が足りません：3チームに1名ずつ、計3名必要ですが、保有者は1名です',
    );
    assert.equal(
      fieldMessage('ja', { message: '', code: 'needs-two-teams', params: ISSUES[8]![1] }),
      '山田 太郎と佐藤 花子を別チームにするには、チームが2つ以上必要です',
    );
    assert.deepEqual(
      WHY.slice(0, 2).map((r) => whyText('ja', r, nameOf)),
      [
        'スキル「network」（1名以上）を満たしています：山田 太郎',
        'スキル「network」（1名以上）を満たしていません：該当者なし',
      ],
    );
    assert.equal(
      whyText('ja', WHY[4]!, nameOf),
      '山田 太郎、佐藤 花子を同じチームに',
      'names joined the Japanese way',
    );
  });
});

describe('people named in a refusal', () => {
  it('are listed with 、 in Japanese and with commas in English', () => {
    const e = {
      message: 'duplicate',
      code: 'duplicate-member',
      params: { names: '山田 太郎, 佐藤 花子' },
    };
    assert.match(fieldMessage('ja', e), /山田 太郎、佐藤 花子/);
    assert.match(fieldMessage('en', e), /山田 太郎, 佐藤 花子/);
  });
});

describe('pages show the reasons in Japanese', () => {
  it("a rotation's report says why each team looks as it does, and a refused form what is unmet", async () => {
    const h = await harness();
    const { department, members } = await seedDepartment(h);
    const d = department.id as string;
    const chief = webClient(h);
    await chief.signIn((await h.tokenFor('chief', { departmentId: d })).token);
    await chief.get(`/departments/${d}/rotations/new`);

    // Three members, two teams: network is held by the chief alone, so two per team cannot be.
    const shortage = await chief.post(
      `/departments/${d}/rotations/new`,
      rotationForm({ skillMin0: '1' }),
    );
    assert.equal(shortage.status, 422);
    assert.match(
      shortage.html,
      /スキル「network」の保有者が足りません：2チームに1名ずつ、計2名必要ですが、保有者は1名です/,
    );
    const tooMany = await chief.post(
      `/departments/${d}/rotations/new`,
      rotationForm({ teamCount: '5' }),
    );
    assert.equal(tooMany.status, 422);
    assert.match(tooMany.html, /5チームに分けるには職員が足りません（職員は3名。/);
    const apart = await chief.post(
      `/departments/${d}/rotations/new`,
      rotationForm({ teamCount: '1', sepA0: members[1]!.id, sepB0: members[2]!.id }),
    );
    assert.equal(apart.status, 422);
    assert.match(
      apart.html,
      /(佐藤 花子とSuzuki Ken|Suzuki Kenと佐藤 花子)を別チームにするには、チームが2つ以上必要です/,
    );
    assert.match(
      apart.html,
      /課長（山田 太郎）と課長補佐（佐藤 花子）を別チームにするには、チームが2つ以上必要です/,
    );

    const cycle = await chief.post(
      `/departments/${d}/rotations/new`,
      rotationForm({ pattern: 'cycle', cycle: 'A,C' }),
    );
    assert.equal(cycle.status, 422);
    assert.match(
      cycle.html,
      /サイクルの「C」はこのローテーションのチームにありません（チームは A, B）/,
    );
    // Every reason by a field or in the summary's list is Japanese, in （） too.
    for (const page of [shortage, tooMany, apart, cycle]) {
      const reasons = [
        ...page.html.matchAll(/<p class="error" id="[^"]+">([^<]*)<|<li>([^<]*)<\/li>/g),
      ].map((m) => (m[1] ?? m[2])!.replace(/Suzuki Ken/g, ' '));
      assert.ok(reasons.length > 0);
      assert.deepEqual(
        reasons.flatMap((r) => englishIn(r.replace(/（/g, '(').replace(/）/g, ')'))),
        [],
      );
    }

    const made = await chief.post(
      `/departments/${d}/rotations/new`,
      rotationForm({ skillMin1: '0', sepA0: members[1]!.id, sepB0: members[2]!.id }),
    );
    assert.equal(made.status, 303, made.html);
    const report = await chief.get(made.location!);
    assert.equal(report.status, 200);
    const why = [...report.html.matchAll(/<summary>チーム分けの理由<\/summary><ul>(.*?)<\/ul>/g)]
      .map((m) => [...m[1]!.matchAll(/<li>([^<]*)<\/li>/g)].map((li) => li[1]))
      .flat();
    assert.ok(why.length >= 4, why.join('\n'));
    assert.doesNotMatch(report.html, /<li lang="en"/, 'no reason is left in English');
    assert.ok(
      why.some((w) => /^佐藤 花子とSuzuki Kenを別チームに（Suzuki Kenは[AB]チーム）$/.test(w!)) &&
        why.some((w) => /^Suzuki Kenと佐藤 花子を別チームに（佐藤 花子は[AB]チーム）$/.test(w!)),
      why.join('\n'),
    );
    assert.ok(
      why.some((w) => /^\d名。在宅勤務にはシンクライアント\d席と貸出PC\d台が必要です$/.test(w!)),
      why.join('\n'),
    );
    assert.ok(
      why.some((w) => w === '課長：山田 太郎'),
      why.join('\n'),
    );
    const english = report.html.includes('thin-client seats') || report.html.includes('MISSES');
    assert.equal(english, false);

    // The same report in English reads as English.
    const en = await chief.get(`${made.location!}?lang=en`);
    assert.match(
      en.html,
      /members: \d; working from home they need thin-client seats: \d, loan PCs: \d/,
    );
    await h.close();
  });
});
