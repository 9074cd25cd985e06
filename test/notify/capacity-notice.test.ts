import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  composeQuarantineMessages,
  type Person,
  type QuarantineNotice,
} from '../../src/notify/quarantine-notice.ts';

const p = (id: string, name: string): Person => ({ id, name, email: `${id}@example.jp` });
const chief = p('chief', '山田 太郎');
const teamB = [p('b1', '鈴木 一郎'), p('b2', 'Tanaka Ken')];

function notice(language: 'ja' | 'en', capacity?: QuarantineNotice['capacity']): QuarantineNotice {
  return {
    kind: 'marked',
    department: { id: 'd-1', name: language === 'ja' ? '情報政策課' : 'IT Policy', language },
    quarantine: {
      id: 'q-1',
      subject: 'team',
      teamLabel: 'B',
      startDate: '2026-12-01',
      endDate: '2026-12-14',
    },
    standby: { people: teamB, dates: ['2026-12-02'] },
    covering: [],
    chiefs: [chief],
    swaps: [{ date: '2026-12-02', fromTeamLabel: 'B', toTeamLabel: 'A' }],
    uncovered: [],
    ...(capacity ? { capacity } : {}),
  };
}
const opts = {
  slackWebhookUrl: 'https://hooks.slack.example/services/T/B/X',
  emailEnabled: true,
  at: '2026-11-24T09:00:00.000Z',
  newId: () => 'm',
};
const messages = (n: QuarantineNotice) => composeQuarantineMessages(n, opts);
const chiefBody = (n: QuarantineNotice) =>
  messages(n).find((r) => r.recipient === chief.email)!.body;

describe('the capacity effect in quarantine notifications', () => {
  it('tells the chief the dates remote capacity runs short, in the department’s language', () => {
    const dates = ['2026-12-07', '2026-12-03'];
    assert.match(
      chiefBody(notice('ja', { newShortageDates: dates })),
      /足りなくなる日（対応が必要です）:\n・12月3日\(木\)\n・12月7日\(月\)/,
    );
    assert.match(
      chiefBody(notice('en', { newShortageDates: dates })),
      /remote capacity \(thin-client seats, loan PCs\) short \(action needed\):\n• Thu 3 Dec\n• Mon 7 Dec/,
    );
  });

  it('says capacity holds when nothing runs short, and says nothing when no capacity is set', () => {
    assert.match(
      chiefBody(notice('en', { newShortageDates: [] })),
      /Remote capacity \(thin-client seats, loan PCs\) still holds over this period\./,
    );
    assert.match(chiefBody(notice('ja', { newShortageDates: [] })), /この期間も足ります。/);
    assert.doesNotMatch(chiefBody(notice('en')), /capacity/i);
  });

  it('tells only the chief: not the people on standby, not the Slack channel', () => {
    const rows = messages(notice('en', { newShortageDates: ['2026-12-07'] }));
    for (const r of rows.filter((x) => x.recipient !== chief.email))
      assert.doesNotMatch(r.body, /capacity/i, r.recipient);
  });
});
