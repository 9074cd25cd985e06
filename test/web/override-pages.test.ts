import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, seedDepartment, seedPublishedRotation } from '../support/harness.ts';
import { webClient } from '../support/web-session.ts';

const hidden = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
      .filter((m) => m[1] !== '_csrf')
      .map((m) => [m[1]!, m[2]!]),
  );

describe('override pages', () => {
  it('a chief changes a day from its form: preview (nothing written), apply, list, undo — in Japanese', async () => {
    const h = await harness();
    const { department } = await seedDepartment(h);
    const rotation = await seedPublishedRotation(h, department.id);
    const chief = webClient(h);
    await chief.signIn((await h.tokenFor('chief', { departmentId: department.id })).token);

    const form = await chief.get(`/rotations/${rotation.id}/overrides/new?date=2027-01-05`);
    assert.equal(form.status, 200, form.html.slice(0, 300));
    assert.match(form.html, /2027年1月5日\(火\)|1月5日\(火\)/);
    assert.match(form.html, /別の日と出勤チームを入れ替える/);

    // A Saturday: refused next to the other day's field, nothing written.
    const counts = await h.rowCounts();
    const bad = await chief.post(`/rotations/${rotation.id}/overrides/preview`, {
      kind: 'swap',
      date: '2027-01-05',
      version: String(rotation.version),
      otherDate: '2027-01-09',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.html, /id="otherDate-error">[^<]*勤務日ではありません/);

    const preview = await chief.post(`/rotations/${rotation.id}/overrides/preview`, {
      kind: 'swap',
      date: '2027-01-05',
      version: String(rotation.version),
      otherDate: '2027-01-06',
    });
    assert.equal(preview.status, 200, preview.html.slice(0, 500));
    assert.match(preview.html, /出勤チームの変わる日/);
    assert.match(preview.html, /勤務予定の変わる人（\d+名）/);
    assert.deepEqual(await h.rowCounts(), counts, 'a preview writes nothing');

    const applied = await chief.post(
      `/rotations/${rotation.id}/overrides/apply`,
      hidden(preview.html),
    );
    assert.equal(applied.status, 303, applied.html.slice(0, 500));
    const list = await chief.get(applied.location!);
    assert.match(list.html, /出勤日を変更しました/);
    assert.match(list.html, /2027年1月5日\(火\)と2027年1月6日\(水\)の出勤チームを入れ替え/);
    const schedule = (
      await h.call('GET', `/v1/rotations/${rotation.id}/schedule?from=2027-01-05&to=2027-01-06`)
    ).json.days;
    assert.deepEqual(
      schedule.map((d: any) => d.officeTeamId),
      [rotation.teams[0].id, rotation.teams[1].id],
    );

    // The same confirmation again: the rotation moved on, so it is asked again.
    const again = await chief.post(
      `/rotations/${rotation.id}/overrides/apply`,
      hidden(preview.html),
    );
    assert.equal(again.status, 412);
    assert.match(again.html, /この画面を開いた後に、出勤予定が変わりました/);

    const undoAction = /action="(\/rotations\/[^"]+\/undo\/preview)"/.exec(list.html)![1]!;
    const undoPreview = await chief.post(undoAction, {});
    assert.equal(undoPreview.status, 200, undoPreview.html.slice(0, 500));
    assert.match(undoPreview.html, /変更の取り消しの確認/);
    const apply = /action="(\/rotations\/[^"]+\/undo\/apply)"/.exec(undoPreview.html)![1]!;
    const undone = await chief.post(apply, hidden(undoPreview.html));
    assert.equal(undone.status, 303, undone.html.replace(/<style>.*<\/style>/s, '').slice(0, 1500));
    assert.match((await chief.get(undone.location!)).html, /変更を取り消しました/);
    await h.close();
  });

  it('HR reads the list without undo buttons and is refused the forms; staff are refused both', async () => {
    const h = await harness();
    const { department, members } = await seedDepartment(h);
    const rotation = await seedPublishedRotation(h, department.id);
    const made = await h.call('POST', `/v1/rotations/${rotation.id}/overrides`, {
      body: { kind: 'close', date: '2027-01-08', reason: '停電' },
      headers: { 'if-match': `"${rotation.version}"` },
    });
    assert.equal(made.status, 201, made.text);
    const hr = webClient(h);
    await hr.signIn((await h.tokenFor('hr')).token);
    const list = await hr.get(`/rotations/${rotation.id}/overrides`);
    assert.equal(list.status, 200);
    assert.match(list.html, /2027年1月8日\(金\)は事務所閉鎖（停電）/);
    assert.doesNotMatch(list.html, /undo\/preview/);
    assert.equal((await hr.get(`/rotations/${rotation.id}/overrides/new`)).status, 403);
    const staff = webClient(h);
    await staff.signIn((await h.tokenFor('staff', { memberId: members[2]!.id })).token);
    assert.equal((await staff.get(`/rotations/${rotation.id}/overrides`)).status, 403);
    assert.equal((await staff.get(`/rotations/${rotation.id}/overrides/new`)).status, 403);
    await h.close();
  });
});
