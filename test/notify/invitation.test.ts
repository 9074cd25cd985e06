import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitationText } from '../../src/notify/invitation.ts';

describe('the invitation e-mail', () => {
  it('says until when the link works as people read dates, not as YYYY-MM-DD', () => {
    const v = {
      name: '山田 太郎',
      url: 'https://bunsan.example.jp/invite/inv_x',
      expires: '2026-12-08',
    };
    assert.match(
      invitationText('ja', v).body,
      /リンクは 2026年12月8日\(火\) まで、1回だけ使えます。/,
    );
    assert.match(invitationText('en', v).body, /The link works once, until Tue 8 Dec 2026\./);
  });
});
