import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  composeQuarantineMessages,
  type OutboxMessage,
  type Person,
  type QuarantineNotice,
} from '../../src/notify/quarantine-notice.ts';
import { QUARANTINE_TEMPLATES } from '../../src/notify/templates.ts';

// The reason HR typed: it lives in the quarantine record, and must never reach a message.
const REASON = 'PCR陽性・濃厚接触 SECRET-REASON-7731';

const p = (id: string, name: string): Person => ({ id, name, email: `${id}@example.jp` });
const chief = p('chief', '山田 太郎'); // the chief is also a member of team A, which covers
const teamA = [chief, p('a2', '佐藤 花子')];
const teamB = [p('b1', '鈴木 一郎'), p('b2', 'Tanaka Ken'), p('b3', '高橋 直子')];
const teamC = [p('c1', '伊藤 光'), p('c2', '渡辺 誠')];

/** What the quarantine use case has at hand: the stored record, reason included. */
const stored = {
  id: 'q-1',
  subject: 'team' as const,
  teamLabel: 'B',
  startDate: '2026-12-01',
  endDate: '2026-12-14',
  reason: REASON,
  markedBy: 'hr-token',
};

function notice(language: 'ja' | 'en', over: Partial<QuarantineNotice> = {}): QuarantineNotice {
  return {
    kind: 'marked',
    department: { id: 'd-1', name: language === 'ja' ? '情報政策課' : 'IT Policy', language },
    // A careless caller spreads the whole record: the reason rides along at run time, the type has no place for it.
    quarantine: { ...stored },
    standby: { people: teamB, dates: ['2026-12-01', '2026-12-04', '2026-12-09'] },
    covering: [
      { teamLabel: 'A', members: teamA, dates: ['2026-12-01', '2026-12-09'] },
      { teamLabel: 'C', members: teamC, dates: ['2026-12-04'] },
    ],
    chiefs: [chief],
    swaps: [
      { date: '2026-12-09', fromTeamLabel: 'B', toTeamLabel: 'A' },
      { date: '2026-12-01', fromTeamLabel: 'B', toTeamLabel: 'A' },
      { date: '2026-12-04', fromTeamLabel: 'B', toTeamLabel: 'C' },
      { date: '2026-12-11', fromTeamLabel: 'B', toTeamLabel: null },
    ],
    uncovered: ['2026-12-11'],
    ...over,
  };
}

let seq = 0;
const opts = (o: Partial<Parameters<typeof composeQuarantineMessages>[1]> = {}) => ({
  slackWebhookUrl: 'https://hooks.slack.example/services/T000/B000/XXXX',
  emailEnabled: true,
  at: '2026-11-24T09:00:00.000Z',
  newId: () => `m-${++seq}`,
  ...o,
});

const to = (rows: OutboxMessage[], email: string) => {
  const found = rows.filter((r) => r.recipient === email);
  assert.equal(found.length, 1, `exactly one message to ${email}`);
  return found[0]!;
};

// The notice type itself has no field for a reason: a compile error here means someone added one.
type ReasonKeys = Extract<
  keyof QuarantineNotice | keyof QuarantineNotice['quarantine'],
  `${string}eason${string}`
>;
const noReasonField: [ReasonKeys] extends [never] ? true : false = true;

describe('composing quarantine notifications', () => {
  it('has no reason field in the notice type', () => {
    assert.equal(noReasonField, true);
  });

  it('renders a marked team in Japanese: standby dates, new office days, and the chief summary', () => {
    const rows = composeQuarantineMessages(notice('ja'), opts());
    const standby = to(rows, 'b1@example.jp');
    assert.equal(standby.channel, 'email');
    assert.equal(
      standby.subject,
      '【自宅待機のお知らせ】情報政策課（2026年12月1日(火)〜2026年12月14日(月)）',
    );
    assert.match(standby.body, /^鈴木 一郎 様\n/);
    assert.match(standby.body, /自宅待機です。出勤せず、自宅で勤務してください。/);
    for (const d of ['12月1日(火)', '12月4日(金)', '12月9日(水)'])
      assert.ok(standby.body.includes(`・${d}`), d);
    assert.match(
      standby.body,
      /カレンダー（勤務予定の購読）への反映には数時間かかることがあります/,
      'says feeds follow within hours',
    );

    const covering = to(rows, 'c1@example.jp');
    assert.equal(covering.subject, '【出勤日の追加】情報政策課：Cチーム');
    assert.match(
      covering.body,
      /Cチームは、他のチームに代わって次の日に出勤することになりました。\n・12月4日\(金\)/,
    );
    assert.ok(!covering.body.includes('12月9日'), 'only their own new days');
    assert.ok(
      !covering.body.includes('課長向け'),
      'a member of a covering team gets no chief summary',
    );
  });

  it('renders the same event in English for an English department', () => {
    const rows = composeQuarantineMessages(notice('en'), opts());
    const standby = to(rows, 'b2@example.jp');
    assert.equal(standby.subject, '[IT Policy] Standby: Tue 1 Dec 2026 – Mon 14 Dec 2026');
    assert.match(standby.body, /^Dear Tanaka Ken,\n/);
    assert.match(standby.body, /• Fri 4 Dec/);
    assert.match(
      standby.body,
      /Calendar feeds refresh within hours; this message is the immediate notice\./,
    );
    const covering = to(rows, 'a2@example.jp');
    assert.equal(covering.subject, '[IT Policy] New office days for Team A');
    assert.match(
      covering.body,
      /Team A now works in the office on these days, in place of another team:\n• Tue 1 Dec\n• Wed 9 Dec/,
    );
    for (const r of rows)
      assert.doesNotMatch(
        r.body + r.subject,
        /[ぁ-んァ-ン]/,
        'no Japanese template text in English messages',
      );
  });

  it('gives every person exactly one message, merging what someone is told in several roles', () => {
    for (const language of ['ja', 'en'] as const) {
      const rows = composeQuarantineMessages(notice(language), opts());
      const emails = rows
        .filter((r) => r.channel === 'email')
        .map((r) => r.recipient)
        .sort();
      const everyone = [...teamA, ...teamB, ...teamC].map((x) => x.email).sort();
      assert.deepEqual(emails, everyone);
      assert.equal(
        rows.filter((r) => r.channel === 'slack').length,
        1,
        'one Slack message per event',
      );
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'fresh ids');
      // The chief covers with team A and gets the summary, in one message.
      const mine = to(rows, chief.email);
      assert.match(
        mine.body,
        language === 'ja' ? /Aチームは、他のチームに代わって/ : /Team A now works in the office/,
      );
      assert.match(mine.body, language === 'ja' ? /■ 課長向けのまとめ/ : /Summary for the chief/);
    }
    // A person listed twice (in two covering lists, say) still gets one message.
    const twice = composeQuarantineMessages(
      notice('ja', {
        chiefs: [chief, chief],
        covering: [{ teamLabel: 'A', members: [...teamA, chief], dates: ['2026-12-01'] }],
      }),
      opts(),
    );
    to(twice, chief.email);
  });

  it('the chief summary lists every swap, in date order, and every uncovered date', () => {
    const ja = to(composeQuarantineMessages(notice('ja'), opts()), chief.email).body;
    const swaps = [
      '・12月1日(火)　Bチーム → Aチーム',
      '・12月4日(金)　Bチーム → Cチーム',
      '・12月9日(水)　Bチーム → Aチーム',
      '・12月11日(金)　Bチーム → 出勤チームなし',
    ];
    const at = swaps.map((s) => ja.indexOf(s));
    assert.ok(
      at.every((i) => i >= 0),
      ja,
    );
    assert.deepEqual(
      at,
      [...at].sort((a, b) => a - b),
    );
    assert.match(ja, /出勤チームのない日（対応が必要です）:\n・12月11日\(金\)/);
    assert.match(ja, /自宅待機の人数: 3名/);

    const en = to(composeQuarantineMessages(notice('en'), opts()), chief.email).body;
    assert.match(
      en,
      /Office days moved:\n• Tue 1 Dec: Team B → Team A\n• Fri 4 Dec: Team B → Team C\n• Wed 9 Dec: Team B → Team A\n• Fri 11 Dec: Team B → no team/,
    );
    assert.match(en, /Days with no team in the office \(action needed\):\n• Fri 11 Dec/);

    const calm = to(
      composeQuarantineMessages(notice('en', { swaps: [], uncovered: [] }), opts()),
      chief.email,
    ).body;
    assert.match(calm, /No office days moved\./);
    assert.match(calm, /Every office day is covered\./);
  });

  it('never lets the reason into any subject or body, whatever channel, kind or language', () => {
    const variants: QuarantineNotice[] = [];
    for (const language of ['ja', 'en'] as const) {
      variants.push(notice(language));
      variants.push(
        notice(language, {
          kind: 'lifted',
          quarantine: { ...stored, liftedFrom: '2026-12-08' },
          returned: { teamLabel: 'B', members: teamB, dates: ['2026-12-09'] },
        }),
      );
      variants.push(
        notice(language, {
          quarantine: { ...stored, subject: 'member', memberName: '鈴木 一郎' },
          standby: { people: [teamB[0]!], dates: [] },
          covering: [],
          swaps: [],
          uncovered: [],
        }),
      );
    }
    for (const n of variants) {
      for (const o of [opts(), opts({ slackWebhookUrl: null }), opts({ emailEnabled: false })]) {
        for (const r of composeQuarantineMessages(n, o)) {
          const text = `${r.subject}\n${r.body}`;
          assert.ok(!text.includes(REASON), `${r.channel} ${r.recipient}`);
          for (const part of REASON.split(/[・ ]/))
            assert.ok(!text.includes(part), `${part} in ${r.channel} ${r.recipient}`);
          assert.doesNotMatch(text, /\{\w+\}/, 'every placeholder filled');
        }
      }
    }
  });

  it("posts one message to the department's Slack channel, naming teams but not a member on standby", () => {
    const team = composeQuarantineMessages(notice('ja'), opts()).filter(
      (r) => r.channel === 'slack',
    );
    assert.equal(team.length, 1);
    assert.equal(team[0]!.recipient, 'https://hooks.slack.example/services/T000/B000/XXXX');
    assert.match(
      team[0]!.body,
      /^\*情報政策課\*：Bチームは2026年12月1日\(火\)〜2026年12月14日\(月\)の間、自宅待機です。/,
    );
    assert.match(team[0]!.body, /12月11日\(金\)　Bチーム → 出勤チームなし/);

    const member = notice('en', {
      quarantine: { ...stored, subject: 'member', teamLabel: 'B', memberName: '鈴木 一郎' },
      standby: { people: [teamB[0]!], dates: ['2026-12-04'] },
      covering: [],
      swaps: [],
      uncovered: [],
    });
    const rows = composeQuarantineMessages(member, opts());
    const slack = rows.filter((r) => r.channel === 'slack');
    assert.equal(slack.length, 1);
    assert.match(slack[0]!.body, /one member of Team B is on standby/);
    assert.ok(!slack[0]!.body.includes('鈴木'), 'the channel reaches everyone: no name');
    assert.match(
      to(rows, chief.email).subject,
      /Standby marked: 鈴木 一郎 \(Team B\)/,
      'the chief is told who',
    );
    assert.deepEqual(
      rows
        .filter((r) => r.channel === 'email')
        .map((r) => r.recipient)
        .sort(),
      ['b1@example.jp', chief.email].sort(),
    );
  });

  it('without a webhook there is no Slack row; without e-mail every message goes to the log channel, none dropped', () => {
    const noSlack = composeQuarantineMessages(notice('ja'), opts({ slackWebhookUrl: null }));
    assert.equal(noSlack.filter((r) => r.channel === 'slack').length, 0);
    const none = composeQuarantineMessages(
      notice('ja'),
      opts({ slackWebhookUrl: null, emailEnabled: false }),
    );
    assert.equal(none.length, 7);
    assert.ok(
      none.every(
        (r) =>
          r.channel === 'log' &&
          r.status === 'pending' &&
          r.attempts === 0 &&
          r.nextAttemptAt === '2026-11-24T09:00:00.000Z',
      ),
    );
    assert.deepEqual(
      none.map((r) => r.recipient).sort(),
      [...teamA, ...teamB, ...teamC].map((x) => x.email).sort(),
    );
    const noAddress = composeQuarantineMessages(
      notice('ja', { standby: { people: [{ id: 'nx', name: 'No Mail', email: '' }], dates: [] } }),
      opts(),
    );
    assert.equal(
      noAddress.find((r) => r.recipient === 'member:nx')?.channel,
      'log',
      'someone without an address is logged, not dropped',
    );
    for (const r of none) {
      assert.equal(r.departmentId, 'd-1');
      assert.equal(r.topic, 'quarantine.marked');
      assert.equal(r.refId, 'q-1');
    }
  });

  it('a lift tells standby people it ends, the original team its days back, covering teams their days handed back', () => {
    const lift = notice('ja', {
      kind: 'lifted',
      quarantine: { ...stored, liftedFrom: '2026-12-08' },
      standby: { people: teamB, dates: [] },
      returned: { teamLabel: 'B', members: teamB, dates: ['2026-12-09'] },
      covering: [{ teamLabel: 'A', members: teamA, dates: ['2026-12-09'] }],
      swaps: [{ date: '2026-12-09', fromTeamLabel: 'A', toTeamLabel: 'B' }],
      uncovered: [],
    });
    const rows = composeQuarantineMessages(lift, opts());
    const b = to(rows, 'b3@example.jp');
    assert.equal(b.subject, '【自宅待機の解除】情報政策課（2026年12月8日(火)から）');
    assert.match(b.body, /自宅待機は2026年12月8日\(火\)から解除されます。/);
    assert.match(
      b.body,
      /Bチームの次の出勤日が元に戻りました。出勤してください。\n・12月9日\(水\)/,
    );
    const a = to(rows, 'a2@example.jp');
    assert.match(
      a.body,
      /Aチームが代わりに出勤する予定だった次の日は、元のチームに戻ります。この日は在宅勤務です。\n・12月9日\(水\)/,
    );
    const c = to(rows, chief.email);
    assert.match(c.body, /Bチームの自宅待機を2026年12月8日\(火\)から解除しました/);
    assert.match(c.body, /・12月9日\(水\)　Aチーム → Bチーム/);
    assert.ok(rows.every((r) => r.topic === 'quarantine.lifted'));
    assert.equal(
      rows.filter((r) => r.channel === 'email').length,
      teamA.length + teamB.length,
      'team C was not involved',
    );
  });

  it('has the same template keys in Japanese and English', () => {
    assert.deepEqual(
      Object.keys(QUARANTINE_TEMPLATES.ja).sort(),
      Object.keys(QUARANTINE_TEMPLATES.en).sort(),
    );
  });
});
