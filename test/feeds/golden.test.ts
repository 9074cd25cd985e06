import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { lintIcs } from '../support/ics-lint.ts';
import { feedScenario, type FeedScenario } from '../support/feed-scenario.ts';
import { renderGoldens } from '../support/golden-feeds.ts';

const golden = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const root = new URL('../..', import.meta.url).pathname;

describe('golden feeds of a small department', () => {
  let s: FeedScenario;
  let out: Record<string, string>;
  before(async () => {
    s = await feedScenario();
    out = await renderGoldens(s);
  });
  after(() => s.h.close());

  for (const name of ['member.ics', 'member-remote.ics', 'team.ics', 'department.ics']) {
    it(`${name} equals its golden file byte for byte, and passes our byte-level lint`, () => {
      assert.equal(out[name], golden(name));
      assert.deepEqual(lintIcs(out[name]!), []);
    });
  }

  it('renders byte-identical feeds under TZ=UTC, Asia/Tokyo, America/Los_Angeles and Pacific/Kiritimati', () => {
    const script = `import { feedScenario } from './test/support/feed-scenario.ts';
      import { renderGoldens } from './test/support/golden-feeds.ts';
      const s = await feedScenario(); const out = await renderGoldens(s);
      process.stdout.write(JSON.stringify(out));`;
    const digests = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((TZ) => {
      const json = execFileSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { cwd: root, env: { ...process.env, TZ, NODE_TEST_CONTEXT: '' }, encoding: 'utf8' },
      );
      const bodies = JSON.parse(json) as Record<string, string>;
      assert.equal(bodies['member.ics'], golden('member.ics'), `member feed under TZ=${TZ}`);
      return createHash('sha256').update(json).digest('hex');
    });
    assert.equal(new Set(digests).size, 1, digests.join(' '));
  });
});
