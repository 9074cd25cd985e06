import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/contract/schemas.ts';
import { fieldMessage } from '../../src/web/shared/i18n.ts';

describe('field errors in the page language', () => {
  it('leads with the kind of problem in Japanese and keeps the English detail; English as the API says it', () => {
    const errors = validate('members-create', {
      members: [{ email: 'not-an-email', remoteAccess: 'vpn', shoeSize: 27 }],
    });
    const ja = errors.map((e) => [e.path, fieldMessage('ja', e)]);
    const byPath = Object.fromEntries(ja) as Record<string, string>;
    assert.equal(byPath['/members/0/name'], '入力してください');
    assert.match(byPath['/members/0/email']!, /^形式が正しくありません（is not a valid email）$/);
    assert.match(byPath['/members/0/remoteAccess']!, /^選べない値です（must be one of/);
    assert.equal(byPath['/members/0/shoeSize'], 'この項目は受け付けていません');
    for (const e of errors) assert.equal(fieldMessage('en', e), e.message);
    assert.equal(
      fieldMessage('ja', { message: 'is before today (2026-12-05); past days are history' }),
      '今日より前の日付は指定できません（過去の日は記録として残ります）',
      'the Japanese says it all: no English after it',
    );
    const empty = validate('members-create', { members: [{ name: '', email: 'a@b.jp' }] });
    assert.ok(
      empty.some((e) => fieldMessage('ja', e) === '入力してください'),
      JSON.stringify(empty),
    );
    assert.equal(
      fieldMessage('ja', { message: 'something new', code: 'no-such-code' }),
      'something new',
      'unknown: the message as it is',
    );
  });
});
