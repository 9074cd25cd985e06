import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { harness, type Harness } from '../support/harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const shape = (m: any) => [m.name, m.email, m.skills, m.position, m.remoteAccess];

describe('rosters as Japanese Excel saves them', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  const importInto = async (name: string, body: Uint8Array | string) => {
    const dept = await h.call('POST', '/v1/departments', { body: { name } });
    return h.call('POST', `/v1/departments/${dept.json.id}/members`, { body, type: 'text/csv' });
  };

  it('reads Shift_JIS (CP932, NEC and IBM extensions such as ①, ⅰ and 髙 included) with Japanese headers and values', async () => {
    const r = await importInto('総務課', fixture('roster-cp932.csv'));
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json.members.map(shape), [
      ['髙橋　①郎', 'takahashi@example.jp', ['ネットワーク', '経理'], 'chief', 'company-pc'],
      ['佐藤 ⅰ子', 'Sato@Example.JP', ['経理', '庶務'], 'deputy', 'loan-pc'],
      ['鈴木 一郎', 'suzuki@example.jp', [], 'staff', 'thin-client'],
      ['田中 花子', 'tanaka@example.jp', ['ネットワーク'], 'staff', 'company-pc'],
    ]);
  });

  it('reads the same roster saved as "CSV UTF-8" (with a BOM, CRLF)', async () => {
    const r = await importInto('人事課', fixture('roster-ja-bom-crlf.csv'));
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(
      r.json.members.map((m: any) => [m.name, m.position, m.remoteAccess]),
      [
        ['髙橋　①郎', 'chief', 'company-pc'],
        ['佐藤 ⅰ子', 'deputy', 'loan-pc'],
        ['鈴木 一郎', 'staff', 'thin-client'],
        ['田中 花子', 'staff', 'company-pc'],
      ],
    );
  });

  it('names a Japanese value the glossary does not know, by line and field', async () => {
    const r = await importInto('企画課', '氏名,メール,役職\n山田 太郎,yamada@example.jp,部長\n');
    assert.equal(r.status, 422, r.text);
    assert.deepEqual(
      r.json.errors.map((e: any) => [e.path, e.line]),
      [['/members/0/position', 2]],
    );
  });

  it('matches an e-mail written in full-width letters to the same member (NFKC, any case)', async () => {
    const dept = await h.call('POST', '/v1/departments', { body: { name: '財政課' } });
    const add = (email: string) =>
      h.call('POST', `/v1/departments/${dept.json.id}/members`, {
        body: `氏名,メールアドレス\n山田 太郎,${email}\n`,
        type: 'text/csv',
      });
    assert.equal((await add('yamada@example.jp')).status, 201);
    assert.equal((await add('ＹＡＭＡＤＡ＠ｅｘａｍｐｌｅ．ｊｐ')).status, 409, 'the same person');
  });

  it('keeps the reading (フリガナ) and lists members by it, else by the name read as Japanese, not by code point', async () => {
    const dept = await h.call('POST', '/v1/departments', { body: { name: '広報課' } });
    const csv = [
      '氏名,フリガナ,メールアドレス',
      '佐藤 花子,サトウ ハナコ,sato@example.jp',
      '渡辺 翔,,watanabe@example.jp',
      '"Nakamura, Aiko",ナカムラ アイコ,nakamura@example.jp',
      '伊藤 由美,いとう ゆみ,ito@example.jp',
    ].join('\n');
    const r = await h.call('POST', `/v1/departments/${dept.json.id}/members`, {
      body: csv,
      type: 'text/csv',
    });
    assert.equal(r.status, 201, r.text);
    const list = (await h.call('GET', `/v1/departments/${dept.json.id}/members`)).json.members;
    assert.deepEqual(
      list.map((m: any) => [m.name, m.kana]),
      [
        ['伊藤 由美', 'いとう ゆみ'],
        ['佐藤 花子', 'サトウ ハナコ'],
        ['Nakamura, Aiko', 'ナカムラ アイコ'],
        ['渡辺 翔', null],
      ],
    );
    const cleared = await h.call('PATCH', `/v1/members/${list[0].id}`, { body: { kana: null } });
    assert.equal(cleared.status, 200, cleared.text);
    assert.equal(cleared.json.kana, null);
  });
});
