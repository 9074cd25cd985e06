import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

describe('the roster’s Slack member ID column', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  const sync = (deptId: string, csv: string, ifMatch: string) =>
    h.call('POST', `/v1/departments/${deptId}/roster`, {
      body: csv,
      type: 'text/csv',
      headers: { 'if-match': ifMatch },
    });
  const members = async (deptId: string) => {
    const r = await h.call('GET', `/v1/departments/${deptId}/members`);
    return { list: r.json.members as any[], etag: r.headers.get('etag')! };
  };

  it('reads SlackユーザーID (upper-cased), exports it, and a re-sync of the export changes nothing', async () => {
    const dept = (await h.call('POST', '/v1/departments', { body: { name: '総務課' } })).json.id;
    const csv =
      '氏名,メールアドレス,SlackユーザーID\r\n山田 太郎,yamada@example.jp,u012ab3cd\r\n佐藤 花子,sato@example.jp,\r\n';
    const r = await sync(dept, csv, '"0"');
    assert.equal(r.status, 200, r.text);
    const { list, etag } = await members(dept);
    const byEmail = new Map(list.map((m) => [m.email, m]));
    assert.equal(byEmail.get('yamada@example.jp').slackUserId, 'U012AB3CD');
    assert.equal(byEmail.get('sato@example.jp').slackUserId, null);

    const exported = await h.call('GET', `/v1/departments/${dept}/members.csv`);
    const lines = exported.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines[0], '氏名,フリガナ,メールアドレス,スキル,役職,在宅勤務環境,SlackユーザーID');
    assert.ok(
      lines.some((l) => l.endsWith(',yamada@example.jp,,職員,会社PC,U012AB3CD')),
      exported.text,
    );
    const again = await sync(dept, exported.text, etag);
    assert.equal(again.json.unchanged, 2);

    // A file without the column keeps the IDs; an empty cell in it clears one.
    const kept = await sync(
      dept,
      '氏名,メールアドレス\r\n山田 太郎,yamada@example.jp\r\n佐藤 花子,sato@example.jp\r\n',
      etag,
    );
    assert.equal(kept.json.unchanged, 2);
  });

  it('refuses an ID another member has (any department) with 409 naming it, and a malformed one with 422', async () => {
    const dept = (await h.call('POST', '/v1/departments', { body: { name: '人事課' } })).json.id;
    const counts = await h.rowCounts();
    const taken = await sync(
      dept,
      '氏名,メールアドレス,SlackユーザーID\r\n鈴木 一郎,suzuki@example.jp,U012AB3CD\r\n',
      '"0"',
    );
    assert.equal(taken.status, 409, taken.text);
    assert.equal(taken.json.errors[0].code, 'slack-user-taken');
    assert.deepEqual(await h.rowCounts(), counts, 'nothing changed');
    const bad = await sync(
      dept,
      '氏名,メールアドレス,SlackユーザーID\r\n鈴木 一郎,suzuki@example.jp,@suzuki\r\n',
      '"0"',
    );
    assert.equal(bad.status, 422, bad.text);
    assert.equal(bad.json.errors[0].path, '/members/0/slackUserId');
    assert.equal(bad.json.errors[0].line, 2);
  });
});
