import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/contract/schemas.ts';
import { fieldMessage } from '../../src/web/shared/i18n.ts';

describe('field errors in the page language', () => {
  it('says the problem wholly in Japanese from its code; in English from the same code', () => {
    const errors = validate('members-create', {
      members: [{ email: 'not-an-email', remoteAccess: 'vpn', shoeSize: 27 }],
    });
    const ja = errors.map((e) => [e.path, fieldMessage('ja', e)]);
    const byPath = Object.fromEntries(ja) as Record<string, string>;
    assert.equal(byPath['/members/0/name'], '入力してください');
    assert.equal(byPath['/members/0/email'], 'メールアドレスの形式が正しくありません');
    assert.equal(byPath['/members/0/remoteAccess'], '一覧から選んでください');
    assert.equal(byPath['/members/0/shoeSize'], 'この項目は受け付けていません');
    assert.equal(
      fieldMessage(
        'en',
        errors.find((e) => e.path === '/members/0/email')!,
      ),
      'Not a valid e-mail address',
    );
    for (const e of errors) assert.ok(e.code, `${e.path}: ${e.message} has a code`);
    assert.equal(
      fieldMessage('ja', {
        message: 'is before today (2026-12-05); past days are history',
        code: 'past-date',
        params: { today: '2026-12-05' },
      }),
      '今日より前の日付は指定できません（今日は2026年12月5日(土)。過去の日は記録として残ります）',
      'the Japanese says it all: no English after it',
    );
    const empty = validate('members-create', { members: [{ name: '', email: 'a@b.jp' }] });
    assert.ok(
      empty.every((e) => fieldMessage('ja', e) === '入力してください'),
      JSON.stringify(empty),
    );
    const long = validate('members-create', {
      members: [{ name: 'x'.repeat(201), email: 'a@b.jp' }],
    });
    assert.deepEqual(
      long.map((e) => fieldMessage('ja', e)),
      ['200文字以内で入力してください'],
    );
    assert.equal(
      fieldMessage('ja', { message: 'something new', code: 'no-such-code' }),
      '入力内容に問題があります。もう一度確かめてください',
      'unknown: a Japanese word for it, never the English',
    );
    assert.equal(fieldMessage('en', { message: 'something new' }), 'something new');
  });
});
